import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthForm } from "@/components/auth/auth-form";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { getSessionUser } from "@/server/auth";
import { signUpAction } from "../actions";

export const metadata: Metadata = { title: "Create account" };

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string }>;
}) {
  const { callbackUrl } = await searchParams;
  const target = safeCallbackPath(callbackUrl);
  if (await getSessionUser()) redirect(target);
  return (
    <>
      <div className="mb-6 space-y-1">
        <h1 className="text-xl font-semibold">Create your account</h1>
        <p className="text-sm text-muted-foreground">Track every audiobook, book and show in one place.</p>
      </div>
      <AuthForm mode="sign-up" action={signUpAction} callbackUrl={callbackUrl ? target : undefined} />
    </>
  );
}
