"use client";

import { useEffect, useRef } from "react";
import { addAgendaAction, agendaItemAction, type AddedState } from "../../actions";
import { AgendaRow } from "./agenda-row";
import { useRowList } from "./use-row-list";
import { Button } from "@/components/ui/button";
import { ClosedMeanwhile } from "./closed-meanwhile";
import { FormMessage, TextField } from "@/components/ui/field";
import { resetForm, useActionForm } from "@/components/ui/use-action-form";
import { addedMessage, announce } from "@/components/ui/announce";
import type { AgendaItemDto } from "@/lib/meetings/agenda";
import type { Suggestion } from "@/lib/meetings/suggestions";

export function Agenda({
  meetingId,
  items,
  suggestions,
  carriedFrom,
  names,
  editable,
  addable,
  addTo = "the next 1:1",
  movedOn,
}: {
  meetingId: string;
  items: AgendaItemDto[];
  suggestions: Suggestion[];
  carriedFrom: Record<string, string>;
  names: Record<string, string>;
  editable: boolean;
  /** False on a held 1:1: what is still open belongs on the next one (see assertTakesOpenItems). */
  addable: boolean;
  /** Where new items go instead, when this 1:1 takes none. */
  addTo?: string;
  /** On a held or cancelled 1:1: what moved on from it (MovedOnList). */
  movedOn?: React.ReactNode;
}) {
  // Focus stays in the emptied field (or moves to the next suggestion), so the added point is said, not only shown.
  const { state, action: add, onSubmit, pending, fields } = useActionForm<AddedState>(addAgendaAction, {
    onSuccess: (form, added) => {
      resetForm(form);
      if (added?.ok && added.data) announce(addedMessage("Talking point", added.data.body));
    },
  });
  const { rowState, rowAction, rowPending, rememberFocus, neighbourOf } = useRowList(items, agendaItemAction, { tick: "agenda-tick-", newItem: "agenda-body" });
  // An added suggestion leaves the list, and the button that had focus with it (focus fell to the page's body, so a
  // keyboard user started again from the top). The next suggestion in its place takes focus, or the new talking point
  // field once none is left.
  const suggestionList = useRef<HTMLUListElement>(null);
  const pressedSuggestion = useRef<{ index: number; key: string } | null>(null);
  useEffect(() => {
    const pressed = pressedSuggestion.current;
    if (!pressed || suggestions.some((s) => s.key === pressed.key)) return;
    pressedSuggestion.current = null;
    if (document.activeElement && document.activeElement !== document.body) return; // they moved on meanwhile
    const buttons = suggestionList.current?.querySelectorAll<HTMLButtonElement>("button");
    const next = buttons?.length ? buttons[Math.min(pressed.index, buttons.length - 1)] : document.getElementById("agenda-body");
    next?.focus();
  }, [suggestions]);
  // A move keeps focus on its arrow, which says nothing of where the point went: once the list comes back in its new
  // order, the new place is said ("Moved up: 2 of 5.").
  const pressedMove = useRef<{ id: string; from: number; dir: "up" | "down" } | null>(null);
  const onRowPress = (buttonId: string) => {
    rememberFocus(buttonId);
    const move = /^agenda-(up|down)-(.+)$/.exec(buttonId);
    pressedMove.current = move ? { id: move[2]!, dir: move[1] as "up" | "down", from: items.findIndex((it) => it.id === move[2]) } : null;
  };
  useEffect(() => {
    const moved = pressedMove.current;
    if (!moved) return;
    const at = items.findIndex((it) => it.id === moved.id);
    if (at === moved.from) return; // not back yet (or refused: the row's alert says why)
    pressedMove.current = null;
    if (at >= 0) announce(`Moved ${moved.dir}: ${at + 1} of ${items.length}.`);
  }, [items]);
  return (
    <div className="space-y-4">
      <FormMessage state={rowState && !rowState.ok ? rowState : null} />
      <ClosedMeanwhile state={rowState} typed={false} />
      {items.length === 0 ? (
        movedOn ? null : (
          <p className="text-sm text-muted">
            {addable ? "No talking points yet. Add one below, e.g. “What would stretch you next quarter?”, or pick a suggestion." : "No talking points on this 1:1."}
          </p>
        )
      ) : (
        <ol className="divide-y divide-line rounded-md border border-line" aria-label="Talking points" aria-busy={rowPending || undefined}>
          {items.map((it, i) => (
            <li key={it.id}>
              <AgendaRow
                meetingId={meetingId}
                item={it}
                first={i === 0}
                last={i === items.length - 1}
                names={names}
                carriedFrom={carriedFrom}
                editable={editable}
                reopenable={addable}
                rowAction={rowAction}
                onPress={onRowPress}
                focusAfterDelete={neighbourOf(i)}
              />
            </li>
          ))}
        </ol>
      )}
      {movedOn}
      {editable && !addable ? <p className="text-sm text-muted">New talking points go on {addTo}.</p> : null}
      {editable && addable ? (
        <>
          {/* Top-aligned, the button a label's height down: aligned at the bottom, a field error pushed it below the field. */}
          <form action={add} onSubmit={onSubmit} className="flex flex-wrap items-start gap-2" aria-label="Add a talking point">
            <input type="hidden" name="meetingId" value={meetingId} />
            <div className="min-w-0 flex-1">
              <TextField id="agenda-body" label="New talking point" name="body" maxLength={500} errors={fields.body} />
            </div>
            <Button type="submit" pending={pending} className="mt-6">
              Add
            </Button>
          </form>
          <FormMessage state={state && !state.ok && !state.fields ? state : null} />
          <ClosedMeanwhile state={state} />
          {suggestions.length ? (
            <div>
              <h3 className="text-sm font-semibold">Suggested talking points</h3>
              <p className="text-xs text-muted">Drawn from the ways out of rust out and chosen by current flags. One click adds it.</p>
              {/* One form for all suggestions: the pressed button's name/value says which. */}
              <form action={add}>
                <input type="hidden" name="meetingId" value={meetingId} />
                <ul ref={suggestionList} className="mt-2 flex flex-wrap gap-2">
                  {suggestions.map((s, i) => (
                    <li key={s.key}>
                      <button
                        type="submit"
                        name="suggestionKey"
                        value={s.key}
                        // aria-disabled, not disabled: the pressed suggestion keeps keyboard focus while it is added (see Button).
                        aria-disabled={pending || undefined}
                        onClick={pending ? (e) => e.preventDefault() : () => (pressedSuggestion.current = { index: i, key: s.key })}
                        title={s.why}
                        className="rounded-lg border border-line px-3 py-1 text-left text-sm hover:bg-stone-100 dark:hover:bg-stone-800"
                      >
                        <span aria-hidden className="font-semibold text-accent-text">+ </span>
                        {s.text}
                        <span className="sr-only"> (add to agenda; {s.why})</span>
                      </button>
                    </li>
                  ))}
                </ul>
              </form>
            </div>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
