"use client";
import { useEffect, useRef } from "react";
import { focusFirstInvalid } from "./use-focus-first-invalid";

type MessageState = { ok: boolean; error?: string; message?: string; fields?: Record<string, string[]> } | null;

/**
 * The form-level message of an ActionState, announced to screen readers.
 *
 * When a save comes back with field errors, focus moves to the first invalid
 * field of the form this message sits in: a keyboard or screen-reader user
 * lands where the fix is needed and hears its label and error (the field's
 * aria-describedby), instead of staying on Save and hunting for it.
 */
export function FormMessage({ state }: { state: MessageState }) {
  const alert = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (!state || state.ok || !state.fields || !Object.keys(state.fields).length) return;
    focusFirstInvalid(alert.current?.closest("form"));
  }, [state]);
  if (!state) return null;
  if (!state.ok && state.error)
    return (
      <p ref={alert} role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
        {state.error}
      </p>
    );
  if (state.ok && state.message)
    return (
      <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-200">
        {state.message}
      </p>
    );
  return null;
}
