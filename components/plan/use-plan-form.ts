"use client";
import { useRouter } from "next/navigation";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionState } from "@/lib/http/action";
import type { SavedBy } from "@/lib/saved-by";

type PlanAction = (prev: ActionState, fd: FormData) => Promise<ActionState>;

/** What a 409 carries: the row as saved now (null when it is gone or the conflict was a retried deadlock). */
export type SavedNow = Record<string, unknown> | null;

/**
 * A form bound to a plan server action (see useActionForm: nothing typed is
 * lost on a validation error or a 409 conflict). On success, `onSuccess`
 * runs (e.g. reset a "new item" form or close an editor); on a conflict,
 * `onConflict` gets the row as saved now.
 */
/**
 * `onRefused`: told of every refusal, for a row that a refresh may move elsewhere (a skill flipped meanwhile changes
 * column, so a message kept in the row would vanish with it).
 */
export function usePlanForm(
  action: PlanAction,
  onSuccess?: (form: HTMLFormElement | null) => void,
  onConflict?: (current: SavedNow) => void,
  onRefused?: (message: string) => void,
) {
  const router = useRouter();
  const { state, onSubmit, pending, fields } = useActionForm(action, {
    onSuccess: onSuccess ? (form) => onSuccess(form) : undefined,
    onResult: (s) => {
      if (s && !s.ok) onRefused?.(s.error);
      if (!s || s.ok || s.code !== "conflict") return;
      onConflict?.((s.extra?.current ?? null) as SavedNow);
      // A refused save changed nothing, so the server did not refresh the page: the cards, buttons and versions
      // behind the form still show what was read before, and a one-click button would be refused again and again.
      router.refresh();
    },
  });
  const conflict = state && !state.ok && state.code === "conflict" ? ((state.extra?.current ?? null) as SavedNow) : null;
  // Who saved first, when the server could tell (lib/plan/saved-by.ts).
  const savedBy = state && !state.ok && state.code === "conflict" ? ((state.extra?.savedBy ?? null) as SavedBy | null) : null;
  return { state, onSubmit, pending, fields, conflict, savedBy };
}
