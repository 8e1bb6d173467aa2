"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { FormMessage, TextField } from "@/components/ui/field";
import { useFocusFirstInvalid } from "@/components/ui/use-focus-first-invalid";
import { resetPasswordAction } from "../actions";

export function ResetForm({ token, email, minLength }: { token: string; email: string; minLength: number }) {
  const [state, action, pending] = useActionState(resetPasswordAction.bind(null, token), null);
  const form = useFocusFirstInvalid(state, !!state && !state.ok && !!state.fields);
  if (state?.ok) {
    return (
      <div className="space-y-3">
        <FormMessage state={state} />
        <Link href="/login" className={buttonClass("primary")}>Sign in</Link>
      </div>
    );
  }
  const f = state && !state.ok ? state.fields : undefined;
  // The server names what is wrong at its field (the browser's pop-up covers the hint and is gone at the next key).
  return (
    <form ref={form} action={action} aria-label="Set a new password" className="space-y-4" noValidate>
      <TextField label="Email" name="email" value={email} readOnly autoComplete="username" />
      <TextField
        label="New password"
        name="password"
        type="password"
        required
        minLength={minLength}
        autoComplete="new-password"
        errors={f?.password}
        hint={`At least ${minLength} characters. A phrase of a few unrelated words works well; common passwords are refused.`}
      />
      <TextField label="Repeat new password" name="confirm" type="password" required autoComplete="new-password" errors={f?.confirm} />
      <FormMessage state={state} />
      <Button type="submit" pending={pending} className="w-full">{pending ? "Saving…" : "Set password and sign in"}</Button>
    </form>
  );
}
