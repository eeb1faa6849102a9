import "server-only";
import { createPrivateKey, createSign, type KeyObject } from "node:crypto";

export const ADP_ALGORITHM = "SHA256withRSA:1.0";

export type AdpCredentials = {
  adpToken: string;
  /** PEM (iOS registrations, PKCS#1) or bare base64 PKCS#8 DER (Android registrations). */
  devicePrivateKey: string;
};

export type SignInput = {
  method: string;
  /** The request target exactly as sent to the real host: `/1.0/library?page=1`, no base prefix. */
  pathAndQuery: string;
  body?: string;
  date?: Date;
};

export type AdpHeaders = {
  "x-adp-token": string;
  "x-adp-alg": typeof ADP_ALGORITHM;
  "x-adp-signature": string;
};

export function loadDevicePrivateKey(devicePrivateKey: string): KeyObject {
  const trimmed = devicePrivateKey.trim();
  if (trimmed.startsWith("-----BEGIN")) return createPrivateKey(trimmed);
  return createPrivateKey({ key: Buffer.from(trimmed, "base64"), format: "der", type: "pkcs8" });
}

/** Protocol doc §5: METHOD \n PATH_WITH_QUERY \n DATE \n BODY \n ADP_TOKEN. */
export function adpStringToSign(
  input: Required<Omit<SignInput, "date">> & { date: string; adpToken: string },
): string {
  return [input.method.toUpperCase(), input.pathAndQuery, input.date, input.body, input.adpToken].join("\n");
}

export function signAdpRequest(input: SignInput, credentials: AdpCredentials, key?: KeyObject): AdpHeaders {
  const date = (input.date ?? new Date()).toISOString();
  const data = adpStringToSign({
    method: input.method,
    pathAndQuery: input.pathAndQuery,
    body: input.body ?? "",
    date,
    adpToken: credentials.adpToken,
  });
  const signature = createSign("RSA-SHA256")
    .update(data, "utf8")
    .sign(key ?? loadDevicePrivateKey(credentials.devicePrivateKey), "base64");
  return {
    "x-adp-token": credentials.adpToken,
    "x-adp-alg": ADP_ALGORITHM,
    "x-adp-signature": `${signature}:${date}`,
  };
}
