import { z } from "zod";
import { AUDIBLE_BASE_URL_DEFAULTS, AUDIBLE_LOCALES, withTld, type AudibleCountryCode } from "./locales";

/**
 * Base URLs are templates: `{tld}` becomes the marketplace domain (`co.uk`). Production uses the
 * real hosts; tests and the demo point them at another server (which may add a path prefix).
 * No code path knows which one it talks to.
 */
export const defaultBaseTemplates = {
  wwwBase: AUDIBLE_BASE_URL_DEFAULTS.AUDIBLE_AMAZON_WWW_BASE,
  amazonApiBase: AUDIBLE_BASE_URL_DEFAULTS.AUDIBLE_AMAZON_API_BASE,
  audibleApiBase: AUDIBLE_BASE_URL_DEFAULTS.AUDIBLE_API_BASE,
} as const satisfies Record<string, string>;

/** Amazon's dead-end page the sign-in returns to; the authorization code rides on its query. */
export const MAPLANDING_PATH = "/ap/maplanding";
export const SIGNIN_PATH = "/ap/signin";

export type BaseTemplates = { [K in keyof typeof defaultBaseTemplates]: string };
export type MarketplaceBases = BaseTemplates;

export type EnvLike = Record<string, string | undefined>;

const templateSchema = z
  .string()
  .trim()
  .refine((value) => isHttpUrl(value.replaceAll("{tld}", "com")), "must be an http(s) URL template");

const envSchema = z.object({
  AUDIBLE_AMAZON_WWW_BASE: templateSchema.default(defaultBaseTemplates.wwwBase),
  AUDIBLE_AMAZON_API_BASE: templateSchema.default(defaultBaseTemplates.amazonApiBase),
  AUDIBLE_API_BASE: templateSchema.default(defaultBaseTemplates.audibleApiBase),
});

function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (url.protocol === "https:" || url.protocol === "http:") && !url.search && !url.hash && !url.username;
}

function emptyToUndefined(env: EnvLike, key: string): string | undefined {
  const value = env[key];
  return value === undefined || value.trim() === "" ? undefined : value;
}

export function readBaseTemplates(env: EnvLike = process.env): BaseTemplates {
  const parsed = envSchema.parse({
    AUDIBLE_AMAZON_WWW_BASE: emptyToUndefined(env, "AUDIBLE_AMAZON_WWW_BASE"),
    AUDIBLE_AMAZON_API_BASE: emptyToUndefined(env, "AUDIBLE_AMAZON_API_BASE"),
    AUDIBLE_API_BASE: emptyToUndefined(env, "AUDIBLE_API_BASE"),
  });
  return {
    wwwBase: parsed.AUDIBLE_AMAZON_WWW_BASE,
    amazonApiBase: parsed.AUDIBLE_AMAZON_API_BASE,
    audibleApiBase: parsed.AUDIBLE_API_BASE,
  };
}

/** The three bases of one marketplace, without trailing slash so paths can be appended. */
export function basesFor(
  marketplace: AudibleCountryCode,
  templates: BaseTemplates = readBaseTemplates(),
): MarketplaceBases {
  const { domain } = AUDIBLE_LOCALES[marketplace];
  return {
    wwwBase: withTld(templates.wwwBase, domain),
    amazonApiBase: withTld(templates.amazonApiBase, domain),
    audibleApiBase: withTld(templates.audibleApiBase, domain),
  };
}
