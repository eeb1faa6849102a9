import { beforeAll, describe, expect, it } from "vitest";
import { BASE, ORIGIN } from "./server";
import { signedInSession } from "./session";

let session: Awaited<ReturnType<typeof signedInSession>>;
beforeAll(async () => {
  session = await signedInSession(`security-${Date.now()}@example.com`);
});

const ours = () => ({
  cookie: session.cookie,
  origin: ORIGIN,
  "sec-fetch-site": "same-origin",
  "x-trpc-source": "react",
  "content-type": "application/json",
});
const settingsOn = JSON.stringify({ json: { importPodcastEpisodes: true } });

async function episodesSetting() {
  const input = encodeURIComponent(JSON.stringify({ json: null, meta: { values: ["undefined"] } }));
  const res = await fetch(`${BASE}/api/trpc/audible.settings?input=${input}`, {
    headers: { cookie: session.cookie },
  });
  return ((await res.json()) as { result: { data: { json: { importPodcastEpisodes: boolean } } } }).result
    .data.json.importPodcastEpisodes;
}

describe("session cookies in production", () => {
  it("are prefixed, Secure, HttpOnly, SameSite and small", () => {
    const all = [...session.csrfCookies, ...session.sessionCookies];
    const csrf = all.find((cookie) => cookie.startsWith("__Host-authjs.csrf-token="))!;
    const token = all.find((cookie) => cookie.startsWith("__Secure-authjs.session-token="))!;
    for (const cookie of [csrf, token]) {
      expect(cookie).toMatch(/;\s*Secure/i);
      expect(cookie).toMatch(/;\s*HttpOnly/i);
      expect(cookie).toMatch(/;\s*SameSite=(Lax|Strict)/i);
      expect(cookie.length).toBeLessThanOrEqual(4096);
    }
  });
});

describe("cross-site requests are refused and change nothing", () => {
  it.each([
    ["a form post", { "content-type": "application/x-www-form-urlencoded" }, 415],
    ["multipart", { "content-type": "multipart/form-data; boundary=x" }, 415],
    ["text/plain", { "content-type": "text/plain" }, 415],
    ["no x-trpc-source", { "x-trpc-source": "" }, 403],
    ["Sec-Fetch-Site: cross-site", { "sec-fetch-site": "cross-site" }, 403],
    ["a foreign Origin", { origin: "https://evil.example" }, 403],
  ])("%s", async (_, override, status) => {
    const headers = Object.fromEntries(
      Object.entries({ ...ours(), ...override }).filter(([, value]) => value !== ""),
    );
    const res = await fetch(`${BASE}/api/trpc/audible.updateSettings`, {
      method: "POST",
      headers,
      body: settingsOn,
    });
    expect(res.status).toBe(status);
    expect(await episodesSetting()).toBe(false);
  });

  it("never runs a mutation on GET", async () => {
    const input = encodeURIComponent(settingsOn);
    const res = await fetch(`${BASE}/api/trpc/audible.updateSettings?input=${input}`, {
      headers: { cookie: session.cookie },
    });
    expect(res.status).toBe(405);
    expect(await episodesSetting()).toBe(false);
  });

  it("refuses batches above the cap", async () => {
    const paths = Array.from({ length: 11 }, () => "audible.status").join(",");
    const res = await fetch(`${BASE}/api/trpc/${paths}?batch=1&input=${encodeURIComponent("{}")}`, {
      headers: { cookie: session.cookie },
    });
    expect(res.status).toBe(400);
  });

  it("lets our own client's request through", async () => {
    const res = await fetch(`${BASE}/api/trpc/audible.updateSettings`, {
      method: "POST",
      headers: ours(),
      body: settingsOn,
    });
    expect(res.status).toBe(200);
    expect(await episodesSetting()).toBe(true);
  });
});

describe("authorisation is not only in the proxy", () => {
  it("refuses protected procedures without a session whatever x-middleware-subrequest says, and sends no stack", async () => {
    const res = await fetch(`${BASE}/api/trpc/account.me`, {
      headers: { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" },
    });
    expect(res.status).toBe(401);
    const body = await res.text();
    expect(body).not.toMatch(/stack|at .*\.ts:\d+/);
    expect(body).toContain("UNAUTHENTICATED");
  });
});

describe("a deleted account's session", () => {
  it("stops working at once, for procedures and pages alike", async () => {
    const email = `deleted-${Date.now()}@example.com`;
    const doomed = await signedInSession(email);
    const input = encodeURIComponent(JSON.stringify({ json: null, meta: { values: ["undefined"] } }));
    const status = () =>
      fetch(`${BASE}/api/trpc/audible.status?input=${input}`, { headers: { cookie: doomed.cookie } });
    expect((await status()).status).toBe(200);

    const res = await fetch(`${BASE}/api/trpc/account.delete`, {
      method: "POST",
      headers: { ...ours(), cookie: doomed.cookie },
      body: JSON.stringify({ json: { confirmEmail: email } }),
    });
    expect(res.status).toBe(200);

    expect((await status()).status).toBe(401);
    const page = await fetch(`${BASE}/library`, { headers: { cookie: doomed.cookie }, redirect: "manual" });
    expect(page.headers.get("location") ?? "").toContain("/sign-in");
  });

  it("refuses a tampered cookie", async () => {
    const [name, token] = session.cookie.split("=") as [string, string];
    const tampered = `${name}=${token.slice(0, -4)}${token.endsWith("AAAA") ? "BBBB" : "AAAA"}`;
    const res = await fetch(`${BASE}/api/trpc/account.me`, { headers: { cookie: tampered } });
    expect(res.status).toBe(401);
  });
});
