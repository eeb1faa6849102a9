"use client";

import { Loader2 } from "lucide-react";
import Link from "next/link";
import { useActionState, useId } from "react";
import type { AuthFormState } from "@/app/(auth)/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

type AuthFormProps = {
  mode: "sign-in" | "sign-up";
  action: (state: AuthFormState, form: FormData) => Promise<AuthFormState>;
  callbackUrl?: string;
};

const copy = {
  "sign-in": {
    submit: "Sign in",
    passwordHint: undefined,
    autoComplete: "current-password",
    switchText: "New to Media Feed?",
    switchLink: "Create an account",
    switchHref: "/sign-up",
  },
  "sign-up": {
    submit: "Create account",
    passwordHint: "At least 10 characters. A short sentence works well.",
    autoComplete: "new-password",
    switchText: "Already have an account?",
    switchLink: "Sign in",
    switchHref: "/sign-in",
  },
} as const;

export function AuthForm({ mode, action, callbackUrl }: AuthFormProps) {
  const [state, formAction, pending] = useActionState(action, {});
  const id = useId();
  const text = copy[mode];
  const switchHref = callbackUrl
    ? `${text.switchHref}?callbackUrl=${encodeURIComponent(callbackUrl)}`
    : text.switchHref;

  return (
    <form action={formAction} className="space-y-5" noValidate>
      {state.error ? <Alert tone="error">{state.error}</Alert> : null}
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <Field id={`${id}-email`} label="Email" error={state.fieldErrors?.email}>
        <Input
          id={`${id}-email`}
          name="email"
          type="email"
          autoComplete="email"
          defaultValue={state.email}
          aria-invalid={!!state.fieldErrors?.email}
          aria-describedby={state.fieldErrors?.email ? `${id}-email-error` : undefined}
          required
        />
      </Field>
      <Field
        id={`${id}-password`}
        label="Password"
        error={state.fieldErrors?.password}
        hint={text.passwordHint}
      >
        <Input
          id={`${id}-password`}
          name="password"
          type="password"
          autoComplete={text.autoComplete}
          aria-invalid={!!state.fieldErrors?.password}
          aria-describedby={state.fieldErrors?.password ? `${id}-password-error` : undefined}
          required
        />
      </Field>
      <Button type="submit" size="lg" className="w-full" disabled={pending}>
        {pending ? <Loader2 className="animate-spin" aria-hidden /> : null}
        {text.submit}
      </Button>
      <p className="text-center text-sm text-muted-foreground">
        {text.switchText}{" "}
        <Link href={switchHref} className="font-medium text-primary hover:underline">
          {text.switchLink}
        </Link>
      </p>
    </form>
  );
}

function Field(props: {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  children: React.ReactNode;
}) {
  return (
    <div className="space-y-2">
      <Label htmlFor={props.id}>{props.label}</Label>
      {props.children}
      {props.error ? (
        <p id={`${props.id}-error`} className="text-sm text-destructive">
          {props.error}
        </p>
      ) : props.hint ? (
        <p className="text-xs text-muted-foreground">{props.hint}</p>
      ) : null}
    </div>
  );
}
