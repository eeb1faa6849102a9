import type { RequestContext } from "./context";
import { html, redirect, type SimResponse } from "./http-util";
import { signInErrorPage } from "./signin-pages";
import { randomToken, type Account, type PendingSignIn } from "./state";

/**
 * Clients send the real `https://www.amazon.{tld}/ap/maplanding` (a browser cannot reach Amazon here), or a URL
 * built from AUDIBLE_AMAZON_WWW_BASE that already points at the simulator. Real hosts are rewritten onto the
 * simulator's own www role; anything else is refused, as Amazon refuses foreign return URLs.
 */
export function rewriteReturnTo(returnTo: string, baseUrl: string): string | null {
  if (returnTo.startsWith(`${baseUrl}/www.amazon.`) || returnTo.startsWith(`${baseUrl}/www.audible.`))
    return returnTo;
  let url: URL;
  try {
    url = new URL(returnTo);
  } catch {
    return null;
  }
  const real = url.hostname.match(/^www\.(amazon|audible)\.(.+)$/);
  if (url.protocol !== "https:" || !real) return null;
  return `${baseUrl}/www.${real[1]}.${real[2]}${url.pathname}`;
}

export function completeSignIn(ctx: RequestContext, pending: PendingSignIn, account: Account): SimResponse {
  const params = pending.params;
  const code = `AN${randomToken(15).replace(/[-_]/g, "x")}`;
  ctx.state.codes.set(code, {
    code,
    email: account.email,
    challenge: params["openid.oa2.code_challenge"] ?? "",
    clientId: (params["openid.oa2.client_id"] ?? "").replace(/^device:/, ""),
    createdAt: ctx.state.now(),
    used: false,
  });
  ctx.state.signIns.delete(pending.id);

  const redirectTo = ctx.state.config.redirectTo;
  if (redirectTo) {
    const target = new URL(redirectTo);
    target.searchParams.set("code", code);
    if (params.state) target.searchParams.set("state", params.state);
    return redirect(target.toString());
  }

  const returnTo = params["openid.return_to"] ?? "";
  const landing = rewriteReturnTo(returnTo, ctx.baseUrl);
  if (!landing) return html(400, signInErrorPage([`openid.return_to is not an Amazon address: ${returnTo}`]));
  const www = `https://www.amazon.${ctx.locale.domain}`;
  const identity = `${www}/ap/id/${account.userId}`;
  const out = new URLSearchParams({
    "openid.oa2.authorization_code": code,
    "openid.assoc_handle": params["openid.assoc_handle"] ?? "",
    "openid.claimed_id": identity,
    "openid.identity": identity,
    "openid.mode": "id_res",
    "openid.ns": "http://specs.openid.net/auth/2.0",
    "openid.ns.oa2": "http://www.amazon.com/ap/ext/oauth/2",
    "openid.oa2.scope": "device_auth_access",
    "openid.op_endpoint": `${www}/ap/signin`,
    "openid.response_nonce": `${new Date(ctx.state.now()).toISOString().replace(/\.\d{3}/, "")}${randomToken(6)}`,
    "openid.return_to": returnTo,
    "openid.signed":
      "assoc_handle,oa2.authorization_code,claimed_id,identity,mode,ns,oa2.scope,op_endpoint,response_nonce,return_to,ns.pape,pape.auth_policies,pape.auth_time,signed",
    "openid.ns.pape": "http://specs.openid.net/extensions/pape/1.0",
    "openid.pape.auth_policies": "http://schemas.openid.net/pape/policies/2007/06/none",
    "openid.pape.auth_time": new Date(ctx.state.now()).toISOString().replace(/\.\d{3}/, ""),
    "openid.sig": randomToken(32),
    serial: "",
  });
  if (params.state) out.set("state", params.state);
  return redirect(`${landing}?${out.toString()}`);
}
