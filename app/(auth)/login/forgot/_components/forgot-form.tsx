"use client";

import Link from "next/link";
import { useActionState, useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { useFocusFirstInvalid } from "@/components/ui/use-focus-first-invalid";
import { requestResetAction, type ForgotState } from "../actions";

export function ForgotForm() {
  const [state, action, pending] = useActionState<ForgotState, FormData>(requestResetAction, null);
  const form = useFocusFirstInvalid(state, !!state?.fields?.email);
  const sent = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state?.sentTo) sent.current?.focus();
  }, [state]);
  if (state?.sentTo) {
    return (
      <div className="space-y-4">
        {/* Focus comes here: the form and its button are gone, and it fell to the page's body. */}
        <div ref={sent} role="status" tabIndex={-1} className="space-y-2 text-sm outline-none">
          <p>
            If <strong className="[overflow-wrap:anywhere]">{state.sentTo}</strong> has a Reignite account, a link to set a new password is on its way there. It works once, for an hour.
          </p>
          <p className="text-muted">Nothing after a few minutes? Check your spam folder, or ask again: only the newest link works.</p>
        </div>
        <Link href="/login" className="text-sm underline">
          Back to sign in
        </Link>
      </div>
    );
  }
  return (
    <form ref={form} action={action} className="space-y-4" noValidate aria-label="Get a link to set a new password">
      {state?.error ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
          {state.error}
        </p>
      ) : null}
      <TextField label="Email" name="email" type="email" autoComplete="username" required defaultValue={state?.email} errors={state?.fields?.email} hint="The one you sign in with." />
      <Button type="submit" className="w-full" pending={pending}>
        {pending ? "Sending…" : "Email me a link"}
      </Button>
    </form>
  );
}
