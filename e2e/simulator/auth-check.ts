import { createVerify } from "node:crypto";
import type { RequestContext } from "./context";
import type { Account, Device } from "./state";

export type Principal = { account: Account; device: Device };

function header(ctx: RequestContext, name: string): string | undefined {
  const value = ctx.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Clients send loose ISO strings (nanoseconds, `+00:00Z`); the signature is checked over the exact text anyway. */
function isParsableDate(date: string): boolean {
  const trimmed = date.replace(/(\.\d{3})\d+/, "$1").replace(/\+00:00Z$/, "Z");
  return !Number.isNaN(Date.parse(trimmed));
}

function verifyAdp(ctx: RequestContext): Principal | null {
  const adpToken = header(ctx, "x-adp-token");
  const signature = header(ctx, "x-adp-signature");
  if (!adpToken || !signature || header(ctx, "x-adp-alg") !== "SHA256withRSA:1.0") return null;
  const colon = signature.indexOf(":");
  if (colon < 0) return null;
  const [sig, date] = [signature.slice(0, colon), signature.slice(colon + 1)];
  if (!isParsableDate(date)) return null;
  const device = ctx.state.deviceByAdpToken(adpToken);
  if (!device?.active || !device.publicKey) return null;
  const signed = [ctx.method, ctx.pathAndQuery, date, ctx.rawBody, adpToken].join("\n");
  const ok = createVerify("RSA-SHA256").update(signed, "utf8").verify(device.publicKey, sig, "base64");
  const account = ctx.state.account(device.email);
  if (!ok || !account) return null;
  ctx.authMode = "adp";
  return { account, device };
}

function verifyAccessToken(ctx: RequestContext): Principal | null {
  const amz = header(ctx, "x-amz-access-token");
  const bearer = header(ctx, "authorization")?.match(/^Bearer\s+(.+)$/i)?.[1];
  const value = amz ?? bearer;
  if (!value) return null;
  const token = ctx.state.accessTokens.get(value);
  if (!token || token.expiresAt <= ctx.state.now()) return null;
  const device = ctx.state.devices.get(token.deviceId);
  const account = ctx.state.account(token.email);
  if (!device || !account) return null;
  ctx.authMode = amz ? "x-amz-access-token" : "bearer";
  return { account, device };
}

/** Signed requests win; otherwise an unexpired access token in either header. */
export function authenticate(ctx: RequestContext): Principal | null {
  if (header(ctx, "x-adp-signature")) return verifyAdp(ctx);
  return verifyAccessToken(ctx);
}
