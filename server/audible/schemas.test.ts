import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  adpTokenSchema,
  apiErrorSchema,
  libraryItemSchema,
  libraryListResponseSchema,
  oauthErrorSchema,
  registerErrorSchema,
  registerSuccessSchema,
  tokenRefreshResponseSchema,
} from "./schemas";

const fixture = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`../../e2e/simulator/fixtures/${name}`, import.meta.url), "utf8"),
  ) as unknown;

describe("shared Audible schemas", () => {
  it("parse a captured library response and keep unknown keys", () => {
    const parsed = libraryListResponseSchema.parse(fixture("library_item_full.json"));
    const item = parsed.items?.[0];
    expect(item?.series?.[0]?.sequence).toBe("1");
    expect((item as Record<string, unknown>).social_media_images).toBeDefined();
  });

  it("tolerate nulls everywhere but the asin, and items: null", () => {
    expect(
      libraryItemSchema.parse({ asin: "B0", title: null, authors: null, listening_status: null }).title,
    ).toBeNull();
    expect(libraryListResponseSchema.parse({ items: null }).items).toBeNull();
    expect(libraryItemSchema.safeParse({ title: "no asin" }).success).toBe(false);
  });

  it("accept both refresh answers and refuse one without a token", () => {
    expect(tokenRefreshResponseSchema.parse({ access_token: "Atna|a", expires_in: 3600 }).expires_in).toBe(
      3600,
    );
    expect(
      tokenRefreshResponseSchema.parse({ actor_access_token: "Atna|b", expires_in: "3600" })
        .actor_access_token,
    ).toBe("Atna|b");
    expect(tokenRefreshResponseSchema.safeParse({ expires_in: 3600 }).success).toBe(false);
  });

  it("check the register token shapes", () => {
    const success = {
      response: {
        success: {
          extensions: {
            device_info: {
              device_name: "R's Audible",
              device_serial_number: "AB",
              device_type: "A2CZJZGLK2JJVM",
            },
            customer_info: { user_id: "amzn1.account.X" },
          },
          tokens: {
            mac_dms: { device_private_key: "k", adp_token: "{enc:a}{key:b}{iv:c}{name:d}{serial:Mg==}" },
            bearer: { access_token: "Atna|x", refresh_token: "Atnr|y", expires_in: "3600" },
          },
        },
      },
    };
    expect(registerSuccessSchema.parse(success).response.success.tokens.bearer.expires_in).toBe(3600);
    expect(adpTokenSchema.safeParse("{enc:a}{key:b}").success).toBe(false);
    expect(
      registerErrorSchema.parse({
        request_id: "r",
        response: { error: { code: "ServerError", index: "0", message: "m" } },
      }).response.error.code,
    ).toBe("ServerError");
  });

  it("read the error bodies", () => {
    expect(apiErrorSchema.parse({ message: "Request could not be authenticated" }).message).toContain(
      "authenticated",
    );
    expect(oauthErrorSchema.parse({ error: "invalid_grant", error_description: "x" }).error).toBe(
      "invalid_grant",
    );
  });
});
