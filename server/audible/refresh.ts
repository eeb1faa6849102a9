import "server-only";
import { IOS_DEVICE } from "./device";
import { AudibleError } from "./errors";
import { basesFor, readBaseTemplates, type BaseTemplates } from "./hosts";
import { getAudibleHttp, parseJsonBody, type AudibleHttp } from "./http";
import { identityHeaders } from "./identity-headers";
import type { AudibleCountryCode } from "./locales";
import { tokenRefreshResponseSchema } from "./schemas";

export type RefreshInput = {
  marketplace: AudibleCountryCode;
  refreshToken: string;
  http?: AudibleHttp;
  templates?: BaseTemplates;
  now?: () => number;
};

export type RefreshedAccessToken = { accessToken: string; accessTokenExpiresAt: Date };

/** Legacy form body every maintained client still sends (protocol doc §4). */
export function refreshRequestBody(refreshToken: string): URLSearchParams {
  return new URLSearchParams({
    app_name: IOS_DEVICE.appName,
    app_version: IOS_DEVICE.appVersion,
    source_token: refreshToken,
    requested_token_type: "access_token",
    source_token_type: "refresh_token",
  });
}

/**
 * Gets a new access token. The refresh token is not rotated by Amazon, so the call is safe to retry.
 * A refused refresh means the device registration is gone: the user has to reconnect.
 */
export async function refreshAccessToken(input: RefreshInput): Promise<RefreshedAccessToken> {
  const http = input.http ?? getAudibleHttp();
  const { amazonApiBase } = basesFor(input.marketplace, input.templates ?? readBaseTemplates());
  const res = await http.send({
    method: "POST",
    url: `${amazonApiBase}/auth/token`,
    headers: { ...identityHeaders(input.marketplace), "content-type": "application/x-www-form-urlencoded" },
    body: refreshRequestBody(input.refreshToken).toString(),
    idempotent: true,
  });
  if (res.status >= 400 && res.status < 500)
    throw new AudibleError("AUDIBLE_REAUTH_REQUIRED", { status: res.status });
  if (res.status !== 200)
    throw new AudibleError("AUDIBLE_UNAVAILABLE", { status: res.status, reason: `status-${res.status}` });
  const body = parseJsonBody(res, tokenRefreshResponseSchema);
  const accessToken = body.actor_access_token ?? body.access_token;
  if (!accessToken) throw new AudibleError("AUDIBLE_UNAVAILABLE", { status: res.status, reason: "schema" });
  return { accessToken, accessTokenExpiresAt: new Date((input.now ?? Date.now)() + body.expires_in * 1000) };
}
