import { z } from "zod";

const websiteCookieSchema = z.looseObject({
  Name: z.string(),
  Value: z.string(),
  Path: z.string().nullish(),
  Domain: z.string().nullish(),
  Expires: z.string().nullish(),
  Secure: z.string().nullish(),
  HttpOnly: z.string().nullish(),
});
export type WebsiteCookie = z.infer<typeof websiteCookieSchema>;

/** Exactly five `{name:value}` parts: enc, key, iv, name, serial (protocol §3). */
export const adpTokenSchema = z
  .string()
  .regex(/^(\{[a-z]+:[^{}]*\}){5}$/, "ADP token must have five {name:value} parts");

export const registerSuccessSchema = z.looseObject({
  request_id: z.string().nullish(),
  response: z.looseObject({
    success: z.looseObject({
      extensions: z.looseObject({
        device_info: z.looseObject({
          device_name: z.string(),
          device_serial_number: z.string(),
          device_type: z.string(),
        }),
        customer_info: z.looseObject({
          account_pool: z.string().nullish(),
          user_id: z.string(),
          home_region: z.string().nullish(),
          name: z.string().nullish(),
          given_name: z.string().nullish(),
        }),
      }),
      tokens: z.looseObject({
        website_cookies: z.array(websiteCookieSchema).nullish(),
        store_authentication_cookie: z.looseObject({ cookie: z.string() }).nullish(),
        mac_dms: z.looseObject({ device_private_key: z.string(), adp_token: adpTokenSchema }),
        bearer: z.looseObject({
          access_token: z.string().startsWith("Atna|"),
          refresh_token: z.string().startsWith("Atnr|"),
          // Amazon sends a numeric string ("3600"); accept a number too.
          expires_in: z.union([z.string().regex(/^\d+$/), z.number().int()]).transform(Number),
        }),
      }),
    }),
  }),
});
export type RegisterSuccess = z.infer<typeof registerSuccessSchema>;

/** Either key may carry the token: legacy `access_token`, or `actor_access_token` since Nov 2025. */
export const tokenRefreshResponseSchema = z
  .looseObject({
    access_token: z.string().nullish(),
    actor_access_token: z.string().nullish(),
    expires_in: z.union([z.string().regex(/^\d+$/), z.number().int()]).transform(Number),
    token_type: z.string().nullish(),
  })
  .refine(
    (body) => Boolean(body.access_token ?? body.actor_access_token),
    "no access token in refresh response",
  );
export type TokenRefreshResponse = z.infer<typeof tokenRefreshResponseSchema>;

export const deregisterResponseSchema = z.looseObject({
  request_id: z.string().nullish(),
  response: z.looseObject({ success: z.looseObject({}).nullish() }).nullish(),
});
export type DeregisterResponse = z.infer<typeof deregisterResponseSchema>;

export const userProfileSchema = z.looseObject({
  user_id: z.string(),
  name: z.string().nullish(),
  email: z.string().nullish(),
});
export type UserProfile = z.infer<typeof userProfileSchema>;
