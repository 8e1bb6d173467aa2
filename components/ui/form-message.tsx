"use client";
import { useEffect, useRef } from "react";
import { focusFirstInvalid } from "./use-focus-first-invalid";
import { LiveStatus } from "./live-status";

type MessageState = { ok: boolean; error?: string; message?: string; fields?: Record<string, string[]> } | null;

/**
 * The form-level message of an ActionState: a refused save's alert (FormAlert), and a success message in a status
 * region that is there before it (LiveStatus), so screen readers hear "Check-in saved." arrive.
 */
export function FormMessage({ state }: { state: MessageState }) {
  return (
    <>
      <FormAlert state={state} />
      <LiveStatus>
        {state?.ok && state.message ? (
          <p className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-200">
            {state.message}
          </p>
        ) : null}
      </LiveStatus>
    </>
  );
}

/**
 * A refused save's message, as an alert. For a form that shows its success in a status of its own (an invitation's
 * link, an import's counts): FormMessage's would be a second, always-empty status region in it.
 *
 * When a save comes back with field errors, focus moves to the first invalid
 * field of the form this message sits in: a keyboard or screen-reader user
 * lands where the fix is needed and hears its label and error (the field's
 * aria-describedby), instead of staying on Save and hunting for it.
 */
export function FormAlert({ state }: { state: MessageState }) {
  const alert = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (!state || state.ok || !state.fields || !Object.keys(state.fields).length) return;
    focusFirstInvalid(alert.current?.closest("form"));
  }, [state]);
  if (!state || state.ok || !state.error) return null;
  return (
    <p ref={alert} role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
      {summaryOf(state.error, state.fields)}
    </p>
  );
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
