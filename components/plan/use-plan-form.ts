"use client";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionState } from "@/lib/http/action";

type PlanAction = (prev: ActionState, fd: FormData) => Promise<ActionState>;

/**
 * A form bound to a plan server action (see useActionForm: nothing typed is
 * lost on a validation error or a 409 conflict). On success, `onSuccess`
 * runs (e.g. reset a "new item" form or close an editor).
 */
export function usePlanForm(action: PlanAction, onSuccess?: (form: HTMLFormElement | null) => void) {
  const { state, onSubmit, pending, fields } = useActionForm(action, { onSuccess: onSuccess ? (form) => onSuccess(form) : undefined });
  const conflict = state && !state.ok && state.code === "conflict" ? ((state.extra?.current ?? null) as Record<string, unknown> | null) : null;
  return { state, onSubmit, pending, fields, conflict };
}
