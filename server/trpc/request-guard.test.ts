import { describe, expect, it } from "vitest";
import { guardRequest, MAX_BODY_BYTES } from "./request-guard";

const ORIGIN = "http://localhost:3000";
const post = (headers: Record<string, string>) =>
  new Request(`${ORIGIN}/api/trpc/audible.disconnect`, { method: "POST", headers });
const good = {
  "content-type": "application/json",
  "x-trpc-source": "react",
  origin: ORIGIN,
  "sec-fetch-site": "same-origin",
};

describe("guardRequest", () => {
  it("lets our own client's JSON mutation through, and any GET", () => {
    expect(guardRequest(post(good), ORIGIN)).toEqual({ ok: true });
    expect(guardRequest(new Request(`${ORIGIN}/api/trpc/audible.status`), ORIGIN)).toEqual({ ok: true });
  });

  it.each([
    ["a form post", { ...good, "content-type": "application/x-www-form-urlencoded" }, 415],
    ["multipart", { ...good, "content-type": "multipart/form-data; boundary=x" }, 415],
    ["text/plain", { ...good, "content-type": "text/plain" }, 415],
    ["no custom header", { "content-type": "application/json", origin: ORIGIN }, 403],
    ["a cross-site fetch", { ...good, "sec-fetch-site": "cross-site" }, 403],
    ["a sibling subdomain", { ...good, "sec-fetch-site": "same-site" }, 403],
    ["a foreign origin", { ...good, origin: "https://evil.example" }, 403],
    ["an oversized body", { ...good, "content-length": String(MAX_BODY_BYTES + 1) }, 413],
  ])("refuses %s", (_, headers, status) => {
    expect(guardRequest(post(headers), ORIGIN)).toMatchObject({ ok: false, status });
  });
});
