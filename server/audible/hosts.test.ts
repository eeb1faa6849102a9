import { describe, expect, it } from "vitest";
import { basesFor, defaultBaseTemplates, readBaseTemplates } from "./hosts";
import { defaultHttpConfig, readHttpConfig } from "./http-config";
import { backoffDelayMs, parseRetryAfterMs } from "./retry-policy";

describe("base URLs", () => {
  it("defaults to the real hosts", () => {
    expect(readBaseTemplates({})).toEqual(defaultBaseTemplates);
    expect(readBaseTemplates({ AUDIBLE_API_BASE: "  " })).toEqual(defaultBaseTemplates);
    expect(basesFor("au", readBaseTemplates({}))).toEqual({
      wwwBase: "https://www.amazon.com.au",
      amazonApiBase: "https://api.amazon.com.au",
      audibleApiBase: "https://api.audible.com.au",
    });
  });

  it("expands configured templates with a path prefix", () => {
    const templates = readBaseTemplates({
      AUDIBLE_AMAZON_WWW_BASE: "http://127.0.0.1:4010/www.amazon.{tld}/",
      AUDIBLE_AMAZON_API_BASE: "http://127.0.0.1:4010/api.amazon.{tld}",
      AUDIBLE_API_BASE: "http://127.0.0.1:4010/api.audible.{tld}",
    });
    expect(basesFor("uk", templates)).toEqual({
      wwwBase: "http://127.0.0.1:4010/www.amazon.co.uk",
      amazonApiBase: "http://127.0.0.1:4010/api.amazon.co.uk",
      audibleApiBase: "http://127.0.0.1:4010/api.audible.co.uk",
    });
  });

  it("refuses templates that are not plain http(s) bases", () => {
    for (const bad of ["ftp://x/{tld}", "not a url", "https://x.test/?q=1", "https://u:p@x.test"]) {
      expect(() => readBaseTemplates({ AUDIBLE_API_BASE: bad })).toThrow();
    }
  });
});

describe("http settings", () => {
  it("reads the AUDIBLE_HTTP_* settings in seconds and falls back to the defaults", () => {
    expect(readHttpConfig({})).toEqual(defaultHttpConfig);
    expect(
      readHttpConfig({
        AUDIBLE_HTTP_TIMEOUT_SECONDS: "12",
        AUDIBLE_HTTP_CONNECT_TIMEOUT_SECONDS: "2.5",
        AUDIBLE_HTTP_MAX_CONNECTIONS: "3",
        AUDIBLE_HTTP_MAX_RETRIES: "0",
      }),
    ).toMatchObject({ totalTimeoutMs: 12_000, connectTimeoutMs: 2_500, connections: 3, maxRetries: 0 });
    expect(() => readHttpConfig({ AUDIBLE_HTTP_TIMEOUT_SECONDS: "soon" })).toThrow();
  });
});

describe("retry arithmetic", () => {
  it("parses Retry-After seconds and HTTP dates, ignores junk", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfterMs("7", now)).toBe(7000);
    expect(parseRetryAfterMs("Thu, 01 Jan 2026 00:00:10 GMT", now)).toBe(10_000);
    expect(parseRetryAfterMs("Wed, 31 Dec 2025 00:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfterMs("-1", now)).toBeUndefined();
    expect(parseRetryAfterMs("soon", now)).toBeUndefined();
    expect(parseRetryAfterMs(undefined, now)).toBeUndefined();
  });

  it("keeps jittered backoff between half and all of the capped exponential step", () => {
    for (const attempt of [0, 1, 2, 3, 10]) {
      const ceiling = Math.min(defaultHttpConfig.maxDelayMs, defaultHttpConfig.baseDelayMs * 2 ** attempt);
      expect(backoffDelayMs(attempt, defaultHttpConfig, () => 0)).toBe(ceiling / 2);
      expect(backoffDelayMs(attempt, defaultHttpConfig, () => 0.999999)).toBeLessThanOrEqual(ceiling);
    }
  });
});
