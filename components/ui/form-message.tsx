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
        {summaryOf(state.error, state.fields)}
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

/**
 * The alert above a form points to the fields; it does not repeat them. A domain error whose message is also one
 * field's message read twice, word for word, once at the field and once here.
 */
export function summaryOf(error: string, fields: Record<string, string[]> | undefined): string {
  const named = Object.values(fields ?? {}).filter((m) => m.length);
  // The server's generic summary counts too: "Some fields" over a single field read as if more were wrong.
  if (!named.length || (error !== GENERIC && !named.flat().includes(error))) return error;
  return named.length === 1 ? "One field needs attention." : GENERIC;
}

const GENERIC = "Some fields need attention.";
