import type { Handler, RequestContext } from "./context";
import { html, redirect, type SimResponse } from "./http-util";
import { validateSignInQuery } from "./signin-query";
import * as pages from "./signin-pages";
import { randomToken, type PendingSignIn } from "./state";
import { completeSignIn } from "./signin-success";

const apPath = (ctx: RequestContext, path: string) => `/${ctx.role}.${ctx.locale.domain}/ap/${path}`;

function challengeAfter(
  ctx: RequestContext,
  pending: PendingSignIn,
  from: PendingSignIn["step"],
): SimResponse {
  const account = pending.email ? ctx.state.account(pending.email) : undefined;
  if (!account) return html(400, pages.signInErrorPage(["Your session has expired. Please sign in again."]));
  const order: PendingSignIn["step"][] = ["credentials", "captcha", "otp", "approval"];
  const remaining = order.slice(order.indexOf(from) + 1).filter((step) => {
    if (step === "captcha") return Boolean(account.challenges.captcha);
    if (step === "otp") return Boolean(account.challenges.otp);
    return step === "approval" && Boolean(account.challenges.approval);
  });
  const next = remaining[0];
  if (!next) return completeSignIn(ctx, pending, account);
  pending.step = next;
  return renderStep(ctx, pending, []);
}

function renderStep(ctx: RequestContext, pending: PendingSignIn, errors: string[]): SimResponse {
  const action = apPath(ctx, "signin");
  const email = pending.email ?? "";
  const captcha = email ? ctx.state.account(email)?.challenges.captcha : undefined;
  if (pending.step === "captcha" && captcha)
    return html(200, pages.captchaPage(action, pending.id, email, captcha, errors));
  if (pending.step === "otp") return html(200, pages.otpPage(action, pending.id, errors));
  if (pending.step === "approval") {
    const poll = `${apPath(ctx, "cvf/approval")}?session=${encodeURIComponent(pending.id)}`;
    return html(200, pages.approvalPage(poll, apPath(ctx, "cvf/approval"), pending.id, email));
  }
  return html(200, pages.credentialsPage(action, pending.id, email, errors));
}

export const signInStart: Handler = (ctx) => {
  const errors = validateSignInQuery(ctx.query, ctx.locale);
  if (errors.length) return html(400, pages.signInErrorPage(errors));
  const pending: PendingSignIn = {
    id: randomToken(18),
    domain: ctx.locale.domain,
    params: Object.fromEntries(ctx.query),
    step: "credentials",
    approved: false,
  };
  ctx.state.signIns.set(pending.id, pending);
  return renderStep(ctx, pending, []);
};

function pendingFrom(ctx: RequestContext, form: URLSearchParams): PendingSignIn | undefined {
  return ctx.state.signIns.get(form.get("session") ?? ctx.query.get("session") ?? "");
}

export const signInSubmit: Handler = (ctx) => {
  const form = new URLSearchParams(ctx.rawBody);
  const pending = pendingFrom(ctx, form);
  if (!pending) return html(400, pages.signInErrorPage(["Your session has expired. Please sign in again."]));
  const account = ctx.state.account(pending.email ?? form.get("email") ?? "");
  if (pending.step === "credentials") {
    pending.email = (form.get("email") ?? "").trim().toLowerCase();
    if (!account) return renderStep(ctx, pending, ["We cannot find an account with that email address"]);
    if (form.get("password") !== account.password)
      return renderStep(ctx, pending, ["Your password is incorrect"]);
    return challengeAfter(ctx, pending, "credentials");
  }
  if (!account) return html(400, pages.signInErrorPage(["Your session has expired. Please sign in again."]));
  if (pending.step === "captcha") {
    if (form.get("password") !== account.password)
      return renderStep(ctx, pending, ["Your password is incorrect"]);
    const guess = (form.get("guess") ?? "").trim().toLowerCase();
    if (guess !== account.challenges.captcha?.toLowerCase())
      return renderStep(ctx, pending, ["Enter the characters as they are shown in the image."]);
    return challengeAfter(ctx, pending, "captcha");
  }
  if (pending.step === "otp") {
    if ((form.get("otpCode") ?? "").trim() !== account.challenges.otp) {
      return renderStep(ctx, pending, [
        "The code you entered is not valid. Please check the code and try again.",
      ]);
    }
    return challengeAfter(ctx, pending, "otp");
  }
  return renderStep(ctx, pending, []);
};

/** The approval page polls here; it continues once the "phone" (page button or control API) approved. */
export const approvalPoll: Handler = (ctx) => {
  const pending = pendingFrom(ctx, new URLSearchParams());
  if (!pending || pending.step !== "approval")
    return html(400, pages.signInErrorPage(["Your session has expired. Please sign in again."]));
  if (!pending.approved) return renderStep(ctx, pending, []);
  return challengeAfter(ctx, pending, "approval");
};

export const approvalSimulate: Handler = (ctx) => {
  const pending = pendingFrom(ctx, new URLSearchParams(ctx.rawBody));
  if (!pending || pending.step !== "approval")
    return html(400, pages.signInErrorPage(["Your session has expired. Please sign in again."]));
  pending.approved = true;
  return redirect(`${apPath(ctx, "cvf/approval")}?session=${encodeURIComponent(pending.id)}`);
};

export const mapLanding: Handler = () => html(404, pages.LOOKING_FOR_SOMETHING);
