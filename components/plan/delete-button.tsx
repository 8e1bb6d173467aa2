"use client";
import { deletePlanItemAction } from "@/app/(app)/me/actions";
import { focusWhenRemoved } from "@/components/ui/use-arrival-focus";
import { usePlanForm } from "./use-plan-form";

/** Deletes one plan item after a confirmation; the version guards against deleting something changed meanwhile. */
export function DeleteButton({
  kind,
  id,
  version,
  label,
  consequence,
  onRefused,
}: {
  kind: "goal" | "learning" | "connection" | "skill" | "win";
  id: string;
  version: number;
  label: string;
  /** What else the delete changes, said in the confirmation. */
  consequence?: string;
  /** Given, a refusal is said by the caller instead (see usePlanForm), not beside this button. */
  onRefused?: (message: string) => void;
}) {
  const form = usePlanForm(deletePlanItemAction, undefined, undefined, onRefused);
  return (
    <form
      onSubmit={(e) => {
        if (form.pending || !window.confirm(consequence ? `${label}? ${consequence}` : `${label}?`)) {
          e.preventDefault();
          return;
        }
        // The deleted row takes the focused button with it: focus goes to its section's heading, not the page body.
        // What happened is said too ("Deleted: skill Go."): the row and its effects are gone by then.
        focusWhenRemoved(e.currentTarget, e.currentTarget.closest("section")?.querySelector<HTMLElement>("h2") ?? null, `Deleted: ${label.replace(/^Delete /, "")}.`);
        form.onSubmit(e);
      }}
      className="inline"
    >
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      {/* aria-disabled, not disabled, while pending: a disabled button drops keyboard focus (see Button). */}
      <button type="submit" aria-label={label} aria-disabled={form.pending || undefined} className="rounded px-2 py-1 text-sm text-muted hover:bg-stone-100 hover:text-ink aria-disabled:opacity-50 dark:hover:bg-stone-800">
        Delete
      </button>
      {form.state && !form.state.ok && !onRefused ? (
        <span role="alert" className="ml-2 text-sm text-red-700 dark:text-red-400">
          {form.state.error}
        </span>
      ) : null}
    </form>
  );
}
