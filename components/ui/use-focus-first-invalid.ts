"use client";
import { useEffect, useRef } from "react";
import { announce } from "./announce";

/**
 * Focuses the first field marked aria-invalid inside `form` (see FormMessage for why). A group marked invalid (a
 * question answered with radios) cannot take focus itself: its first choice does.
 */
export function focusFirstInvalid(form: Element | null | undefined): void {
  const invalid = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
  const field = invalid?.matches("input, select, textarea, button, [tabindex]") ? invalid : invalid?.querySelector<HTMLElement>("input:not([type=hidden]), select, textarea");
  if (!field) return;
  if (field !== document.activeElement) {
    field.focus();
    return;
  }
  // Already there (Enter pressed in a one-field form such as "New talking point"): focus does not move, so nothing is
  // read. Its error is said instead.
  const error = (invalid?.getAttribute("aria-describedby") ?? "")
    .split(/\s+/)
    .map((id) => (id ? document.getElementById(id)?.textContent?.trim() : ""))
    .filter(Boolean)
    .join(" ");
  if (error) announce(error);
}

/**
 * For forms that show their own errors instead of FormMessage: after each
 * answer that marks fields invalid, focus goes to the first of them.
 * Attach the returned ref to the form.
 */
export function useFocusFirstInvalid(state: unknown, hasFieldErrors: boolean) {
  const form = useRef<HTMLFormElement>(null);
  // Only a new answer moves focus: both inputs stay the same while the person types.
  useEffect(() => {
    if (hasFieldErrors) focusFirstInvalid(form.current);
  }, [state, hasFieldErrors]);
  return form;
}
