"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage, SelectField, TextArea, TextField } from "@/components/ui/field";
import { resetForm, useActionForm } from "@/components/ui/use-action-form";
import { escapeCloses, useEditing } from "@/components/ui/use-editing";
import { useFocusAfterChange } from "@/components/ui/use-focus-after-change";
import { useToday } from "@/components/ui/use-today";
import type { ActionState } from "@/lib/http/action";
import { ROLE_EVENT_LABELS, ROLE_EVENT_TYPES, type RoleEventType } from "@/lib/people/schemas";
import { addRoleEventAction, deleteRoleEventAction, editRoleEventAction } from "../actions";

export type TimelineEvent = {
  id: string;
  type: RoleEventType;
  effectiveOn: string;
  dateLabel: string;
  description: string;
  newTitle: string | null;
  newTeam: string | null;
  version: number;
};

const typeOptions = ROLE_EVENT_TYPES.map((t) => ({ value: t, label: ROLE_EVENT_LABELS[t] }));

function EventFields({ state, ev, idPrefix }: { state: ActionState; ev?: TimelineEvent; idPrefix: string }) {
  const f = state && !state.ok ? state.fields : undefined;
  const today = useToday();
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      {/* The server refuses a date after the viewer's today (lib/people/role-dates.ts), not UTC's. */}
      <input type="hidden" name="today" value={today} />
      <SelectField id={`${idPrefix}-type`} label="What changed" name="type" options={typeOptions} defaultValue={ev?.type ?? "scope_change"} errors={f?.type} />
      <TextField id={`${idPrefix}-date`} label="Effective date" name="effectiveOn" type="date" required defaultValue={ev?.effectiveOn ?? today} errors={f?.effectiveOn} />
      <TextField id={`${idPrefix}-title`} label="New title" hint="For a title change or a promotion." name="newTitle" defaultValue={ev?.newTitle ?? ""} errors={f?.newTitle} />
      <TextField id={`${idPrefix}-team`} label="New team" hint="For a team change." name="newTeam" defaultValue={ev?.newTeam ?? ""} errors={f?.newTeam} />
      <div className="sm:col-span-2">
        <TextArea id={`${idPrefix}-desc`} label="Description" name="description" defaultValue={ev?.description ?? ""} errors={f?.description} placeholder="e.g. Now also owns the on-call rotation for the payments API" />
      </div>
    </div>
  );
}

const ADD_ID = "role-event-add";

function AddEvent({ personId }: { personId: string }) {
  // The button hides while the form is open: focus goes to the form's first field and back (useEditing).
  const { editing: open, open: show, close, button, editor } = useEditing();
  const { state, action, onSubmit, pending } = useActionForm(addRoleEventAction.bind(null, personId), { onSuccess: resetForm });
  if (!open) return <Button id={ADD_ID} ref={button} variant="secondary" onClick={show}>Add role event</Button>;
  return (
    <div ref={editor}>
      <form action={action} onSubmit={onSubmit} {...escapeCloses(close)} aria-label="Add role event" className="space-y-3 rounded-md border border-line p-3">
        <EventFields state={state} idPrefix="new-ev" />
        <div>
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" name="earlier" className="mt-0.5 size-4" aria-describedby="new-ev-earlier-hint" />
            <span>An earlier change, for the history</span>
          </label>
          <p id="new-ev-earlier-hint" className="ml-6 text-xs text-muted">
            For a change before the latest one on the timeline (say, a past role). It is listed in its place and does not restart time in role.
          </p>
        </div>
        <FormMessage state={state} />
        <div className="flex gap-2">
          <Button type="submit" pending={pending}>{pending ? "Saving…" : "Save event"}</Button>
          <Button variant="ghost" onClick={close}>Close</Button>
        </div>
      </form>
    </div>
  );
}

/** `focusAfter(id)`: the element to focus once the list re-renders (a save or delete re-keys or removes this row). */
function EventItem({ personId, ev, canEdit, focusAfter }: { personId: string; ev: TimelineEvent; canEdit: boolean; focusAfter: (id: string) => void }) {
  const editId = `role-event-edit-${ev.id}`;
  // Edit and Delete each hide while their form is open; each form takes focus and gives it back to its button.
  const { editing: editOpen, open: openEdit, close: closeEdit, button: editButton, editor: editForm } = useEditing();
  const { editing: confirmOpen, open: openConfirm, close: closeConfirm, button: deleteButton, editor: confirmForm } = useEditing();
  const mode = editOpen ? "edit" : confirmOpen ? "confirm" : "view";
  const { state: editState, action: editAction, onSubmit: onEdit, pending: editing } = useActionForm(editRoleEventAction.bind(null, personId, ev.id), { onSuccess: closeEdit });
  const [delState, delAction, deleting] = useActionState(deleteRoleEventAction.bind(null, personId, ev.id), null);
  return (
    <li className="relative border-l-2 border-line pb-4 pl-4 last:pb-0">
      <span aria-hidden="true" className="absolute -left-[7px] top-1.5 h-3 w-3 rounded-full border-2 border-panel bg-ember-500" />
      <p className="text-sm [overflow-wrap:anywhere]">
        <time dateTime={ev.effectiveOn} className="font-medium tabular-nums">{ev.dateLabel}</time>
        <span className="mx-1.5 text-muted">·</span>
        <span className="font-medium">{ROLE_EVENT_LABELS[ev.type]}</span>
        {ev.newTitle ? <span className="text-muted"> → {ev.newTitle}</span> : null}
        {ev.newTeam ? <span className="text-muted"> (team {ev.newTeam})</span> : null}
      </p>
      {ev.description ? <p className="text-sm text-muted [overflow-wrap:anywhere]">{ev.description}</p> : null}
      {canEdit && mode === "view" ? (
        <div className="mt-1 flex gap-2">
          <Button id={editId} ref={editButton} size="sm" variant="ghost" onClick={openEdit} aria-label={`Edit ${ROLE_EVENT_LABELS[ev.type]} of ${ev.dateLabel}`}>Edit</Button>
          <Button ref={deleteButton} size="sm" variant="ghost" onClick={openConfirm} aria-label={`Delete ${ROLE_EVENT_LABELS[ev.type]} of ${ev.dateLabel}`}>Delete</Button>
        </div>
      ) : null}
      {mode === "confirm" ? (
        <div ref={confirmForm}>
          <form action={delAction} {...escapeCloses(closeConfirm)} className="mt-2 flex flex-wrap items-center gap-2" aria-label="Confirm delete">
            <input type="hidden" name="version" value={ev.version} />
            {/* The question describes the buttons: focus lands on Cancel, and a screen reader reads only what it names. */}
            <span id={`ev-question-${ev.id}`} className="text-sm">Delete this event? Time in role is recalculated.</span>
            <Button size="sm" variant="danger" type="submit" pending={deleting} onClick={() => focusAfter(ADD_ID)} aria-describedby={`ev-question-${ev.id}`}>Yes, delete</Button>
            {/* Focus starts on the harmless choice. */}
            <Button size="sm" variant="ghost" onClick={closeConfirm} data-autofocus aria-describedby={`ev-question-${ev.id}`}>Cancel</Button>
            <FormMessage state={delState} />
          </form>
        </div>
      ) : null}
      {mode === "edit" ? (
        <div ref={editForm}>
          <form
            action={editAction}
            onSubmit={(e) => {
              focusAfter(editId);
              onEdit(e);
            }}
            {...escapeCloses(closeEdit)}
            aria-label="Edit role event"
            className="mt-2 space-y-3 rounded-md border border-line p-3"
          >
            <input type="hidden" name="version" value={ev.version} />
            <EventFields state={editState} ev={ev} idPrefix={`ev-${ev.id}`} />
            <FormMessage state={editState} />
            <div className="flex gap-2">
              <Button type="submit" pending={editing}>Save</Button>
              <Button variant="ghost" onClick={closeEdit}>Cancel</Button>
            </div>
          </form>
        </div>
      ) : null}
    </li>
  );
}

/**
 * The role timeline; edit controls only for viewers who may write role history (the server checks again).
 * `deactivatedName`: the person is deactivated, so nothing new is recorded (what is on record stays correctable).
 */
export function RoleTimeline({ personId, events, canEdit, deactivatedName }: { personId: string; events: TimelineEvent[]; canEdit: boolean; deactivatedName?: string }) {
  const canAdd = canEdit && !deactivatedName;
  // A saved event is re-keyed and a deleted one removed: focus goes to its new Edit button, or on to "Add role event".
  const focusAfter = useFocusAfterChange(events);
  return (
    <div className="space-y-4">
      {events.length ? (
        <ol className="ml-1.5" aria-label="Role timeline">
          {events.map((ev) => (
            <EventItem key={`${ev.id}-${ev.version}`} personId={personId} ev={ev} canEdit={canEdit} focusAfter={focusAfter} />
          ))}
        </ol>
      ) : (
        // Asked to record one only where this viewer can (the manager, an admin); others just read the page.
        <p className="text-sm text-muted">{canAdd ? "No role events yet. Record the last time this role changed, e.g. a promotion or new scope." : "No role events yet."}</p>
      )}
      {canAdd ? <AddEvent personId={personId} /> : null}
      {canEdit && deactivatedName ? <p className="text-sm text-muted">Reactivate {deactivatedName} to record a new role change.</p> : null}
    </div>
  );
}
