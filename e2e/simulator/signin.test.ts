import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type Simulator } from "./server";
import { makeDevice, signIn, signInUrl } from "./test-flow";

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());

const codeOf = (location: string | null) =>
  location ? new URL(location).searchParams.get("openid.oa2.authorization_code") : null;

describe("sign-in page", () => {
  it("shows Amazon's labels and button", async () => {
    const page = await (await fetch(signInUrl(sim.baseUrl, makeDevice()))).text();
    expect(page).toContain(">Email or mobile phone number</label>");
    expect(page).toContain(">Password</label>");
    expect(page).toMatch(/<button[^>]*>Sign in<\/button>/);
  });

  it("refuses a URL without the device query", async () => {
    const url = signInUrl(sim.baseUrl, makeDevice()).replace(
      "code_challenge_method=S256",
      "code_challenge_method=plain",
    );
    const response = await fetch(url);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("ap_error_page_message");
  });

  it("refuses a marketplace id from another marketplace", async () => {
    const url = signInUrl(sim.baseUrl, makeDevice(), { domain: "co.uk" }).replace(
      "A2I9A3Q2GNFNGQ",
      "AF2M0KC94RCEA",
    );
    expect((await fetch(url)).status).toBe(400);
  });

  it("shows an error box on a wrong password", async () => {
    const result = await signIn(signInUrl(sim.baseUrl, makeDevice()), {
      email: "demo@example.com",
      password: "nope",
    });
    expect(result.status).toBe(200);
    expect(result.page).toContain('id="auth-error-message-box"');
    expect(result.page).toContain("Your password is incorrect");
  });

  it("redirects to the rewritten maplanding with the code and openid fields, which answers 404", async () => {
    const { location } = await signIn(signInUrl(sim.baseUrl, makeDevice(), { domain: "co.uk" }), {
      email: "demo@example.com",
      password: "demo-password",
    });
    expect(location).toMatch(new RegExp(`^${sim.baseUrl}/www\\.amazon\\.co\\.uk/ap/maplanding\\?`));
    const params = new URL(location ?? "").searchParams;
    expect(params.get("openid.mode")).toBe("id_res");
    expect(params.get("openid.return_to")).toBe("https://www.amazon.co.uk/ap/maplanding");
    expect(codeOf(location)).toMatch(/^AN/);
    const landing = await fetch(location ?? "");
    expect(landing.status).toBe(404);
    expect(await landing.text()).toContain("Looking for Something?");
  });

  it("keeps a return_to that already points at the simulator", async () => {
    const returnTo = `${sim.baseUrl}/www.amazon.com/ap/maplanding`;
    const { location } = await signIn(signInUrl(sim.baseUrl, makeDevice(), { returnTo }), {
      email: "demo@example.com",
      password: "demo-password",
    });
    expect(location?.startsWith(`${returnTo}?`)).toBe(true);
  });

  it("asks for the one-time code and rejects a wrong one", async () => {
    const url = signInUrl(sim.baseUrl, makeDevice());
    const wrong = await signIn(url, { email: "otp@example.com", password: "otp-password", otp: "000000" });
    expect(wrong.page).toContain(">Enter OTP</label>");
    expect(wrong.page).toContain("auth-error-message-box");
    const right = await signIn(signInUrl(sim.baseUrl, makeDevice()), {
      email: "otp@example.com",
      password: "otp-password",
      otp: "123456",
    });
    expect(codeOf(right.location)).toBeTruthy();
  });

  it("asks for the CAPTCHA with Amazon's markers", async () => {
    const wrong = await signIn(signInUrl(sim.baseUrl, makeDevice()), {
      email: "captcha@example.com",
      password: "captcha-password",
      captcha: "zzz",
    });
    expect(wrong.page).toContain('id="auth-captcha-image"');
    expect(wrong.page).toContain('name="use_image_captcha"');
    const right = await signIn(signInUrl(sim.baseUrl, makeDevice()), {
      email: "captcha@example.com",
      password: "captcha-password",
      captcha: "XK7PQ",
    });
    expect(codeOf(right.location)).toBeTruthy();
  });

  it("waits for approval, then continues", async () => {
    const result = await signIn(signInUrl(sim.baseUrl, makeDevice()), {
      email: "approve@example.com",
      password: "approve-password",
    });
    expect(result.page).toContain('id="resend-approval-alert"');
    const poll = result.page
      .match(/id="resend-approval-link" class="a-link-normal" href="([^"]+)"/)?.[1]
      ?.replaceAll("&amp;", "&");
    expect(poll).toBeTruthy();
    const before = await fetch(`${sim.baseUrl}${poll}`, { redirect: "manual" });
    expect(before.status).toBe(200);
    expect(await sim.control.approveSignIn("approve@example.com")).toEqual({ approved: 1 });
    const after = await fetch(`${sim.baseUrl}${poll}`, { redirect: "manual" });
    expect(after.status).toBe(302);
    expect(codeOf(after.headers.get("location"))).toBeTruthy();
  });

  it("redirect mode sends the code and state to the app", async () => {
    await sim.control.setConfig({ redirectTo: "http://localhost:3000/audible/callback" });
    try {
      const { location } = await signIn(signInUrl(sim.baseUrl, makeDevice(), { state: "attempt-42" }), {
        email: "demo@example.com",
        password: "demo-password",
      });
      const url = new URL(location ?? "");
      expect(`${url.origin}${url.pathname}`).toBe("http://localhost:3000/audible/callback");
      expect(url.searchParams.get("state")).toBe("attempt-42");
      expect(url.searchParams.get("code")).toMatch(/^AN/);
    } finally {
      await sim.control.setConfig({ redirectTo: null });
    }
  });
});
