"use client";

import { actionItemAction, addActionItemAction, type AddedState } from "../../actions";
import { ActionItemRow } from "./action-item-row";
import { useRowList } from "./use-row-list";
import { Button } from "@/components/ui/button";
import { ClosedMeanwhile } from "./closed-meanwhile";
import { FormMessage, SelectField, TextField } from "@/components/ui/field";
import { resetForm, useActionForm } from "@/components/ui/use-action-form";
import { addedMessage, announce } from "@/components/ui/announce";
import { useToday } from "@/components/ui/use-today";
import type { ActionItemDto } from "@/lib/meetings/action-items";

/** Empties the form and puts focus back in its first field, ready for the next one (as adding a talking point does). */
function resetForAnother(form: HTMLFormElement | null) {
  resetForm(form);
  form?.querySelector<HTMLInputElement>("#action-body")?.focus();
}

export function ActionItems({
  meetingId,
  items,
  people,
  carriedFrom,
  editable,
  addable,
  addTo = "the next 1:1",
  movedOn,
}: {
  meetingId: string;
  items: ActionItemDto[];
  people: { id: string; name: string }[];
  carriedFrom: Record<string, string>;
  editable: boolean;
  /** False on a held 1:1: what is still open belongs on the next one (see assertTakesOpenItems). */
  addable: boolean;
  /** Where new items go instead, when this 1:1 takes none. */
  addTo?: string;
  /** On a held or cancelled 1:1: what moved on from it (MovedOnList). */
  movedOn?: React.ReactNode;
}) {
  const { state, action: add, onSubmit, pending, fields } = useActionForm<AddedState>(addActionItemAction, {
    onSuccess: (form, added) => {
      resetForAnother(form);
      // Focus is back in the emptied field, so the added item is said, not only shown in the list above.
      if (added?.ok && added.data) announce(addedMessage("Action item", added.data.body));
    },
  });
  const today = useToday();
  const { rowState, rowAction, rowPending, rememberFocus, neighbourOf } = useRowList(items, actionItemAction, { tick: "action-tick-", newItem: "action-body" });
  return (
    <div className="space-y-4">
      <FormMessage state={rowState && !rowState.ok ? rowState : null} />
      <ClosedMeanwhile state={rowState} typed={false} />
      {items.length === 0 ? (
        movedOn ? null : (
          <p className="text-sm text-muted">{addable ? "No action items yet — agree on a next step, e.g. “Draft a rotation proposal by Friday”." : "No action items on this 1:1."}</p>
        )
      ) : (
        <ul className="divide-y divide-line rounded-md border border-line" aria-label="Action items" aria-busy={rowPending || undefined}>
          {items.map((a, i) => (
            <li key={a.id}>
              <ActionItemRow
                meetingId={meetingId}
                item={a}
                people={people}
                carriedFrom={carriedFrom}
                editable={editable}
                reopenable={addable}
                rowAction={rowAction}
                onPress={rememberFocus}
                focusAfterDelete={neighbourOf(i)}
              />
            </li>
          ))}
        </ul>
      )}
      {movedOn}
      {editable && !addable ? <p className="text-sm text-muted">New action items go on {addTo}.</p> : null}
      {editable && addable ? (
        <form action={add} onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-2 sm:items-start" aria-label="Add an action item">
          <input type="hidden" name="meetingId" value={meetingId} />
          <div className="sm:col-span-2">
            <TextField id="action-body" label="Action item" name="body" maxLength={500} errors={fields.body} />
          </div>
          <SelectField id="action-owner" label="Owner" name="ownerId" options={people.map((p) => ({ value: p.id, label: p.name }))} errors={fields.ownerId} />
          <TextField id="action-due" label="Due" name="dueOn" type="date" errors={fields.dueOn} />
          {/* The server judges "from today on" by the viewer's day, not only UTC's. */}
          <input type="hidden" name="today" value={today} />
          <div className="sm:col-span-2">
            <Button type="submit" pending={pending}>
              Add action item
            </Button>
          </div>
          <div className="sm:col-span-2">
            <FormMessage state={state && !state.ok && !state.fields ? state : null} />
            <ClosedMeanwhile state={state} />
          </div>
        </form>
      ) : null}
    </div>
  );
}
