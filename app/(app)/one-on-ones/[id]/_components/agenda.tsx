"use client";

import { useLayoutEffect, useRef } from "react";
import { addAgendaAction, agendaItemAction } from "../../actions";
import { Button } from "@/components/ui/button";
import { FormMessage, TextField } from "@/components/ui/field";
import { resetForm, useActionForm } from "@/components/ui/use-action-form";
import { LocalTime } from "@/components/one-on-ones/local-time";
import type { ActionState } from "@/lib/http/action";
import type { AgendaItemDto } from "@/lib/meetings/agenda";
import type { Suggestion } from "@/lib/meetings/suggestions";

/**
 * Moves a row up or down. At the end of the list it stays focusable (aria-disabled, not disabled),
 * so a keyboard user who just moved the item there keeps their place instead of falling to the page.
 */
function MoveButton({ id, op, atEnd, label, onMove }: { id: string; op: "up" | "down"; atEnd: boolean; label: string; onMove: (id: string) => void }) {
  return (
    <Button
      id={id}
      type="submit"
      name="op"
      value={op}
      size="sm"
      variant="ghost"
      aria-disabled={atEnd || undefined}
      aria-label={label}
      onClick={(e) => {
        if (atEnd) e.preventDefault();
        else onMove(id);
      }}
    >
      {op === "up" ? "↑" : "↓"}
    </Button>
  );
}

export function Agenda({
  meetingId,
  items,
  suggestions,
  carriedFrom,
  names,
  editable,
}: {
  meetingId: string;
  items: AgendaItemDto[];
  suggestions: Suggestion[];
  carriedFrom: Record<string, string>;
  names: Record<string, string>;
  editable: boolean;
}) {
  const { state, action: add, onSubmit, pending, fields } = useActionForm<ActionState>(addAgendaAction, { onSuccess: resetForm });
  // A move re-renders the list in its new order, and React moves one of the two swapped rows' DOM
  // nodes, which drops focus when it is the pressed one: put focus back on the pressed button,
  // in a layout effect so there is no moment in which a key press would land on the page body.
  const moved = useRef<string | null>(null);
  const rememberFocus = (id: string) => {
    moved.current = id;
  };
  useLayoutEffect(() => {
    const id = moved.current;
    moved.current = null;
    if (id && document.activeElement?.id !== id) document.getElementById(id)?.focus();
  }, [items]);
  return (
    <div className="space-y-4">
      {items.length === 0 ? (
        <p className="text-sm text-muted">No talking points yet. Add one below, e.g. “What would stretch you next quarter?”, or pick a suggestion.</p>
      ) : (
        <ol className="divide-y divide-line rounded-md border border-line" aria-label="Talking points">
          {items.map((it, i) => (
            // One form per row: the pressed button says what to do (its name/value is the submitter's),
            // so the row carries the ids once instead of once per button.
            <li key={it.id}>
              <form action={agendaItemAction} className="flex items-start gap-2 p-2">
                <input type="hidden" name="meetingId" value={meetingId} />
                <input type="hidden" name="itemId" value={it.id} />
                <button
                  type="submit"
                  name="op"
                  value={it.done ? "undone" : "done"}
                  disabled={!editable}
                  role="checkbox"
                  aria-checked={it.done}
                  aria-label={`${it.done ? "Reopen" : "Tick off"}: ${it.body}`}
                  className="mt-0.5 flex h-5 w-5 shrink-0 items-center justify-center rounded border border-stone-400 text-xs"
                >
                  {it.done ? "✓" : ""}
                </button>
                <span className={`min-w-0 flex-1 text-sm [overflow-wrap:anywhere] ${it.done ? "text-muted line-through" : ""}`}>
                  {it.body}
                  <span className="block text-xs text-muted">
                    {it.authorId ? `added by ${names[it.authorId] ?? "someone"}` : null}
                    {it.carriedFromMeetingId && carriedFrom[it.carriedFromMeetingId] ? (
                      <>
                        {" · "}
                        <span aria-hidden>↪ </span>from 1:1 on <LocalTime iso={carriedFrom[it.carriedFromMeetingId]!} mode="date" />
                      </>
                    ) : null}
                  </span>
                </span>
                {editable ? (
                  <>
                    <MoveButton id={`agenda-up-${it.id}`} op="up" atEnd={i === 0} label={`Move up: ${it.body}`} onMove={rememberFocus} />
                    <MoveButton id={`agenda-down-${it.id}`} op="down" atEnd={i === items.length - 1} label={`Move down: ${it.body}`} onMove={rememberFocus} />
                  </>
                ) : null}
              </form>
            </li>
          ))}
        </ol>
      )}
      {editable ? (
        <>
          <form action={add} onSubmit={onSubmit} className="flex flex-wrap items-end gap-2" aria-label="Add a talking point">
            <input type="hidden" name="meetingId" value={meetingId} />
            <div className="min-w-0 flex-1">
              <TextField id="agenda-body" label="New talking point" name="body" maxLength={500} errors={fields.body} />
            </div>
            <Button type="submit" disabled={pending}>
              Add
            </Button>
          </form>
          <FormMessage state={state && !state.ok && !state.fields ? state : null} />
          {suggestions.length ? (
            <div>
              <h3 className="text-sm font-semibold">Suggested talking points</h3>
              <p className="text-xs text-muted">Drawn from the ways out of rust out and chosen by current flags. One click adds it.</p>
              {/* One form for all suggestions: the pressed button's name/value says which. */}
              <form action={add}>
                <input type="hidden" name="meetingId" value={meetingId} />
                <ul className="mt-2 flex flex-wrap gap-2">
                  {suggestions.map((s) => (
                    <li key={s.key}>
                      <button
                        type="submit"
                        name="suggestionKey"
                        value={s.key}
                        disabled={pending}
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
