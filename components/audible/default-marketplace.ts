import { MARKETPLACES, type Marketplace } from "@/lib/validation/audible";

// Regional English and Portuguese/French variants point at their own store; bare languages at the main one.
const byRegion: Record<string, Marketplace> = {
  GB: "uk",
  IE: "uk",
  CA: "ca",
  AU: "au",
  NZ: "au",
  IN: "in",
  BR: "br",
  US: "us",
};
const byLanguage: Record<string, Marketplace> = {
  de: "de",
  fr: "fr",
  it: "it",
  ja: "jp",
  es: "es",
  pt: "br",
  hi: "in",
  en: "us",
};

function fromTag(tag: string): Marketplace | undefined {
  const [language = "", region = ""] = tag.split(/[-_]/);
  const lang = language.toLowerCase();
  const regional = byRegion[region.toUpperCase()];
  // fr-CA and en-CA both shop at audible.ca; de-AT and de-CH at audible.de via the language.
  if (regional && (lang === "en" || lang === "fr" || lang === "pt")) return regional;
  return byLanguage[lang];
}

/** The marketplace a person most likely shops at, from the browser's preferred languages; "us" otherwise. */
export function defaultMarketplace(languages: readonly string[]): Marketplace {
  for (const tag of languages) {
    const match = fromTag(tag);
    if (match) return match;
  }
  return "us";
}

export function isMarketplace(value: unknown): value is Marketplace {
  return typeof value === "string" && (MARKETPLACES as readonly string[]).includes(value);
}
