/**
 * Typed upstream failures. Messages are fixed strings chosen here: upstream bodies, URLs with
 * query strings and tokens never reach them, so they are safe to log and to map to AppError.
 */
export const audibleErrorCodes = [
  "AUDIBLE_UNAVAILABLE",
  "AUDIBLE_RATE_LIMITED",
  "AUDIBLE_AUTH_FAILED",
  "AUDIBLE_REAUTH_REQUIRED",
  "CONNECT_CODE_INVALID",
] as const satisfies readonly string[];

export type AudibleErrorCode = (typeof audibleErrorCodes)[number];

const messages = {
  AUDIBLE_UNAVAILABLE: "Audible did not answer properly. Try again later.",
  AUDIBLE_RATE_LIMITED: "Audible is limiting requests. Try again later.",
  AUDIBLE_AUTH_FAILED: "Audible refused the stored credentials.",
  AUDIBLE_REAUTH_REQUIRED: "The Audible connection expired. Reconnect the account.",
  CONNECT_CODE_INVALID: "Amazon refused the sign-in code. Start the connection again.",
} as const satisfies Record<AudibleErrorCode, string>;

export type AudibleErrorDetails = {
  /** Upstream HTTP status, when there was one. */
  status?: number;
  /** Seconds the upstream asked us to wait (429 / 503 Retry-After). */
  retryAfterSeconds?: number;
  /** Short machine-readable reason such as "timeout", "not-json", "schema"; never upstream text. */
  reason?: string;
};

export class AudibleError extends Error {
  readonly code: AudibleErrorCode;
  readonly status?: number;
  readonly retryAfterSeconds?: number;
  readonly reason?: string;

  constructor(code: AudibleErrorCode, details: AudibleErrorDetails = {}) {
    super(messages[code]);
    this.name = "AudibleError";
    this.code = code;
    this.status = details.status;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.reason = details.reason;
  }
}

export function isAudibleError(value: unknown, code?: AudibleErrorCode): value is AudibleError {
  return value instanceof AudibleError && (code === undefined || value.code === code);
}
