"use client";

import { useActionState } from "react";
import { loginAction, type LoginState } from "../actions";
import { TextField } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { useFocusFirstInvalid } from "@/components/ui/use-focus-first-invalid";

export function LoginForm({ next }: { next?: string }) {
  const [state, action, pending] = useActionState<LoginState, FormData>(loginAction, null);
  const form = useFocusFirstInvalid(state, !!state?.fields && Object.keys(state.fields).length > 0);
  return (
    <form ref={form} action={action} className="space-y-4" noValidate aria-label="Sign in">
      {state?.error ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
          {state.error}
        </p>
      ) : null}
      <input type="hidden" name="next" value={next ?? ""} />
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        required
        defaultValue={state?.email}
        errors={state?.fields?.email}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        errors={state?.fields?.password}
      />
      <Button type="submit" className="w-full" pending={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
