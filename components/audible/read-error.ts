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

const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? "" : "s"}`;

/** Minutes up to two hours, then hours: "Try again in 1440 minutes" helps nobody. */
export function tryAgainIn(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  if (minutes <= 120) return `Try again in ${plural(minutes, "minute")}.`;
  return `Try again in ${plural(Math.ceil(minutes / 60), "hour")}.`;
}

// The server words the wait itself (server/rate-limit/middleware.ts); its sentence is reused when present.
const SERVER_WAIT = /Try again in \d+ (?:second|minute|hour)s?\./;

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
    const fromServer = error instanceof Error ? SERVER_WAIT.exec(error.message)?.[0] : undefined;
    const seconds = retryAfterSeconds(data?.details);
    const message = fromServer ?? (seconds ? tryAgainIn(seconds) : copy.message);
    return { ...copy, code, correlationId, message };
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

/** The message for a failed run's stored error code; codes this build does not know read as a plain failure. */
export function describeRunError(code: string | null): ErrorCopy & { code: KnownErrorCode } {
  const known: KnownErrorCode = isKnown(code) ? code : "SYNC_FAILED";
  return { ...errorCopy[known], code: known };
}
