import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultBaseTemplates } from "./hosts";
import {
  ConnectUrlError,
  connectUrlErrorCodes,
  parseLandingUrl,
  type ParseLandingUrlOptions,
} from "./landing-url";
import { buildSignInUrl } from "./signin-url";

const code = "ANdNAVhyhqirUelHGEHA";
const landing = (host: string, extra = "") =>
  `https://${host}/ap/maplanding?openid.assoc_handle=amzn_audible_ios_uk&openid.mode=id_res&openid.oa2.authorization_code=${code}${extra}`;
const real: ParseLandingUrlOptions = { templates: defaultBaseTemplates };
const sim: ParseLandingUrlOptions = {
  templates: { ...defaultBaseTemplates, wwwBase: "http://127.0.0.1:4010/www.amazon.{tld}" },
};

function errorCode(input: unknown, options: ParseLandingUrlOptions = real) {
  const result = parseLandingUrl(input, options);
  return result.ok ? "ok" : result.error.code;
}

describe("parseLandingUrl", () => {
  it("accepts the maplanding page on the amazon and audible hosts", () => {
    expect(parseLandingUrl(landing("www.amazon.co.uk"), real)).toEqual({ ok: true, code, marketplace: "uk" });
    expect(parseLandingUrl(landing("www.audible.co.uk"), real)).toEqual({
      ok: true,
      code,
      marketplace: "uk",
    });
    expect(parseLandingUrl(landing("www.amazon.com.au"), real)).toMatchObject({
      ok: true,
      marketplace: "au",
    });
    expect(parseLandingUrl(landing("www.amazon.com"), real)).toMatchObject({ ok: true, marketplace: "us" });
  });

  it("tolerates whitespace, quotes, brackets and a missing scheme", () => {
    for (const input of [
      `  ${landing("www.amazon.de")}\n`,
      `"${landing("www.amazon.de")}"`,
      `<${landing("www.amazon.de")}>`,
      `“${landing("www.amazon.de")}”`,
    ]) {
      expect(parseLandingUrl(input, real)).toMatchObject({ ok: true, code, marketplace: "de" });
    }
    expect(parseLandingUrl(landing("www.amazon.de").replace("https://", ""), real)).toMatchObject({
      ok: true,
    });
  });

  it("accepts the configured www base with its path prefix", () => {
    const url = `http://127.0.0.1:4010/www.amazon.co.jp/ap/maplanding?openid.oa2.authorization_code=${code}`;
    expect(parseLandingUrl(url, sim)).toEqual({ ok: true, code, marketplace: "jp" });
    expect(errorCode(url.replace("co.jp", "co.jp.evil"), sim)).toBe("CONNECT_URL_WRONG_SITE");
    expect(errorCode(url.replace(":4010", ":4011"), sim)).toBe("CONNECT_URL_WRONG_SITE");
  });

  it("gives one clear code per mistake", () => {
    expect(errorCode("hello there")).toBe("CONNECT_URL_INVALID");
    expect(errorCode("")).toBe("CONNECT_URL_INVALID");
    expect(errorCode(42)).toBe("CONNECT_URL_INVALID");
    expect(errorCode("javascript:alert(1)")).toBe("CONNECT_URL_INVALID");
    expect(errorCode(landing("www.amazon.com").replace("https:", "http:"))).toBe("CONNECT_URL_INVALID");
    expect(errorCode(`https://x.test/?${"a".repeat(9000)}`)).toBe("CONNECT_URL_TOO_LONG");
    expect(errorCode(landing("www.amazon.com.evil.io"))).toBe("CONNECT_URL_WRONG_SITE");
    expect(errorCode(landing("amazon.com"))).toBe("CONNECT_URL_WRONG_SITE");
    expect(errorCode(landing("www.amazon.com@evil.io"))).toBe("CONNECT_URL_WRONG_SITE");
    expect(errorCode(landing("evil.io@www.amazon.com"))).toBe("CONNECT_URL_WRONG_SITE");
    expect(errorCode(landing("www.amazon.com:8443"))).toBe("CONNECT_URL_WRONG_SITE");
    expect(errorCode("https://www.amazon.com/gp/your-account")).toBe("CONNECT_URL_WRONG_SITE");
    const signIn = buildSignInUrl({
      marketplace: "us",
      deviceSerial: "AB12",
      codeChallenge: "c",
      templates: defaultBaseTemplates,
    });
    expect(errorCode(signIn)).toBe("CONNECT_URL_IS_SIGNIN");
    expect(errorCode("https://www.amazon.com/ap/mfa?arb=1")).toBe("CONNECT_URL_IS_SIGNIN");
    expect(errorCode("https://www.amazon.com/ap/maplanding?openid.mode=id_res")).toBe("CONNECT_CODE_MISSING");
    expect(errorCode("https://www.amazon.com/ap/maplanding?openid.oa2.authorization_code=")).toBe(
      "CONNECT_CODE_MISSING",
    );
    expect(errorCode(landing("www.amazon.com", `&openid.oa2.authorization_code=${code}`))).toBe(
      "CONNECT_URL_INVALID",
    );
    expect(errorCode(landing("www.amazon.de"), { ...real, expectedMarketplace: "uk" })).toBe(
      "CONNECT_MARKETPLACE_MISMATCH",
    );
    expect(errorCode(landing("www.amazon.co.uk"), { ...real, expectedMarketplace: "uk" })).toBe("ok");
  });

  it("never throws and only returns typed errors (fuzz)", () => {
    const hosts = fc.constantFrom(
      "www.amazon.com",
      "www.audible.de",
      "www.amazon.co.uk.evil",
      "127.0.0.1:4010",
      "amazon.com",
      "x",
    );
    const urlish = fc
      .tuple(
        fc.constantFrom("https://", "http://", "", "javascript:", ' "', "ftp://"),
        hosts,
        fc.constantFrom("/ap/maplanding", "/ap/signin", "/www.amazon.fr/ap/maplanding", "/", ""),
        fc.string(),
        fc.string(),
      )
      .map(
        ([scheme, host, path, key, value]) =>
          `${scheme}${host}${path}?${key}=${value}&openid.oa2.authorization_code=${value}`,
      );
    const input = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.string({ unit: "binary", maxLength: 200 }),
      fc.webUrl({ withQueryParameters: true }),
      urlish,
      fc.anything(),
    );
    fc.assert(
      fc.property(input, fc.boolean(), (value, useSim) => {
        const result = parseLandingUrl(value, useSim ? sim : real);
        if (result.ok) {
          expect(result.code.length).toBeGreaterThan(0);
          return;
        }
        expect(result.error).toBeInstanceOf(ConnectUrlError);
        expect(connectUrlErrorCodes).toContain(result.error.code);
        expect(result.error.message).toBe(result.error.code);
      }),
      { numRuns: 2000 },
    );
  });
});
