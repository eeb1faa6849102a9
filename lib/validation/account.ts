import { z } from "zod";

// A short list is enough to stop the worst choices; length does the rest (NIST SP 800-63B §3.1.1.2).
const COMMON_PASSWORDS = new Set([
  "password",
  "password1",
  "password12",
  "password123",
  "1234567890",
  "12345678910",
  "qwertyuiop",
  "iloveyou12",
  "letmein123",
  "welcome123",
  "abc1234567",
  "passw0rd12",
  "qwerty1234",
  "0987654321",
  "1111111111",
  "aaaaaaaaaa",
  "changeme12",
  "mediafeed1",
  "audible123",
  "football12",
]);

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

export const emailSchema = z
  .string()
  .trim()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter a valid email address, like name@example.com."))
  .transform((email) => email.toLowerCase());

export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters for your password.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters for your password.`)
  .refine(
    (password) => !COMMON_PASSWORDS.has(password.toLowerCase()),
    "That password is too common. Pick one that is harder to guess.",
  );

export const signUpSchema = z
  .object({ email: emailSchema, password: newPasswordSchema })
  .refine((input) => input.password.toLowerCase() !== input.email, {
    path: ["password"],
    message: "Your password must not be your email address.",
  });

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password.").max(PASSWORD_MAX, "Email or password is incorrect."),
});

export type SignUpInput = z.infer<typeof signUpSchema>;
export type SignInInput = z.infer<typeof signInSchema>;

export const deleteAccountInputSchema = z.object({ confirmEmail: z.string().max(254) });
export const deleteAccountOutputSchema = z.object({
  deleted: z.literal(true),
  /** null: there was no Audible connection; false: Amazon could not be told. */
  audibleDeregistered: z.boolean().nullable(),
});

export const activityInputSchema = z
  .object({ limit: z.number().int().min(1).max(200).default(50) })
  .default({ limit: 50 });
export const activityOutputSchema = z.array(
  z.object({
    id: z.number(),
    action: z.string(),
    detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
    createdAt: z.date(),
  }),
);
