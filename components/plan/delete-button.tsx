"use client";
import { deletePlanItemAction } from "@/app/(app)/me/actions";
import { usePlanForm } from "./use-plan-form";

/** Deletes one plan item after a confirmation; the version guards against deleting something changed meanwhile. */
export function DeleteButton({ kind, id, version, label }: { kind: "goal" | "learning" | "connection" | "skill" | "win"; id: string; version: number; label: string }) {
  const form = usePlanForm(deletePlanItemAction);
  return (
    <form
     
      onSubmit={(e) => {
        if (!window.confirm(`${label}?`)) {
          e.preventDefault();
          return;
        }
        form.onSubmit(e);
      }}
      className="inline"
    >
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <button type="submit" aria-label={label} disabled={form.pending} className="rounded px-2 py-1 text-sm text-muted hover:bg-stone-100 hover:text-ink dark:hover:bg-stone-800">
        Delete
      </button>
      {form.state && !form.state.ok ? (
        <span role="alert" className="ml-2 text-sm text-red-700 dark:text-red-400">
          {form.state.error}
        </span>
      ) : null}
    </form>
  );
}
