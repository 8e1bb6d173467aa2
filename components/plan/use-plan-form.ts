"use client";
import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import type { ActionState } from "@/lib/http/action";

type PlanAction = (prev: ActionState, fd: FormData) => Promise<ActionState>;

/**
 * A form bound to a plan server action. Submits through a transition instead
 * of `<form action>` so React does not reset the fields: after a validation
 * error or a 409 conflict everything the user typed is still there. On
 * success, `onSuccess` runs (e.g. reset a "new item" form or close an editor).
 */
export function usePlanForm(action: PlanAction, onSuccess?: (form: HTMLFormElement | null) => void) {
  const [state, run, pending] = useActionState(action, null);
  const lastForm = useRef<HTMLFormElement | null>(null);
  const done = useRef(onSuccess);
  useEffect(() => {
    done.current = onSuccess;
  });
  useEffect(() => {
    if (state?.ok) done.current?.(lastForm.current);
  }, [state]);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    lastForm.current = e.currentTarget;
    const fd = new FormData(e.currentTarget);
    startTransition(() => run(fd));
  };
  const fields = state && !state.ok ? (state.fields ?? {}) : {};
  const conflict = state && !state.ok && state.code === "conflict" ? ((state.extra?.current ?? null) as Record<string, unknown> | null) : null;
  return { state, onSubmit, pending, fields, conflict };
}
