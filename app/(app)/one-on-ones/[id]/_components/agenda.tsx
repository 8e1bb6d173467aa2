"use client";

import { useActionState } from "react";
import { addAgendaAction, agendaItemAction } from "../../actions";
import { Button } from "@/components/ui/button";
import { FormMessage, TextField } from "@/components/ui/field";
import { LocalTime } from "@/components/one-on-ones/local-time";
import type { ActionState } from "@/lib/http/action";
import type { AgendaItemDto } from "@/lib/meetings/agenda";
import type { Suggestion } from "@/lib/meetings/suggestions";

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
  const [state, add, pending] = useActionState<ActionState, FormData>(addAgendaAction, null);
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
                <span className={`min-w-0 flex-1 text-sm ${it.done ? "text-muted line-through" : ""}`}>
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
                    <Button type="submit" name="op" value="up" size="sm" variant="ghost" disabled={i === 0} aria-label={`Move up: ${it.body}`}>
                      ↑
                    </Button>
                    <Button type="submit" name="op" value="down" size="sm" variant="ghost" disabled={i === items.length - 1} aria-label={`Move down: ${it.body}`}>
                      ↓
                    </Button>
                  </>
                ) : null}
              </form>
            </li>
          ))}
        </ol>
      )}
      {editable ? (
        <>
          <form action={add} className="flex flex-wrap items-end gap-2" aria-label="Add a talking point">
            <input type="hidden" name="meetingId" value={meetingId} />
            <div className="min-w-0 flex-1">
              <TextField id="agenda-body" label="New talking point" name="body" maxLength={500} errors={state && !state.ok ? state.fields?.body : undefined} />
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
