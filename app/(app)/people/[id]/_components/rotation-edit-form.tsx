"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage, TextArea, TextField } from "@/components/ui/field";
import { unsavedAttr } from "@/components/ui/unsaved-changes";
import { useActionForm } from "@/components/ui/use-action-form";
import { escapeCloses } from "@/components/ui/use-editing";
import { useToday } from "@/components/ui/use-today";
import { editRotationAction } from "../actions";

export type EditableRotation = { id: string; host: string; startOn: string; plannedEndOn: string | null; learningGoal: string; version: number };

type Current = Partial<EditableRotation>;

/**
 * Inline edit of a rotation's host, dates and learning goal. Inputs are
 * controlled so what was typed survives a validation error or a 409: on a
 * conflict it shows the version someone else saved and sends that version on
 * the next save, so saving again deliberately replaces it.
 */
export function RotationEditForm({ personId, r, onClose }: { personId: string; r: EditableRotation; onClose: () => void }) {
  // Sent through useActionForm: a date the browser cannot read is named here, not saved as no planned end.
  const { state, action, onSubmit, pending, fields: f } = useActionForm(editRotationAction.bind(null, personId, r.id));
  const [values, setValues] = useState({ host: r.host, startOn: r.startOn, plannedEndOn: r.plannedEndOn ?? "", learningGoal: r.learningGoal });
  const today = useToday();
  const current = state && !state.ok && state.code === "conflict" ? (state.extra?.current as Current | undefined) : undefined;
  const version = current?.version ?? r.version;
  const set = (k: keyof typeof values) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setValues((v) => ({ ...v, [k]: value }));
  };
  const p = `rot-${r.id}`;
  // Every field is controlled: the form says itself when it differs from the rotation (Escape and the leave guard).
  const changed = values.host !== r.host || values.startOn !== r.startOn || values.plannedEndOn !== (r.plannedEndOn ?? "") || values.learningGoal !== r.learningGoal;
  return (
    <form action={action} onSubmit={onSubmit} noValidate {...escapeCloses(onClose)} {...unsavedAttr(changed)} aria-label={`Edit rotation with ${r.host}`} className="space-y-3 rounded-md border border-line p-3">
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="today" value={today} />
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="sm:col-span-2">
          <TextField id={`${p}-host`} label="Host team or project" name="host" required autoFocus value={values.host} onChange={set("host")} errors={f?.host} />
        </div>
        <TextField id={`${p}-start`} label="Start" name="startOn" type="date" required value={values.startOn} onChange={set("startOn")} errors={f?.startOn} />
        <TextField id={`${p}-end`} label="Planned end" name="plannedEndOn" type="date" value={values.plannedEndOn} onChange={set("plannedEndOn")} errors={f?.plannedEndOn} />
        <div className="sm:col-span-2">
          <TextArea id={`${p}-goal`} label="What they want to learn" name="learningGoal" value={values.learningGoal} onChange={set("learningGoal")} errors={f?.learningGoal} />
        </div>
      </div>
      <FormMessage state={state} />
      {current ? (
        <p className="text-sm text-muted">
          Saved now: {current.host}, from {current.startOn}
          {current.plannedEndOn ? ` until ${current.plannedEndOn}` : ""}
          {current.learningGoal ? `, learning “${current.learningGoal}”` : ""}. Your changes are still below: save again to replace it, or cancel to keep it.
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button size="sm" type="submit" pending={pending}>{pending ? "Saving…" : "Save changes"}</Button>
        <Button size="sm" variant="ghost" onClick={onClose}>Cancel</Button>
      </div>
    </form>
  );
}
