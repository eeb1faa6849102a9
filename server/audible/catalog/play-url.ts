import type { PlayPlatform } from "@/lib/validation/catalog";
import { AUDIBLE_LOCALES, type AudibleCountryCode } from "../locales";

const ANDROID_PACKAGE = "com.audible.application";

/** Protocol §8: the store's product page, which both apps claim as a universal/app link. */
export function webProductUrl(marketplace: AudibleCountryCode, asin: string): string {
  return `https://www.${AUDIBLE_LOCALES[marketplace].site}/pd/${encodeURIComponent(asin)}`;
}

/**
 * No official app deep link exists (§8), so iOS gets the `audible://` form other tools use and Android an
 * intent that opens the app when installed and falls back to the store page when not.
 */
export function playUrl(marketplace: AudibleCountryCode, asin: string, platform: PlayPlatform): string {
  const web = webProductUrl(marketplace, asin);
  const hostAndPath = web.replace(/^https:\/\//, "");
  switch (platform) {
    case "web":
      return web;
    case "ios":
      return `audible://${hostAndPath}`;
    case "android":
      return `intent://${hostAndPath}#Intent;scheme=https;package=${ANDROID_PACKAGE};S.browser_fallback_url=${encodeURIComponent(web)};end`;
  }
}
