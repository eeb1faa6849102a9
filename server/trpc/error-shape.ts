import type { TRPCDefaultErrorShape, TRPCError } from "@trpc/server";
import { ZodError, z } from "zod";
import { AppError, appErrorCodes, type AppErrorCode } from "@/server/errors";

const GENERIC_MESSAGE = "Something went wrong on our side. Please try again.";

function appCodeOf(error: TRPCError): AppErrorCode {
  if (error instanceof AppError) return error.appCode;
  if (error.cause instanceof ZodError) return "VALIDATION_FAILED";
  const match = (Object.keys(appErrorCodes) as AppErrorCode[]).find(
    (key) => appErrorCodes[key] === error.code,
  );
  return match ?? "INTERNAL";
}

/**
 * Only our own AppError messages and tRPC's protocol errors are written for people; anything else
 * (a driver error, an upstream body) could leak internals, so it becomes a generic message whose
 * correlation id finds the detail in the server log.
 */
export function shapeError(input: {
  shape: TRPCDefaultErrorShape;
  error: TRPCError;
  correlationId: string | null;
  production: boolean;
}) {
  const { shape, error, correlationId, production } = input;
  const appCode = appCodeOf(error);
  const zodError = error.cause instanceof ZodError ? z.flattenError(error.cause) : null;
  const message =
    appCode === "INTERNAL"
      ? `${GENERIC_MESSAGE} (reference ${correlationId ?? "unknown"})`
      : zodError
        ? "Some fields are not valid."
        : shape.message;
  return {
    message,
    code: shape.code,
    data: {
      code: shape.data.code,
      httpStatus: shape.data.httpStatus,
      path: shape.data.path,
      appCode,
      correlationId,
      zodError,
      details: error instanceof AppError ? (error.details ?? null) : null,
      ...(production ? {} : { stack: shape.data.stack }),
    },
  };
}
