import { AppError } from "@/server/errors";
import { VaultError } from "@/server/crypto/errors";
import { AudibleError } from "../errors";
import { ConnectUrlError } from "../landing-url";

const connectUrlMessages = {
  CONNECT_URL_INVALID: "That is not a web address. Copy the whole address from the page you landed on.",
  CONNECT_URL_TOO_LONG: "That address is far too long to be the landing page. Copy it again.",
  CONNECT_URL_WRONG_SITE: "That address is not an Amazon or Audible page.",
  CONNECT_URL_IS_SIGNIN:
    "That is the sign-in page's address. Finish signing in first, then copy the address of the page you land on.",
  CONNECT_CODE_MISSING:
    "That page's address has no sign-in code. Finish signing in on Amazon, then copy it again.",
  CONNECT_MARKETPLACE_MISMATCH: "You signed in on a different Amazon site than the marketplace you chose.",
} as const;

/** The one place where protocol, vault and URL errors become errors people see. */
export function toAppError(error: unknown): unknown {
  if (error instanceof ConnectUrlError) return new AppError(error.code, connectUrlMessages[error.code]);
  if (error instanceof VaultError) {
    return new AppError(
      "AUDIBLE_REAUTH_REQUIRED",
      "Your Audible connection can no longer be read. Reconnect it.",
      {
        cause: error,
      },
    );
  }
  if (!(error instanceof AudibleError)) return error;
  const details = error.retryAfterSeconds ? { retryAfterSeconds: error.retryAfterSeconds } : undefined;
  switch (error.code) {
    case "CONNECT_CODE_INVALID":
      return new AppError("CONNECT_CODE_INVALID", "Amazon did not accept that sign-in. Start again.", {
        cause: error,
      });
    case "AUDIBLE_REAUTH_REQUIRED":
    case "AUDIBLE_AUTH_FAILED":
      return new AppError(
        "AUDIBLE_REAUTH_REQUIRED",
        "Audible no longer accepts this connection. Reconnect it.",
        {
          cause: error,
        },
      );
    case "AUDIBLE_RATE_LIMITED":
      return new AppError("AUDIBLE_RATE_LIMITED", "Audible is busy right now. Try again in a few minutes.", {
        cause: error,
        details,
      });
    case "AUDIBLE_UNAVAILABLE":
      return new AppError("AUDIBLE_UNAVAILABLE", "Audible did not answer. Try again in a few minutes.", {
        cause: error,
        details,
      });
  }
}

export async function withAppErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toAppError(error);
  }
}
