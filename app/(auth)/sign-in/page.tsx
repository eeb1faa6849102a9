import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthForm } from "@/components/auth/auth-form";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { getSessionUser } from "@/server/auth";
import { signInAction } from "../actions";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
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
        <h1 className="text-xl font-semibold">Sign in</h1>
        <p className="text-sm text-muted-foreground">Welcome back. Your library is waiting.</p>
      </div>
      <AuthForm mode="sign-in" action={signInAction} callbackUrl={callbackUrl ? target : undefined} />
    </>
  );
}
