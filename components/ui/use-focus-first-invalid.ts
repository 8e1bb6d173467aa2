"use client";
import { useEffect, useRef } from "react";

/** Focuses the first field marked aria-invalid inside `form` (see FormMessage for why). */
export function focusFirstInvalid(form: Element | null | undefined): void {
  form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
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
