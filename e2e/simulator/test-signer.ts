import { createSign } from "node:crypto";

export type AdpCredentials = { adpToken: string; privateKeyPem: string };

/**
 * Test-only ADP signer (the production one lives in server/audible/signing.ts). Signs exactly what a client
 * signs against the real host: the path+query without scheme, host or simulator role prefix.
 */
export function adpHeaders(
  creds: AdpCredentials,
  request: { method: string; pathAndQuery: string; body?: string; date?: string },
): Record<string, string> {
  const date = request.date ?? new Date().toISOString();
  const text = [
    request.method.toUpperCase(),
    request.pathAndQuery,
    date,
    request.body ?? "",
    creds.adpToken,
  ].join("\n");
  const signature = createSign("RSA-SHA256").update(text, "utf8").sign(creds.privateKeyPem, "base64");
  return {
    "x-adp-token": creds.adpToken,
    "x-adp-alg": "SHA256withRSA:1.0",
    "x-adp-signature": `${signature}:${date}`,
  };
}
