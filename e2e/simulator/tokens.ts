import { authenticate } from "./auth-check";
import type { Handler, RequestContext } from "./context";
import { isRecord, json, parseJson } from "./http-util";
import { ACCESS_TOKEN_TTL_S, randomToken } from "./state";

const oauthError = (status: number, error: string, description: string) =>
  json(status, { error, error_description: description });

function isForm(ctx: RequestContext): boolean {
  return (ctx.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded");
}

/** Legacy form body; answers both `access_token` and the newer `actor_access_token`. The refresh token is not rotated. */
export const refreshToken: Handler = (ctx) => {
  if (!isForm(ctx))
    return oauthError(400, "invalid_request", "Content-Type must be application/x-www-form-urlencoded");
  const form = new URLSearchParams(ctx.rawBody);
  if (
    form.get("source_token_type") !== "refresh_token" ||
    form.get("requested_token_type") !== "access_token"
  ) {
    return oauthError(
      400,
      "invalid_request",
      "source_token_type must be refresh_token and requested_token_type access_token",
    );
  }
  const device = ctx.state.deviceByRefreshToken(form.get("source_token") ?? "");
  if (!device?.active)
    return oauthError(400, "invalid_grant", "The request has an invalid grant parameter : source_token");
  const access = ctx.state.issueAccessToken(device);
  return json(200, {
    access_token: access.token,
    actor_access_token: access.token,
    expires_in: ACCESS_TOKEN_TTL_S,
    token_type: "bearer",
  });
};

export const deregister: Handler = (ctx) => {
  const principal = authenticate(ctx);
  if (!principal || !principal.device.active)
    return oauthError(401, "invalid_token", "The access token is invalid or has expired");
  const body = ctx.rawBody ? parseJson(ctx.rawBody) : {};
  if (!isRecord(body)) return oauthError(400, "invalid_request", "Body must be JSON");
  const all = body.deregister_all_existing_accounts === true;
  const current = ctx.headers["x-amz-access-token"] ?? ctx.headers.authorization?.replace(/^Bearer\s+/i, "");
  const keep = typeof current === "string" ? current : undefined;
  const targets = all
    ? [...ctx.state.devices.values()].filter((d) => d.email === principal.account.email)
    : [principal.device];
  for (const device of targets)
    ctx.state.deactivateDevice(device, device.id === principal.device.id ? keep : undefined);
  return json(200, { response: { success: {} }, request_id: randomToken(12) });
};

export const userProfile: Handler = (ctx) => {
  const principal = authenticate(ctx);
  if (!principal) return oauthError(401, "invalid_token", "The access token is invalid or has expired");
  const { account } = principal;
  return json(200, { user_id: account.userId, name: account.name, email: account.email });
};
