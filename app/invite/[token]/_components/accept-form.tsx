"use client";

import Link from "next/link";
import { Button, buttonClass } from "@/components/ui/button";
import { FormMessage, TextField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { acceptInviteAction } from "../actions";

export function AcceptForm({ token, email, minLength, hasAccount }: { token: string; email: string; minLength: number; hasAccount: boolean }) {
  // Errors are said at the fields (not the browser's bubble), and what was typed stays for the next try.
  const { state, action, onSubmit, pending, fields: f } = useActionForm(acceptInviteAction.bind(null, token));
  if (state?.ok) {
    return (
      <div className="space-y-3">
        <FormMessage state={state} />
        <Link href="/login" className={buttonClass("primary")}>Sign in</Link>
      </div>
    );
  }
  if (hasAccount) {
    return (
      <form action={action} onSubmit={onSubmit} noValidate aria-label="Join with your password" className="space-y-4">
        <TextField label="Email" name="email" value={email} readOnly autoComplete="username" />
        <TextField label="Your Reignite password" name="password" type="password" required autoComplete="current-password" errors={f?.password} hint="The one you sign in with now. It stays the same." />
        <FormMessage state={state} />
        <Button type="submit" pending={pending} className="w-full">{pending ? "Joining…" : "Join"}</Button>
      </form>
    );
  }
  return (
    <form action={action} onSubmit={onSubmit} noValidate aria-label="Set your password" className="space-y-4">
      <TextField label="Email" name="email" value={email} readOnly autoComplete="username" />
      <TextField label="Password" name="password" type="password" required minLength={minLength} autoComplete="new-password" errors={f?.password} hint={`At least ${minLength} characters. A phrase of a few unrelated words works well; common passwords are refused.`} />
      <TextField label="Repeat password" name="confirm" type="password" required autoComplete="new-password" errors={f?.confirm} />
      <FormMessage state={state} />
      <Button type="submit" pending={pending} className="w-full">{pending ? "Setting up…" : "Join"}</Button>
    </form>
  );
}
