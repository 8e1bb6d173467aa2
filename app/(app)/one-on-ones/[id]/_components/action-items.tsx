"use client";

import { useActionState } from "react";
import { actionItemDoneAction, addActionItemAction } from "../../actions";
import { Button } from "@/components/ui/button";
import { FormMessage, SelectField, TextField } from "@/components/ui/field";
import { resetForm, useActionForm } from "@/components/ui/use-action-form";
import { LocalTime } from "@/components/one-on-ones/local-time";
import type { ActionState } from "@/lib/http/action";
import type { ActionItemDto } from "@/lib/meetings/action-items";
import { formatDate } from "@/lib/radar/format";

export function ActionItems({
  meetingId,
  items,
  people,
  carriedFrom,
  today,
  editable,
}: {
  meetingId: string;
  items: ActionItemDto[];
  people: { id: string; name: string }[];
  carriedFrom: Record<string, string>;
  today: string;
  editable: boolean;
}) {
  const { state, action: add, onSubmit, pending, fields } = useActionForm<ActionState>(addActionItemAction, { onSuccess: resetForm });
  // Ticks share one queue, and one that fails (the item was deleted meanwhile) is said above the list.
  const [doneState, doneAction, donePending] = useActionState(actionItemDoneAction, null);
  const name = (id: string) => people.find((p) => p.id === id)?.name ?? "someone";
  return (
    <div className="space-y-4">
      <FormMessage state={doneState && !doneState.ok ? doneState : null} />
      {items.length === 0 ? (
        <p className="text-sm text-muted">No action items yet — agree on a next step, e.g. “Draft a rotation proposal by Friday”.</p>
      ) : (
        <ul className="divide-y divide-line rounded-md border border-line" aria-label="Action items" aria-busy={donePending || undefined}>
          {items.map((a) => {
            const overdue = !a.doneAt && !!a.dueOn && a.dueOn < today;
            return (
              <li key={a.id} className={`flex items-start gap-2 p-2 ${overdue ? "bg-ember-50/60 dark:bg-ember-900/20" : ""}`}>
                <form action={doneAction}>
                  <input type="hidden" name="meetingId" value={meetingId} />
                  <input type="hidden" name="itemId" value={a.id} />
                  <button
                    type="submit"
                    name="done"
                    value={a.doneAt ? "false" : "true"}
                    disabled={!editable}
                    role="checkbox"
                    aria-checked={!!a.doneAt}
                    aria-label={`${a.doneAt ? "Mark not done" : "Mark done"}: ${a.body}`}
                    className="mt-0.5 flex h-5 w-5 shrink-0 items-center justify-center rounded border border-stone-400 text-xs"
                  >
                    {a.doneAt ? "✓" : ""}
                  </button>
                </form>
                <div className="min-w-0 flex-1 text-sm">
                  <span className={`[overflow-wrap:anywhere] ${a.doneAt ? "text-muted line-through" : ""}`}>{a.body}</span>
                  <span className="block text-xs text-muted">
                    {name(a.ownerId)}
                    {a.dueOn ? ` · due ${formatDate(a.dueOn)}` : ""}
                    {a.carriedFromMeetingId && carriedFrom[a.carriedFromMeetingId] ? (
                      <>
                        {" · "}
                        <span aria-hidden>↪ </span>from 1:1 on <LocalTime iso={carriedFrom[a.carriedFromMeetingId]!} mode="date" />
                      </>
                    ) : null}
                  </span>
                  {overdue ? (
                    <span className="mt-1 inline-flex items-center gap-1 rounded-full border border-ember-300 px-2 text-xs font-medium text-ember-800 dark:text-ember-100">
                      <span aria-hidden>⚠</span> Overdue
                    </span>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {editable ? (
        <form action={add} onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-2 sm:items-end" aria-label="Add an action item">
          <input type="hidden" name="meetingId" value={meetingId} />
          <div className="sm:col-span-2">
            <TextField id="action-body" label="Action item" name="body" maxLength={500} errors={fields.body} />
          </div>
          <SelectField id="action-owner" label="Owner" name="ownerId" options={people.map((p) => ({ value: p.id, label: p.name }))} errors={fields.ownerId} />
          <TextField id="action-due" label="Due" name="dueOn" type="date" errors={fields.dueOn} />
          <div className="sm:col-span-2">
            <Button type="submit" disabled={pending}>
              Add action item
            </Button>
          </div>
          <div className="sm:col-span-2">
            <FormMessage state={state && !state.ok && !state.fields ? state : null} />
          </div>
        </form>
      ) : null}
    </div>
  );
}
