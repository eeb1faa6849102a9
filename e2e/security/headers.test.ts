import { describe, expect, it } from "vitest";
import { BASE, METRICS_TOKEN } from "./server";

const page = (path: string) => fetch(`${BASE}${path}`, { redirect: "manual" });

describe("response headers from next start", () => {
  it("sends a fresh, strict Content-Security-Policy with a nonce the HTML actually uses", async () => {
    const [first, second] = await Promise.all([page("/sign-in"), page("/sign-in")]);
    const csp = first.headers.get("content-security-policy")!;
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeDefined();
    expect(Buffer.from(nonce!, "base64").length).toBeGreaterThanOrEqual(16);
    expect(second.headers.get("content-security-policy")).not.toBe(csp);
    const scriptSrc = csp.split(";").find((part) => part.trim().startsWith("script-src"))!;
    expect(scriptSrc).not.toMatch(/unsafe-inline|unsafe-eval/);
    for (const directive of ["object-src 'none'", "frame-ancestors 'none'", "base-uri 'self'"])
      expect(csp).toContain(directive);
    expect(await first.text()).toContain(`nonce="${nonce}"`);
  });

  it("sends HSTS, nosniff, a referrer policy and frame denial, and no X-Powered-By, on pages, API and redirects", async () => {
    for (const path of ["/sign-in", "/api/health", "/library"]) {
      const res = await page(path);
      expect(
        Number(/max-age=(\d+)/.exec(res.headers.get("strict-transport-security") ?? "")?.[1]),
      ).toBeGreaterThanOrEqual(31_536_000);
      expect(res.headers.get("strict-transport-security")).toContain("includeSubDomains");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.headers.get("x-powered-by")).toBeNull();
    }
  });

  it("marks account-state answers no-store", async () => {
    const res = await fetch(`${BASE}/api/trpc/audible.status`);
    expect(res.headers.get("cache-control")).toContain("no-store");
    expect((await fetch(`${BASE}/api/health`)).headers.get("cache-control")).toContain("no-store");
  });

  it("keeps metrics behind the bearer token", async () => {
    expect((await fetch(`${BASE}/api/metrics`)).status).toBe(401);
    expect(
      (await fetch(`${BASE}/api/metrics`, { headers: { authorization: "Bearer wrong-token-wrong-token" } }))
        .status,
    ).toBe(401);
    const ok = await fetch(`${BASE}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(ok.status).toBe(200);
    const text = await ok.text();
    expect(text).toContain("audible_oauth_authorize_requests_total");
    expect(text).toContain("audible_api_response_time_seconds");
  });

  it("answers health with 200 and no internals", async () => {
    const res = await fetch(`${BASE}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, checks: { database: "ok", redis: expect.any(String) } });
  });
});
