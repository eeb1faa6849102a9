import { log } from "@/server/log";

type AuthJsError = Error & { type?: string };

/**
 * Auth.js reports through this. It is told apart by Auth.js's own `type`, not by `name`: a production
 * build minifies class names, which had every wrong password logged as an "auth error" named "j".
 * A wrong password is routine, not an error.
 */
export function logAuthError(error: AuthJsError) {
  const type = error.type ?? error.name;
  if (type === "CredentialsSignin") log.info({ errorType: type }, "sign-in refused");
  else log.error({ errorType: type, err: error }, "auth error");
}
