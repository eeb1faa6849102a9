import { errorCopy, type ErrorCopy, type KnownErrorCode } from "./error-copy";

export type DescribedError = ErrorCopy & { code: KnownErrorCode; correlationId: string | null };

type ErrorData = { appCode?: unknown; correlationId?: unknown; details?: unknown };

function dataOf(error: unknown): ErrorData | null {
  if (typeof error !== "object" || error === null || !("data" in error)) return null;
  const data = (error as { data: unknown }).data;
  return typeof data === "object" && data !== null ? (data as ErrorData) : null;
}

function retryAfterSeconds(details: unknown): number | null {
  if (typeof details !== "object" || details === null) return null;
  const value = (details as { retryAfterSeconds?: unknown }).retryAfterSeconds;
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? value : null;
}

export function tryAgainIn(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return `Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
}

function isKnown(code: unknown): code is KnownErrorCode {
  return typeof code === "string" && Object.hasOwn(errorCopy, code);
}

/** Turns whatever a tRPC call threw into the one message and next step the UI shows for its code. */
export function describeError(error: unknown): DescribedError {
  const data = dataOf(error);
  const correlationId = typeof data?.correlationId === "string" ? data.correlationId : null;
  // No data means the request never got a tRPC answer: offline, DNS, a proxy page.
  const code: KnownErrorCode = !data ? "NETWORK" : isKnown(data.appCode) ? data.appCode : "INTERNAL";
  const copy: ErrorCopy = errorCopy[code];
  if (code === "RATE_LIMITED") {
    const seconds = retryAfterSeconds(data?.details);
    return { ...copy, code, correlationId, message: seconds ? tryAgainIn(seconds) : copy.message };
  }
  if (code === "INTERNAL") {
    // The server's INTERNAL message is generic by construction and carries the reference id support needs.
    const message = error instanceof Error && /reference/i.test(error.message) ? error.message : copy.message;
    const withReference =
      correlationId && !message.includes(correlationId) ? `${message} (reference ${correlationId})` : message;
    return { ...copy, code, correlationId, message: withReference };
  }
  return { ...copy, code, correlationId };
}
