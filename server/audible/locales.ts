/**
 * The 11 Audible marketplaces (protocol §1). Single source of truth for the production client and the simulator.
 * Hosts are never hard-coded elsewhere: callers expand a base-URL template with `{tld}` (see `withTld`).
 */
export type AudibleHomeRegion = "NA" | "EU" | "FE";

export type AudibleLocale = {
  countryCode: string;
  /** Top-level domain used in every host: www.amazon.{domain}, api.amazon.{domain}, api.audible.{domain}. */
  domain: string;
  marketplaceId: string;
  /** Sent as Accept-Language / wishlist `locale`. */
  language: string;
  site: string;
  homeRegion: AudibleHomeRegion;
};

export const AUDIBLE_LOCALES = {
  us: {
    countryCode: "us",
    domain: "com",
    marketplaceId: "AF2M0KC94RCEA",
    language: "en-US",
    site: "audible.com",
    homeRegion: "NA",
  },
  uk: {
    countryCode: "uk",
    domain: "co.uk",
    marketplaceId: "A2I9A3Q2GNFNGQ",
    language: "en-GB",
    site: "audible.co.uk",
    homeRegion: "EU",
  },
  de: {
    countryCode: "de",
    domain: "de",
    marketplaceId: "AN7V1F1VY261K",
    language: "de-DE",
    site: "audible.de",
    homeRegion: "EU",
  },
  fr: {
    countryCode: "fr",
    domain: "fr",
    marketplaceId: "A2728XDNODOQ8T",
    language: "fr-FR",
    site: "audible.fr",
    homeRegion: "EU",
  },
  ca: {
    countryCode: "ca",
    domain: "ca",
    marketplaceId: "A2CQZ5RBY40XE",
    language: "en-CA",
    site: "audible.ca",
    homeRegion: "NA",
  },
  it: {
    countryCode: "it",
    domain: "it",
    marketplaceId: "A2N7FU2W2BU2ZC",
    language: "it-IT",
    site: "audible.it",
    homeRegion: "EU",
  },
  au: {
    countryCode: "au",
    domain: "com.au",
    marketplaceId: "AN7EY7DTAW63G",
    language: "en-AU",
    site: "audible.com.au",
    homeRegion: "FE",
  },
  in: {
    countryCode: "in",
    domain: "in",
    marketplaceId: "AJO3FBRUE6J4S",
    language: "en-IN",
    site: "audible.in",
    homeRegion: "EU",
  },
  jp: {
    countryCode: "jp",
    domain: "co.jp",
    marketplaceId: "A1QAP3MOU4173J",
    language: "ja-JP",
    site: "audible.co.jp",
    homeRegion: "FE",
  },
  es: {
    countryCode: "es",
    domain: "es",
    marketplaceId: "ALMIKO4SZCSAR",
    language: "es-ES",
    site: "audible.es",
    homeRegion: "EU",
  },
  br: {
    countryCode: "br",
    domain: "com.br",
    marketplaceId: "A10J1VAYUDTYRN",
    language: "pt-BR",
    site: "audible.com.br",
    homeRegion: "NA",
  },
} as const satisfies Record<string, AudibleLocale>;

export type AudibleCountryCode = keyof typeof AUDIBLE_LOCALES;
export type AudibleDomain = (typeof AUDIBLE_LOCALES)[AudibleCountryCode]["domain"];

export const AUDIBLE_COUNTRY_CODES = Object.keys(AUDIBLE_LOCALES) as AudibleCountryCode[];

/** Env var → default template. With the simulator each points at `http://host:port/{role}.{tld}`. */
export const AUDIBLE_BASE_URL_DEFAULTS = {
  AUDIBLE_AMAZON_WWW_BASE: "https://www.amazon.{tld}",
  AUDIBLE_AMAZON_API_BASE: "https://api.amazon.{tld}",
  AUDIBLE_API_BASE: "https://api.audible.{tld}",
} as const satisfies Record<string, string>;

/** Device types of the official apps we impersonate (protocol §2.1). */
export const AUDIBLE_DEVICE_TYPES = {
  ios: "A2CZJZGLK2JJVM",
  android: "A10KISP2GWF0E4",
} as const satisfies Record<string, string>;

export function isAudibleCountryCode(value: string): value is AudibleCountryCode {
  return Object.hasOwn(AUDIBLE_LOCALES, value);
}

export function localeByDomain(domain: string): AudibleLocale | undefined {
  return Object.values(AUDIBLE_LOCALES).find((locale) => locale.domain === domain);
}

export function localeByMarketplaceId(marketplaceId: string): AudibleLocale | undefined {
  return Object.values(AUDIBLE_LOCALES).find((locale) => locale.marketplaceId === marketplaceId);
}

/** Expands a base-URL template; a template without `{tld}` is used as is. Trailing slashes are dropped. */
export function withTld(template: string, domain: string): string {
  return template.replaceAll("{tld}", domain).replace(/\/+$/, "");
}
