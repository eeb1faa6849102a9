import { MAPLANDING_PATH, readBaseTemplates, type BaseTemplates } from "./hosts";
import { AUDIBLE_COUNTRY_CODES, AUDIBLE_LOCALES, withTld, type AudibleCountryCode } from "./locales";

export const LANDING_URL_MAX_LENGTH = 8 * 1024;
export const AUTHORIZATION_CODE_PARAM = "openid.oa2.authorization_code";

export const connectUrlErrorCodes = [
  "CONNECT_URL_INVALID",
  "CONNECT_URL_TOO_LONG",
  "CONNECT_URL_WRONG_SITE",
  "CONNECT_URL_IS_SIGNIN",
  "CONNECT_CODE_MISSING",
  "CONNECT_MARKETPLACE_MISMATCH",
] as const satisfies readonly string[];

export type ConnectUrlErrorCode = (typeof connectUrlErrorCodes)[number];

/** Carries only the code: the pasted address holds a live authorization code and must never be echoed. */
export class ConnectUrlError extends Error {
  constructor(readonly code: ConnectUrlErrorCode) {
    super(code);
    this.name = "ConnectUrlError";
  }
}

export type LandingUrlResult =
  { ok: true; code: string; marketplace?: AudibleCountryCode } | { ok: false; error: ConnectUrlError };

type Origin = { origin: string; prefix: string; marketplace?: AudibleCountryCode };

/** Every place a maplanding page can live: the real amazon and audible hosts, and the configured www base. */
export function allowedLandingOrigins(templates: BaseTemplates = readBaseTemplates()): Origin[] {
  const origins: Origin[] = [];
  const add = (base: string, marketplace?: AudibleCountryCode) => {
    const url = new URL(base);
    const prefix = url.pathname.replace(/\/+$/, "");
    if (!origins.some((o) => o.origin === url.origin && o.prefix === prefix))
      origins.push({ origin: url.origin, prefix, marketplace });
  };
  // A template without {tld} serves every marketplace, so the host then says nothing about which one.
  const perMarketplace = templates.wwwBase.includes("{tld}");
  for (const cc of AUDIBLE_COUNTRY_CODES) {
    const { domain } = AUDIBLE_LOCALES[cc];
    add(`https://www.amazon.${domain}`, cc);
    add(`https://www.audible.${domain}`, cc);
    add(withTld(templates.wwwBase, domain), perMarketplace ? cc : undefined);
  }
  return origins;
}

const fail = (code: ConnectUrlErrorCode): LandingUrlResult => ({
  ok: false,
  error: new ConnectUrlError(code),
});

function unwrap(input: string): string {
  let text = input.trim();
  // People paste with quotes or angle brackets from chat apps and markdown.
  for (let i = 0; i < 3; i += 1) {
    const stripped = text.replace(/^["'`<“‘«]+|["'`>”’»]+$/gu, "").trim();
    if (stripped === text) break;
    text = stripped;
  }
  return text;
}

function toUrl(text: string): URL | undefined {
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
  if (!URL.canParse(withScheme)) return undefined;
  const url = new URL(withScheme);
  return url.protocol === "https:" || url.protocol === "http:" ? url : undefined;
}

function marketplaceFromAssocHandle(url: URL): AudibleCountryCode | undefined {
  const match = /^amzn_audible_(?:ios|android_aui)(?:_lap)?_([a-z]{2})$/.exec(
    url.searchParams.get("openid.assoc_handle") ?? "",
  );
  return AUDIBLE_COUNTRY_CODES.find((cc) => cc === match?.[1]);
}

export type ParseLandingUrlOptions = {
  /** The marketplace the attempt was started for; a landing on another marketplace is refused. */
  expectedMarketplace?: AudibleCountryCode;
  templates?: BaseTemplates;
};

export function parseLandingUrl(input: unknown, options: ParseLandingUrlOptions = {}): LandingUrlResult {
  if (typeof input !== "string") return fail("CONNECT_URL_INVALID");
  if (input.length > LANDING_URL_MAX_LENGTH) return fail("CONNECT_URL_TOO_LONG");
  const url = toUrl(unwrap(input));
  if (!url) return fail("CONNECT_URL_INVALID");
  if (url.username || url.password) return fail("CONNECT_URL_WRONG_SITE");

  const origins = allowedLandingOrigins(options.templates ?? readBaseTemplates());
  const origin = origins
    .filter((o) => o.origin === url.origin && (o.prefix === "" || url.pathname.startsWith(`${o.prefix}/`)))
    .sort((a, b) => b.prefix.length - a.prefix.length)[0];
  if (!origin) {
    // The right host over plain http is a mangled address, not another site.
    const knownHost = origins.some((o) => {
      const allowed = new URL(o.origin);
      return allowed.host === url.host && allowed.protocol !== url.protocol;
    });
    return fail(knownHost ? "CONNECT_URL_INVALID" : "CONNECT_URL_WRONG_SITE");
  }

  const path = url.pathname.slice(origin.prefix.length).replace(/\/+$/, "");
  if (path !== MAPLANDING_PATH)
    return fail(path.startsWith("/ap/") ? "CONNECT_URL_IS_SIGNIN" : "CONNECT_URL_WRONG_SITE");

  const codes = url.searchParams.getAll(AUTHORIZATION_CODE_PARAM).map((c) => c.trim());
  if (codes.length > 1) return fail("CONNECT_URL_INVALID");
  const code = codes[0];
  if (!code) return fail("CONNECT_CODE_MISSING");
  if (!/^[\x21-\x7e]{1,2048}$/.test(code)) return fail("CONNECT_URL_INVALID");

  const marketplace = origin.marketplace ?? marketplaceFromAssocHandle(url);
  if (options.expectedMarketplace && marketplace && marketplace !== options.expectedMarketplace) {
    return fail("CONNECT_MARKETPLACE_MISMATCH");
  }
  return { ok: true, code, marketplace: marketplace ?? options.expectedMarketplace };
}
