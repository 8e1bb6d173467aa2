"use client";

import { useState } from "react";
import { editActionItemAction } from "../../actions";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { useEditing } from "@/components/ui/use-editing";
import { useToday } from "@/components/ui/use-today";
import { DeleteRowButton, RowEditor, savedNow } from "./row-editor";
import { LocalTime } from "@/components/one-on-ones/local-time";
import type { ActionState } from "@/lib/http/action";
import type { ActionItemDto } from "@/lib/meetings/action-items";
import { formatDate } from "@/lib/radar/format";

export type ActionItemRowProps = {
  meetingId: string;
  item: ActionItemDto;
  people: { id: string; name: string }[];
  carriedFrom: Record<string, string>;
  editable: boolean;
  /** False on a held 1:1: a done item stays done there (it would skip the next 1:1). */
  reopenable: boolean;
  /** The list's tick/delete action: one queue and one place for its errors. */
  rowAction: (fd: FormData) => void;
  /** Called with the id of the element that should hold focus once the list re-renders (after a delete). */
  onPress: (focusId: string) => void;
  focusAfterDelete: string;
};

/** One action item: tick it off, change its wording, owner or due date, or delete it. */
export function ActionItemRow({ meetingId, item, people, carriedFrom, editable, reopenable, rowAction, onPress, focusAfterDelete }: ActionItemRowProps) {
  const { editing, open, close, button, editor } = useEditing();
  // Overdue by the viewer's calendar, not the server's: at 9 pm in Los Angeles an item due today is not late yet.
  const today = useToday();
  const name = (id: string) => people.find((p) => p.id === id)?.name ?? "someone";
  if (editing) return <EditActionItem meetingId={meetingId} item={item} people={people} editor={editor} onClose={close} />;
  const overdue = !item.doneAt && !!item.dueOn && item.dueOn < today;
  return (
    <form action={rowAction} className={`flex flex-wrap items-start gap-x-2 gap-y-1 p-2 ${overdue ? "bg-ember-50/60 dark:bg-ember-900/20" : ""}`}>
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="itemId" value={item.id} />
      <input type="hidden" name="version" value={item.version} />
      <button
        id={`action-tick-${item.id}`}
        type="submit"
        name="op"
        value={item.doneAt ? "undone" : "done"}
        disabled={!editable || (!!item.doneAt && !reopenable)}
        role="checkbox"
        aria-checked={!!item.doneAt}
        aria-label={`${item.doneAt ? "Mark not done" : "Mark done"}: ${item.body}`}
        className="tick"
      >
        <span aria-hidden className="tick-box" data-focus-ring>
          {item.doneAt ? "✓" : ""}
        </span>
      </button>
      <div className="min-w-0 flex-1 basis-48 text-sm">
        <span className={`[overflow-wrap:anywhere] ${item.doneAt ? "text-muted line-through" : ""}`}>{item.body}</span>
        <span className="block text-xs text-muted">
          {name(item.ownerId)}
          {item.dueOn ? ` · due ${formatDate(item.dueOn)}` : ""}
          {item.carriedFromMeetingId && carriedFrom[item.carriedFromMeetingId] ? (
            <>
              {" · "}
              <span aria-hidden>↪ </span>from 1:1 on <LocalTime iso={carriedFrom[item.carriedFromMeetingId]!} mode="date" />
            </>
          ) : null}
        </span>
        {overdue ? (
          <span className="mt-1 inline-flex items-center gap-1 rounded-full border border-ember-300 px-2 text-xs font-medium text-ember-800 dark:text-ember-100">
            <span aria-hidden>⚠</span> Overdue
          </span>
        ) : null}
      </div>
      {editable ? (
        <span className="ml-auto flex shrink-0 items-center gap-1">
          <Button ref={button} size="sm" variant="ghost" aria-label={`Edit: ${item.body}`} onClick={open}>
            Edit
          </Button>
          <DeleteRowButton label={`Delete: ${item.body}`} question={`Delete the action item “${item.body}”?`} onConfirmed={() => onPress(focusAfterDelete)} />
        </span>
      ) : null}
    </form>
  );
}

type Saved = { body?: string; ownerId?: string; dueOn?: string | null; version?: number };

function EditActionItem({
  meetingId,
  item,
  people,
  editor,
  onClose,
}: {
  meetingId: string;
  item: ActionItemDto;
  people: { id: string; name: string }[];
  editor: React.RefObject<HTMLDivElement | null>;
  onClose: () => void;
}) {
  const form = useActionForm<ActionState>(editActionItemAction, { onSuccess: onClose });
  const today = useToday();
  const current = savedNow<Saved>(form.state);
  // The version the edit started from, kept while the page refreshes around it (the 1:1 page looks for the other
  // person's changes every few seconds): a rewording saved meanwhile is then a 409, not silently replaced.
  const [openedAt] = useState(item.version);
  const p = `action-edit-${item.id}`;
  return (
    <RowEditor
      editor={editor}
      form={form}
      label={`Edit the action item “${item.body}”`}
      ids={{ meetingId, itemId: item.id, version: current?.version ?? openedAt }}
      className="grid gap-3 sm:grid-cols-2 sm:items-start"
      onClose={onClose}
      saved={
        current?.body !== undefined ? (
          <>
            Saved now: “{current.body}”, {people.find((x) => x.id === current.ownerId)?.name ?? "someone"}
            {current.dueOn ? `, due ${formatDate(current.dueOn)}` : ", no due date"}. What you typed is still in the form: save again to replace it, or cancel to keep it.
          </>
        ) : null
      }
    >
      <div className="sm:col-span-2">
        <TextField id={`${p}-body`} label="Action item" name="body" defaultValue={item.body} maxLength={500} required errors={form.fields.body} />
      </div>
      <SelectField id={`${p}-owner`} label="Owner" name="ownerId" defaultValue={item.ownerId} options={people.map((x) => ({ value: x.id, label: x.name }))} errors={form.fields.ownerId} />
      <TextField id={`${p}-due`} label="Due" name="dueOn" type="date" defaultValue={item.dueOn ?? ""} errors={form.fields.dueOn} />
      <input type="hidden" name="today" value={today} />
    </RowEditor>
  );
}
