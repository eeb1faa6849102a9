"use server";

import { AuthError } from "next-auth";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { signInSchema, signUpSchema } from "@/lib/validation/account";
import { signIn, signOut } from "@/server/auth";
import { createAccount } from "@/server/auth/accounts";
import { getDb } from "@/server/db";

export type AuthFormState = {
  error?: string;
  fieldErrors?: Partial<Record<"email" | "password", string>>;
  email?: string;
};

const INCORRECT = "Email or password is incorrect.";

function fieldErrorsOf(issues: { path: PropertyKey[]; message: string }[]): AuthFormState["fieldErrors"] {
  const errors: AuthFormState["fieldErrors"] = {};
  for (const issue of issues) {
    const field = issue.path[0];
    if ((field === "email" || field === "password") && !errors[field]) errors[field] = issue.message;
  }
  return errors;
}

async function signInAndRedirect(email: string, password: string, callback: FormDataEntryValue | null) {
  // On success this throws Next's redirect, which must propagate.
  await signIn("credentials", { email, password, redirectTo: safeCallbackPath(callback) });
}

export async function signInAction(_: AuthFormState, form: FormData): Promise<AuthFormState> {
  const raw = { email: form.get("email"), password: form.get("password") };
  const parsed = signInSchema.safeParse(raw);
  const email = typeof raw.email === "string" ? raw.email : "";
  if (!parsed.success) return { email, fieldErrors: fieldErrorsOf(parsed.error.issues) };
  try {
    await signInAndRedirect(parsed.data.email, parsed.data.password, form.get("callbackUrl"));
  } catch (error) {
    if (error instanceof AuthError) return { email, error: INCORRECT };
    throw error;
  }
  return {};
}

export async function signUpAction(_: AuthFormState, form: FormData): Promise<AuthFormState> {
  const raw = { email: form.get("email"), password: form.get("password") };
  const parsed = signUpSchema.safeParse(raw);
  const email = typeof raw.email === "string" ? raw.email : "";
  if (!parsed.success) return { email, fieldErrors: fieldErrorsOf(parsed.error.issues) };
  const result = await createAccount(await getDb(), parsed.data);
  if (!result.ok) {
    return { email, fieldErrors: { email: "An account with this email already exists. Sign in instead." } };
  }
  await signInAndRedirect(parsed.data.email, parsed.data.password, form.get("callbackUrl"));
  return {};
}

export async function signOutAction() {
  await signOut({ redirectTo: "/sign-in" });
}
