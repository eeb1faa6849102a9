import { z } from "zod";

/** `/1.0/*` errors: validation (400), "Request could not be authenticated" (403), "Whoops!…" (500). */
export const apiErrorSchema = z.looseObject({
  message: z.string().nullish(),
  error: z.string().nullish(),
  error_code: z.string().nullish(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

/** `/auth/token` and `/auth/deregister` answer OAuth-style errors. */
export const oauthErrorSchema = z.looseObject({
  error: z.string(),
  error_description: z.string().nullish(),
});
export type OauthError = z.infer<typeof oauthErrorSchema>;

/** `/auth/register` errors: `{ request_id, response: { error: { code, message, index } } }`. */
export const registerErrorSchema = z.looseObject({
  request_id: z.string().nullish(),
  response: z.looseObject({
    error: z.looseObject({
      code: z.string(),
      message: z.string().nullish(),
      index: z.string().nullish(),
    }),
  }),
});
export type RegisterError = z.infer<typeof registerErrorSchema>;
