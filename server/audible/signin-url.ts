import { deriveClientId } from "./device";
import { basesFor, MAPLANDING_PATH, readBaseTemplates, SIGNIN_PATH, type BaseTemplates } from "./hosts";
import { AUDIBLE_LOCALES, type AudibleCountryCode } from "./locales";

const OPENID_SELECT = "http://specs.openid.net/auth/2.0/identifier_select";

export type SignInUrlInput = {
  marketplace: AudibleCountryCode;
  deviceSerial: string;
  codeChallenge: string;
  templates?: BaseTemplates;
};

/**
 * The iOS app's sign-in URL, parameter for parameter (protocol doc §2.2, mkb79 `build_oauth_url`).
 * The verifier never appears here; only its S256 challenge does.
 */
export function signInParameters(input: SignInUrlInput): Array<[string, string]> {
  const locale = AUDIBLE_LOCALES[input.marketplace];
  const { wwwBase } = basesFor(input.marketplace, input.templates ?? readBaseTemplates());
  return [
    ["openid.oa2.response_type", "code"],
    ["openid.oa2.code_challenge_method", "S256"],
    ["openid.oa2.code_challenge", input.codeChallenge],
    ["openid.return_to", `${wwwBase}${MAPLANDING_PATH}`],
    ["openid.assoc_handle", `amzn_audible_ios_${locale.countryCode}`],
    ["openid.identity", OPENID_SELECT],
    ["openid.claimed_id", OPENID_SELECT],
    ["pageId", "amzn_audible_ios"],
    ["accountStatusPolicy", "P1"],
    ["openid.mode", "checkid_setup"],
    ["openid.ns", "http://specs.openid.net/auth/2.0"],
    // Amazon uses the .com namespace for every marketplace.
    ["openid.ns.oa2", "http://www.amazon.com/ap/ext/oauth/2"],
    ["openid.ns.pape", "http://specs.openid.net/extensions/pape/1.0"],
    ["openid.pape.max_auth_age", "0"],
    ["openid.oa2.client_id", `device:${deriveClientId(input.deviceSerial)}`],
    ["openid.oa2.scope", "device_auth_access"],
    ["marketPlaceId", locale.marketplaceId],
    ["forceMobileLayout", "true"],
  ];
}

export function buildSignInUrl(input: SignInUrlInput): string {
  const { wwwBase } = basesFor(input.marketplace, input.templates ?? readBaseTemplates());
  return `${wwwBase}${SIGNIN_PATH}?${new URLSearchParams(signInParameters(input)).toString()}`;
}
