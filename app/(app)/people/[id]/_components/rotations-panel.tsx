"use client";

import { useActionState, useState } from "react";
import { escapeCloses, useEditing } from "@/components/ui/use-editing";
import { useFocusAfterChange } from "@/components/ui/use-focus-after-change";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormMessage, SelectField, TextArea, TextField } from "@/components/ui/field";
import { resetForm, useActionForm } from "@/components/ui/use-action-form";
import { useToday } from "@/components/ui/use-today";
import { rotationDeleteQuestion } from "@/lib/plan/labels";
import { RotationEditForm } from "./rotation-edit-form";
import { addRotationAction, deleteRotationAction, setRotationStatusAction } from "../actions";

export type RotationItem = {
  id: string;
  host: string;
  startOn: string;
  plannedEndOn: string | null;
  startLabel: string;
  plannedEndLabel: string | null;
  endedLabel: string | null;
  status: "planned" | "active" | "done";
  learningGoal: string;
  version: number;
  /** Wins linked to it, or null when the viewer may not read wins (an admin). */
  linkedWins: number | null;
};

const statusTone = { planned: "info", active: "good", done: "neutral" } as const;

const PLAN_ID = "rotation-plan";


/** `focusAfter(id)`: the element to focus once the list re-renders (a delete removes this row). */
function RotationRow({ personId, r, canEdit, focusAfter }: { personId: string; r: RotationItem; canEdit: boolean; focusAfter: (id: string) => void }) {
  const [state, setStatus, pending] = useActionState(setRotationStatusAction.bind(null, personId, r.id), null);
  const [delState, del, deleting] = useActionState(deleteRotationAction.bind(null, personId, r.id), null);
  // Delete hides while its confirmation is open: focus goes to Cancel and back (useEditing).
  const { editing: confirmOpen, open: openConfirm, close: closeConfirm, button: deleteButton, editor: confirmForm } = useEditing();
  const [editing, setEditing] = useState(false);
  const editId = `rot-edit-${r.id}`;
  // Back to the Edit button, so keyboard users continue where they were.
  const closeEdit = () => {
    setEditing(false);
    setTimeout(() => document.getElementById(editId)?.focus(), 0);
  };
  const today = useToday();
  // Planned until it starts: the server refuses "active" before the start date (rotationStartGap), so it is not offered.
  const notYet = r.status === "planned" && r.startOn > today;
  const next = r.status === "planned" ? { status: "active", label: "Start rotation" } : r.status === "active" ? { status: "done", label: "End rotation" } : null;
  return (
    <li className="space-y-1 rounded-md border border-line p-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="min-w-0 font-medium [overflow-wrap:anywhere]">{r.host}</p>
        <Badge tone={statusTone[r.status]}>{r.status}</Badge>
      </div>
      <p className="text-sm text-muted">
        From {r.startLabel}
        {r.endedLabel ? ` to ${r.endedLabel}` : r.plannedEndLabel ? `, planned until ${r.plannedEndLabel}` : ""}
      </p>
      {r.learningGoal ? <p className="text-sm [overflow-wrap:anywhere]">Wants to learn: {r.learningGoal}</p> : null}
      {canEdit && editing ? <RotationEditForm personId={personId} r={r} onClose={closeEdit} /> : null}
      {canEdit && !editing ? (
        <div className="flex flex-wrap items-center gap-2 pt-1">
          {notYet ? (
            <span className="text-sm text-muted">Can be started from {r.startLabel}</span>
          ) : next ? (
            <form action={setStatus}>
              <input type="hidden" name="today" value={today} />
              <input type="hidden" name="version" value={r.version} />
              <input type="hidden" name="status" value={next.status} />
              <Button size="sm" variant="secondary" type="submit" pending={pending} aria-label={`${next.label} with ${r.host}`}>
                {next.label}
              </Button>
            </form>
          ) : null}
          <Button id={editId} size="sm" variant="ghost" onClick={() => setEditing(true)} aria-label={`Edit rotation with ${r.host}`}>Edit</Button>
          {confirmOpen ? (
            <div ref={confirmForm}>
              <form action={del} {...escapeCloses(closeConfirm)} className="flex flex-wrap items-center gap-2" aria-label="Confirm delete">
                <input type="hidden" name="version" value={r.version} />
                {/* The question describes the buttons: focus lands on Cancel, and a screen reader reads only what it names. */}
                <span id={`rot-question-${r.id}`} className="text-sm">{rotationDeleteQuestion(r.linkedWins)}</span>
                <Button size="sm" variant="danger" type="submit" pending={deleting} onClick={() => focusAfter(PLAN_ID)} aria-describedby={`rot-question-${r.id}`}>Yes, delete</Button>
                <Button size="sm" variant="ghost" onClick={closeConfirm} data-autofocus aria-describedby={`rot-question-${r.id}`}>Cancel</Button>
              </form>
            </div>
          ) : (
            <Button ref={deleteButton} size="sm" variant="ghost" onClick={openConfirm} aria-label={`Delete rotation with ${r.host}`}>Delete</Button>
          )}
          <FormMessage state={state} />
          <FormMessage state={delState} />
        </div>
      ) : null}
    </li>
  );
}

/**
 * What an empty list says depends on what this viewer can do: only those who may plan a rotation (the manager, an
 * admin) are asked to; "plan one together" with no button read as a task to a skip-level, who may only read.
 */
function noRotations(canEdit: boolean, self: boolean): string {
  if (canEdit) return "No rotations yet. A few months with another team is one of the best ways out of a stale role: plan one together.";
  if (self) return "No rotations yet. A few months with another team is one of the best ways out of a stale role: bring it up with your manager.";
  return "No rotations yet.";
}

/** `deactivatedName`: the person is deactivated, so no new rotation is planned (those on record stay correctable). */
export function RotationsPanel({
  personId,
  rotations,
  canEdit,
  self,
  deactivatedName,
}: {
  personId: string;
  rotations: RotationItem[];
  canEdit: boolean;
  self: boolean;
  deactivatedName?: string;
}) {
  const canAdd = canEdit && !deactivatedName;
  // "Plan a rotation" hides while its form is open: focus goes to the form's first field and back.
  const { editing: open, open: show, close, button, editor } = useEditing();
  const { state, action, onSubmit, pending, fields: f } = useActionForm(addRotationAction.bind(null, personId), { onSuccess: resetForm });
  // A deleted rotation takes its buttons with it: focus goes on to "Plan a rotation".
  const focusAfter = useFocusAfterChange(rotations);
  const today = useToday();
  return (
    <div className="space-y-3">
      {rotations.length ? (
        <ul className="space-y-2" aria-label="Rotations">
          {rotations.map((r) => (
            <RotationRow key={`${r.id}-${r.version}`} personId={personId} r={r} canEdit={canEdit} focusAfter={focusAfter} />
          ))}
        </ul>
      ) : (
        <p className="text-sm text-muted">{noRotations(canAdd, self)}</p>
      )}
      {canEdit && deactivatedName ? <p className="text-sm text-muted">Reactivate {deactivatedName} to plan a rotation.</p> : null}
      {canAdd && !open ? <Button id={PLAN_ID} ref={button} variant="secondary" onClick={show}>Plan a rotation</Button> : null}
      {canAdd && open ? (
        <div ref={editor}>
          <form action={action} onSubmit={onSubmit} noValidate {...escapeCloses(close)} aria-label="Plan a rotation" className="space-y-3 rounded-md border border-line p-3">
            <input type="hidden" name="today" value={today} />
            <div className="grid gap-3 sm:grid-cols-2">
              <TextField label="Host team or project" name="host" required errors={f.host} />
              <SelectField label="Status" name="status" defaultValue="planned" errors={f.status} options={[{ value: "planned", label: "Planned" }, { value: "active", label: "Active (started)" }, { value: "done", label: "Done" }]} />
              <TextField label="Start" name="startOn" type="date" required errors={f.startOn} />
              <TextField label="Planned end" name="plannedEndOn" type="date" errors={f.plannedEndOn} />
              <div className="sm:col-span-2">
                <TextArea label="What they want to learn" name="learningGoal" errors={f.learningGoal} />
              </div>
            </div>
            <FormMessage state={state} />
            <div className="flex gap-2">
              <Button type="submit" pending={pending}>Save rotation</Button>
              <Button variant="ghost" onClick={close}>Close</Button>
            </div>
          </form>
        </div>
      ) : null}
    </div>
  );
}
