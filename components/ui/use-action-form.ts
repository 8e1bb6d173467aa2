"use client";
import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import { focusFirstInvalid } from "./use-focus-first-invalid";
import { focusFirstUnreadable, unreadableFields } from "./unreadable-fields";

/** The part of an action's state a form reads: success, or per-field errors. */
type FormState = { ok: true } | { ok: false; fields?: Record<string, string[]> } | null;

type Options<S> = {
  /** After a successful save, e.g. reset a "new item" form or close an editor. */
  onSuccess?: (form: HTMLFormElement | null, state: S) => void;
  /** After every answer, success or not. */
  onResult?: (state: S) => void;
};

/**
 * A form bound to a server action that keeps what the person typed and chose.
 *
 * React 19 resets a `<form action={fn}>` after every action, failed or not:
 * uncontrolled fields go back to their defaults and controlled radios and
 * selects drift from the state that renders them, so a validation error
 * wiped the form or, worse, submitted a choice other than the one shown.
 * Submitting through a transition in `onSubmit` skips that reset; `action`
 * stays on the form so it still posts before hydration. The pressed button's
 * name and value travel with the form data, as in a native submit.
 */
export function useActionForm<S extends FormState>(action: (prev: S, fd: FormData) => Promise<S>, options: Options<S> = {}) {
  // S is a plain object or null, so Awaited<S> is S; TypeScript cannot see that for a type parameter.
  const [state, formAction, pending] = useActionState<S, FormData>(action as (prev: Awaited<S>, fd: FormData) => Promise<S>, null as Awaited<S>);
  const lastForm = useRef<HTMLFormElement | null>(null);
  // Fields the browser could not read (a date that is no date): answered here, since they would reach the server empty.
  const [unreadable, setUnreadable] = useState<Record<string, string[]> | null>(null);
  const callbacks = useRef(options);
  useEffect(() => {
    callbacks.current = options;
  });
  useEffect(() => {
    if (state === null) return;
    callbacks.current.onResult?.(state);
    if (state.ok) callbacks.current.onSuccess?.(lastForm.current, state);
    // A save refused at a field takes focus to the first invalid field of the form that was sent. FormMessage does
    // this too, but only from inside a form and only when it shows the "Some fields need attention" alert; forms that
    // show just the field's own error (adding a talking point or an action item, an inline row editor, scheduling a
    // 1:1, acknowledging a signal) left focus on the button.
    else if (state.fields && Object.keys(state.fields).length) focusFirstInvalid(lastForm.current);
    // Only the form that was submitted through onSubmit, and only once: another form sharing the action
    // (e.g. one-click suggestions) must not reset this one.
    lastForm.current = null;
  }, [state]);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const unread = unreadableFields(e.currentTarget);
    if (Object.keys(unread).length) {
      setUnreadable(unread);
      focusFirstUnreadable(e.currentTarget);
      return;
    }
    setUnreadable(null);
    lastForm.current = e.currentTarget;
    const submitter = (e.nativeEvent as SubmitEvent).submitter;
    const fd = new FormData(e.currentTarget, submitter);
    startTransition(() => formAction(fd));
  };
  // Only what is wrong now: an earlier answer's field errors may be fixed already, and the form was not sent.
  const fields: Record<string, string[]> = unreadable ?? (state && !state.ok ? (state.fields ?? {}) : {});
  return { state, action: formAction, onSubmit, pending, fields };
}

/** Empties a "new item" form after it saved. */
export function resetForm(form: HTMLFormElement | null) {
  form?.reset();
}
