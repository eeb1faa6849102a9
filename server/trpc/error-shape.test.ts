import { TRPCError } from "@trpc/server";
import {
  getHTTPStatusCodeFromError,
  TRPC_ERROR_CODES_BY_KEY,
} from "@trpc/server/unstable-core-do-not-import";
import { describe, expect, it } from "vitest";
import { AppError } from "@/server/errors";
import { shapeError } from "./error-shape";

function shape(error: TRPCError, production: boolean) {
  const base = {
    message: error.message,
    code: TRPC_ERROR_CODES_BY_KEY[error.code],
    data: { code: error.code, httpStatus: getHTTPStatusCodeFromError(error), path: "x", stack: error.stack },
  };
  return shapeError({ shape: base, error, correlationId: "corr-123", production });
}

describe("shapeError", () => {
  it("replaces internal messages with a generic one and the correlation id, without a stack in production", () => {
    const cause = new Error('duplicate key value violates unique constraint "users_email_unique" CANARY-42');
    const result = shape(
      new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: cause.message, cause }),
      true,
    );
    expect(result.message).toContain("reference corr-123");
    expect(JSON.stringify(result)).not.toContain("CANARY-42");
    expect(result.data).not.toHaveProperty("stack");
    expect(result.data.appCode).toBe("INTERNAL");
  });

  it("keeps our own AppError messages and codes", () => {
    const result = shape(
      new AppError("RATE_LIMITED", "Try again in 5 minutes.", { details: { retryAfterSeconds: 300 } }),
      true,
    );
    expect(result.message).toBe("Try again in 5 minutes.");
    expect(result.data.appCode).toBe("RATE_LIMITED");
    expect(result.data.httpStatus).toBe(429);
    expect(result.data.details).toEqual({ retryAfterSeconds: 300 });
  });
});
