import { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";

/**
 * Every failure a person can meet, mapped once to a tRPC code. The client reads `data.appCode`
 * to pick the UI state; messages here are safe to show.
 */
export const appErrorCodes = {
  UNAUTHENTICATED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  VALIDATION_FAILED: "BAD_REQUEST",
  EMAIL_TAKEN: "CONFLICT",
  PASSWORD_TOO_WEAK: "BAD_REQUEST",
  INVALID_CREDENTIALS: "UNAUTHORIZED",
  PLAN_REQUIRED: "FORBIDDEN",
  AUDIBLE_DISABLED: "SERVICE_UNAVAILABLE",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
  AUDIBLE_NOT_CONNECTED: "PRECONDITION_FAILED",
  AUDIBLE_ALREADY_CONNECTED: "CONFLICT",
  AUDIBLE_REAUTH_REQUIRED: "PRECONDITION_FAILED",
  AUDIBLE_UNAVAILABLE: "SERVICE_UNAVAILABLE",
  AUDIBLE_RATE_LIMITED: "SERVICE_UNAVAILABLE",
  AUDIBLE_AUTH_FAILED: "PRECONDITION_FAILED",
  CONNECT_URL_INVALID: "BAD_REQUEST",
  CONNECT_URL_TOO_LONG: "BAD_REQUEST",
  CONNECT_URL_WRONG_SITE: "BAD_REQUEST",
  CONNECT_URL_IS_SIGNIN: "BAD_REQUEST",
  CONNECT_CODE_MISSING: "BAD_REQUEST",
  CONNECT_CODE_INVALID: "BAD_REQUEST",
  CONNECT_MARKETPLACE_MISMATCH: "BAD_REQUEST",
  CONNECT_ATTEMPT_EXPIRED: "BAD_REQUEST",
  SERVICE_UNAVAILABLE: "SERVICE_UNAVAILABLE",
  SYNC_IN_PROGRESS: "CONFLICT",
  IMPORT_INVALID: "BAD_REQUEST",
  IMPORT_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  IMPORT_TOO_MANY_ROWS: "PAYLOAD_TOO_LARGE",
  IMPORT_BINARY_FILE: "UNSUPPORTED_MEDIA_TYPE",
  IMPORT_FORMAT_UNKNOWN: "BAD_REQUEST",
  IMPORT_MISSING_COLUMNS: "BAD_REQUEST",
  IMPORT_NO_ROWS: "BAD_REQUEST",
  IMPORT_MARKETPLACE_REQUIRED: "BAD_REQUEST",
  INTERNAL: "INTERNAL_SERVER_ERROR",
} as const satisfies Record<string, TRPC_ERROR_CODE_KEY>;

export type AppErrorCode = keyof typeof appErrorCodes;

export class AppError extends TRPCError {
  readonly appCode: AppErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(
    appCode: AppErrorCode,
    message: string,
    options?: { cause?: unknown; details?: Record<string, unknown> },
  ) {
    super({ code: appErrorCodes[appCode], message, cause: options?.cause });
    this.name = "AppError";
    this.appCode = appCode;
    this.details = options?.details;
  }
}

export function isAppErrorCode(value: unknown): value is AppErrorCode {
  return typeof value === "string" && value in appErrorCodes;
}
