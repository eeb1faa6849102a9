import { IOS_DEVICE } from "./device";
import { AUDIBLE_LOCALES, type AudibleCountryCode } from "./locales";

/**
 * Headers the iOS app sends to the Amazon identity endpoints. The auth-domain names the real
 * marketplace host even when the base URL points elsewhere: it is data, not routing.
 */
export function identityHeaders(marketplace: AudibleCountryCode): Record<string, string> {
  const { domain } = AUDIBLE_LOCALES[marketplace];
  return {
    accept: "application/json",
    "accept-charset": "utf-8",
    "accept-language": "en-US",
    "user-agent": `AmazonWebView/Audible/${IOS_DEVICE.appVersion}/iOS/${IOS_DEVICE.osVersion}/${IOS_DEVICE.deviceModel}`,
    "x-amzn-identity-auth-domain": `api.amazon.${domain}`,
  };
}
