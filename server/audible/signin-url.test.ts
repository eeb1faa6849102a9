import { describe, expect, it } from "vitest";
import { deriveClientId } from "./device";
import { defaultBaseTemplates } from "./hosts";
import { createCodeVerifier, createPkcePair, s256Challenge } from "./pkce";
import { buildSignInUrl } from "./signin-url";

const serial = "78EB2D010C4B4F2284B7A1B2C3D4E5F6";

describe("PKCE", () => {
  it("matches the RFC 7636 appendix B vector", () => {
    expect(s256Challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")).toBe(
      "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
    );
  });

  it("makes distinct 43-char unreserved verifiers from 32 random bytes", () => {
    const verifiers = new Set(Array.from({ length: 1000 }, createCodeVerifier));
    expect(verifiers.size).toBe(1000);
    for (const verifier of verifiers) expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const pair = createPkcePair();
    expect(pair.challenge).toBe(s256Challenge(pair.verifier));
  });
});

describe("client_id", () => {
  it("is the lower-case hex of serial#device_type", () => {
    expect(deriveClientId("78eb2d010c4b4f2284b7", "A10KISP2GWF0E4")).toBe(
      "3738656232643031306334623466323238346237234131304b49535032475746304534",
    );
    expect(Buffer.from(deriveClientId(serial), "hex").toString()).toBe(`${serial}#A2CZJZGLK2JJVM`);
  });
});

describe("sign-in URL", () => {
  it("carries exactly the iOS app's parameters (protocol doc §2.2)", () => {
    const { verifier, challenge } = createPkcePair();
    const url = new URL(
      buildSignInUrl({
        marketplace: "uk",
        deviceSerial: serial,
        codeChallenge: challenge,
        templates: defaultBaseTemplates,
      }),
    );
    expect(url.origin + url.pathname).toBe("https://www.amazon.co.uk/ap/signin");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      "openid.oa2.response_type": "code",
      "openid.oa2.code_challenge_method": "S256",
      "openid.oa2.code_challenge": challenge,
      "openid.return_to": "https://www.amazon.co.uk/ap/maplanding",
      "openid.assoc_handle": "amzn_audible_ios_uk",
      "openid.identity": "http://specs.openid.net/auth/2.0/identifier_select",
      "openid.claimed_id": "http://specs.openid.net/auth/2.0/identifier_select",
      pageId: "amzn_audible_ios",
      accountStatusPolicy: "P1",
      "openid.mode": "checkid_setup",
      "openid.ns": "http://specs.openid.net/auth/2.0",
      "openid.ns.oa2": "http://www.amazon.com/ap/ext/oauth/2",
      "openid.ns.pape": "http://specs.openid.net/extensions/pape/1.0",
      "openid.pape.max_auth_age": "0",
      "openid.oa2.client_id": `device:${deriveClientId(serial)}`,
      "openid.oa2.scope": "device_auth_access",
      marketPlaceId: "A2I9A3Q2GNFNGQ",
      forceMobileLayout: "true",
    });
    expect([...url.searchParams.keys()]).toHaveLength(18);
    expect(url.toString()).not.toContain(verifier);
  });

  it("uses the configured www base (with a path prefix) for sign-in and return_to", () => {
    const templates = { ...defaultBaseTemplates, wwwBase: "http://127.0.0.1:4010/www.amazon.{tld}/" };
    const url = new URL(
      buildSignInUrl({ marketplace: "jp", deviceSerial: serial, codeChallenge: "x", templates }),
    );
    expect(url.pathname).toBe("/www.amazon.co.jp/ap/signin");
    expect(url.searchParams.get("openid.return_to")).toBe(
      "http://127.0.0.1:4010/www.amazon.co.jp/ap/maplanding",
    );
    expect(url.searchParams.get("marketPlaceId")).toBe("A1QAP3MOU4173J");
    expect(url.searchParams.get("openid.assoc_handle")).toBe("amzn_audible_ios_jp");
  });
});
