"use client";

import { useActionState } from "react";
import { changePasswordAction } from "../actions";
import type { ActionState } from "@/lib/http/action";
import { TextField } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { useFocusFirstInvalid } from "@/components/ui/use-focus-first-invalid";

export function ChangePasswordForm({ min, max }: { min: number; max: number }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(changePasswordAction, null);
  const fields = state && !state.ok ? state.fields : undefined;
  const form = useFocusFirstInvalid(state, !!fields && Object.keys(fields).length > 0);
  return (
    <form ref={form} action={action} className="max-w-md space-y-4" noValidate aria-label="Change password">
      {state && !state.ok && !fields ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
          {state.error}
        </p>
      ) : null}
      <TextField
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        errors={fields?.currentPassword}
      />
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        minLength={min}
        maxLength={max}
        hint={`At least ${min} characters. A phrase of a few unrelated words works well; common passwords are refused.`}
        errors={fields?.newPassword}
      />
      <Button type="submit" pending={pending}>
        {pending ? "Changing…" : "Change password"}
      </Button>
    </form>
  );
}
