import "server-only";
import { AudibleError } from "./errors";
import { basesFor, readBaseTemplates, type BaseTemplates } from "./hosts";
import { getAudibleHttp, parseJsonBody, type AudibleHttp } from "./http";
import { identityHeaders } from "./identity-headers";
import type { AudibleCountryCode } from "./locales";
import { deregisterResponseSchema } from "./schemas";

export type DeregisterInput = {
  marketplace: AudibleCountryCode;
  /** A valid (refreshed) access token; deregistration is authorised by it alone. */
  accessToken: string;
  http?: AudibleHttp;
  templates?: BaseTemplates;
};

/**
 * The literal type makes `true` unrepresentable: `true` would log the user out of every Audible
 * device on the account, real phones included.
 */
export const deregisterRequestBody = { deregister_all_existing_accounts: false } as const satisfies {
  deregister_all_existing_accounts: false;
};

/** Removes this virtual device only. Afterwards its refresh token, ADP token and key are dead. */
export async function deregisterDevice(input: DeregisterInput): Promise<void> {
  const http = input.http ?? getAudibleHttp();
  const { amazonApiBase } = basesFor(input.marketplace, input.templates ?? readBaseTemplates());
  const res = await http.send({
    method: "POST",
    url: `${amazonApiBase}/auth/deregister`,
    headers: {
      ...identityHeaders(input.marketplace),
      "content-type": "application/json",
      "x-amz-access-token": input.accessToken,
    },
    body: JSON.stringify(deregisterRequestBody),
    idempotent: false,
  });
  if ([400, 401, 403].includes(res.status))
    throw new AudibleError("AUDIBLE_AUTH_FAILED", { status: res.status });
  if (res.status !== 200)
    throw new AudibleError("AUDIBLE_UNAVAILABLE", { status: res.status, reason: `status-${res.status}` });
  parseJsonBody(res, deregisterResponseSchema);
}
