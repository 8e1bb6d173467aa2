"use client";

import { useState } from "react";
import { editAgendaAction } from "../../actions";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { useEditing } from "@/components/ui/use-editing";
import { DeleteRowButton, RowEditor, savedNow } from "./row-editor";
import { LocalTime } from "@/components/one-on-ones/local-time";
import type { ActionState } from "@/lib/http/action";
import type { AgendaItemDto } from "@/lib/meetings/agenda";

/**
 * Moves a row up or down. At the end of the list it stays focusable (aria-disabled, not disabled),
 * so a keyboard user who just moved the item there keeps their place instead of falling to the page.
 */
function MoveButton({ id, op, atEnd, label, onPress }: { id: string; op: "up" | "down"; atEnd: boolean; label: string; onPress: (id: string) => void }) {
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
        else onPress(id);
      }}
    >
      {op === "up" ? "↑" : "↓"}
    </Button>
  );
}

export type AgendaRowProps = {
  meetingId: string;
  item: AgendaItemDto;
  first: boolean;
  last: boolean;
  names: Record<string, string>;
  carriedFrom: Record<string, string>;
  editable: boolean;
  /** False on a held 1:1: a done item stays done there (it would skip the next 1:1). */
  reopenable: boolean;
  /** The list's tick/move/delete action: one queue and one place for its errors. */
  rowAction: (fd: FormData) => void;
  /** Called with the id of the element that should hold focus once the list re-renders (moves, deletes). */
  onPress: (focusId: string) => void;
  /** Where focus goes when this row is deleted: a neighbour's control, or the "new talking point" field. */
  focusAfterDelete: string;
};

/** One talking point: tick it off, reword it, move it, or delete it (both people in the 1:1 may, as with the rest of the agenda). */
export function AgendaRow({ meetingId, item, first, last, names, carriedFrom, editable, reopenable, rowAction, onPress, focusAfterDelete }: AgendaRowProps) {
  const { editing, open, close, button, editor } = useEditing();
  if (editing) return <EditAgendaItem meetingId={meetingId} item={item} editor={editor} onClose={close} />;
  return (
    // One form per row: the pressed button says what to do (its name/value is the submitter's),
    // so the row carries the ids once instead of once per button.
    <form action={rowAction} className="flex flex-wrap items-start gap-x-2 gap-y-1 p-2">
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="itemId" value={item.id} />
      {/* The version this row shows: a delete from a stale tab is refused instead of removing a reworded point unseen. */}
      <input type="hidden" name="version" value={item.version} />
      <button
        id={`agenda-tick-${item.id}`}
        type="submit"
        name="op"
        value={item.done ? "undone" : "done"}
        disabled={!editable || (item.done && !reopenable)}
        role="checkbox"
        aria-checked={item.done}
        aria-label={`${item.done ? "Reopen" : "Tick off"}: ${item.body}`}
        className="tick"
      >
        <span aria-hidden className="tick-box" data-focus-ring>
          {item.done ? "✓" : ""}
        </span>
      </button>
      {/* At least 12rem for the text: on a phone the controls wrap below it instead of squeezing it. */}
      <span className={`min-w-0 flex-1 basis-48 text-sm [overflow-wrap:anywhere] ${item.done ? "text-muted line-through" : ""}`}>
        {item.body}
        <span className="block text-xs text-muted">
          {item.authorId ? `added by ${names[item.authorId] ?? "someone"}` : null}
          {item.carriedFromMeetingId && carriedFrom[item.carriedFromMeetingId] ? (
            <>
              {" · "}
              <span aria-hidden>↪ </span>from 1:1 on <LocalTime iso={carriedFrom[item.carriedFromMeetingId]!} mode="date" />
            </>
          ) : null}
        </span>
      </span>
      {editable ? (
        <span className="ml-auto flex shrink-0 items-center gap-1">
          <Button ref={button} size="sm" variant="ghost" aria-label={`Edit: ${item.body}`} onClick={open}>
            Edit
          </Button>
          <MoveButton id={`agenda-up-${item.id}`} op="up" atEnd={first} label={`Move up: ${item.body}`} onPress={onPress} />
          <MoveButton id={`agenda-down-${item.id}`} op="down" atEnd={last} label={`Move down: ${item.body}`} onPress={onPress} />
          <DeleteRowButton label={`Delete: ${item.body}`} question={`Delete the talking point “${item.body}”?`} onConfirmed={() => onPress(focusAfterDelete)} />
        </span>
      ) : null}
    </form>
  );
}

function EditAgendaItem({ meetingId, item, editor, onClose }: { meetingId: string; item: AgendaItemDto; editor: React.RefObject<HTMLDivElement | null>; onClose: () => void }) {
  const form = useActionForm<ActionState>(editAgendaAction, { onSuccess: onClose });
  const current = savedNow<{ body?: string; version?: number }>(form.state);
  // The version the edit started from, kept while the page refreshes around it (the 1:1 page looks for the other
  // person's changes every few seconds): a rewording saved meanwhile is then a 409, not silently replaced.
  const [openedAt] = useState(item.version);
  return (
    <RowEditor
      editor={editor}
      form={form}
      label={`Edit the talking point “${item.body}”`}
      ids={{ meetingId, itemId: item.id, version: current?.version ?? openedAt }}
      className="flex flex-wrap items-end gap-2"
      onClose={onClose}
      saved={current?.body !== undefined ? <>Saved now: “{current.body}”. Your wording is still in the field: save again to replace it, or cancel to keep it.</> : null}
    >
      <div className="min-w-0 flex-1 basis-48">
        <TextField id={`agenda-edit-${item.id}`} label="Talking point" name="body" defaultValue={item.body} maxLength={500} required errors={form.fields.body} />
      </div>
    </RowEditor>
  );
}
