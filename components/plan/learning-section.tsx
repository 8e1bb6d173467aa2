"use client";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { FormMessage, SelectField, TextArea, TextField } from "@/components/ui/field";
import { createLearningAction, updateLearningAction } from "@/app/(app)/me/actions";
import { ConflictNote } from "./conflict-note";
import type { LearningDto } from "@/lib/plan/dto";
import { LEARNING_KIND_LABEL, LEARNING_STATUS_LABEL, options } from "@/lib/plan/labels";
import { learningDatesLabel } from "@/lib/plan/learning-dates";
import { Section } from "./bits";
import { DeleteButton } from "./delete-button";
import { escapeCloses, useEditing } from "@/components/ui/use-editing";
import { focusWhenRemoved } from "@/components/ui/use-arrival-focus";
import { announceAdded } from "./announce-added";
import { usePlanForm } from "./use-plan-form";
import { usePlanEditForm, type FieldBinding } from "./use-plan-edit-form";
import { learningFormValues, type LearningKey } from "./plan-form-values";
import { spellChoice, spellDate, spellText, type ConflictField } from "./conflict-lines";
import { useToday } from "@/components/ui/use-today";

export function LearningSection({ personId, items, canEdit, self }: { personId: string; items: LearningDto[]; canEdit: boolean; self: boolean }) {
  // A closed "new" form (saved or cancelled) gives focus back to the Add button, not the page body.
  const { editing: adding, open: startAdding, close: stopAdding, button: addButton } = useEditing();
  return (
    <Section
      id="learning"
      title="Learning"
      intro="Courses, books, talks, conferences, communities and protected learning time — and what stuck."
      actions={canEdit && items.length && !adding ? <Button ref={addButton} size="sm" variant="secondary" onClick={startAdding}>Add learning</Button> : null}
    >
      {adding ? <NewLearningForm personId={personId} onDone={stopAdding} /> : null}
      {items.length ? (
        <ul className="divide-y divide-line">
          {items.map((l) => (
            <LearningRow key={l.id} item={l} canEdit={canEdit} />
          ))}
        </ul>
      ) : !adding ? (
        <EmptyState title="Nothing on the learning list yet" action={canEdit ? <Button ref={addButton} onClick={startAdding}>Add learning</Button> : undefined}>
          {canEdit ? (
            <>
              {self ? "Keep learning visible" : "Learning keeps a role fresh"}, e.g. the book “Designing Data-Intensive Applications”, two chapters a week.
            </>
          ) : null}
        </EmptyState>
      ) : null}
    </Section>
  );
}

function LearningRow({ item, canEdit }: { item: LearningDto; canEdit: boolean }) {
  const { editing, open, close, button, editor } = useEditing();
  const form = usePlanForm(updateLearningAction);
  const today = useToday();
  const next = item.status === "planned" ? { status: "in_progress", label: "Start" } : item.status === "in_progress" ? { status: "done", label: "Mark done" } : null;
  // "starts" or "started" by the viewer's calendar, as the server judges the dates.
  const dates = learningDatesLabel(item, today);
  return (
    <li className="py-2 [overflow-wrap:anywhere]">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="font-medium [overflow-wrap:anywhere]">{item.title}</p>
          <div className="mt-0.5 flex flex-wrap items-center gap-1.5 text-xs text-muted">
            <Badge>{LEARNING_KIND_LABEL[item.kind]}</Badge>
            <Badge tone={item.status === "done" ? "good" : item.status === "in_progress" ? "info" : "neutral"}>{LEARNING_STATUS_LABEL[item.status]}</Badge>
            {dates ? <span>{dates}</span> : null}
          </div>
        </div>
        {canEdit ? (
          <div className="-mr-2 ml-auto flex items-center gap-1 print:hidden">
            {next ? (
              <form
                onSubmit={(e) => {
                  // Mark done removes this button with its form: focus goes on to the row's Edit, not the page body.
                  if (next.status === "done") focusWhenRemoved(e.currentTarget, button.current);
                  form.onSubmit(e);
                }}
              >
                <input type="hidden" name="id" value={item.id} />
                <input type="hidden" name="version" value={item.version} />
                <input type="hidden" name="status" value={next.status} />
                {/* Started and finished today: the viewer's today, not UTC's. */}
                <input type="hidden" name="today" value={today} />
                <Button type="submit" size="sm" variant="secondary" pending={form.pending} aria-label={`${next.label}: ${item.title}`}>
                  {next.label}
                </Button>
              </form>
            ) : null}
            {!editing ? (
              <Button size="sm" variant="ghost" ref={button} onClick={open} aria-label={`Edit ${item.title}`}>
                Edit
              </Button>
            ) : null}
            <DeleteButton kind="learning" id={item.id} version={item.version} label={`Delete ${item.title}`} />
          </div>
        ) : null}
      </div>
      {editing ? <div ref={editor}><EditLearningForm item={item} onDone={close} /></div> : null}
      {item.takeaways ? <p className="mt-1 whitespace-pre-wrap text-sm">{item.takeaways}</p> : null}
      {form.state && !form.state.ok ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {form.state.error}
        </p>
      ) : null}
    </li>
  );
}

/** How the learning form names its fields and spells their values, at a field and in a conflict's note. */
const LEARNING_FIELDS: Record<LearningKey, ConflictField> = {
  kind: { label: "Kind", spell: spellChoice(LEARNING_KIND_LABEL) },
  title: { label: "Title", spell: spellText },
  status: { label: "Status", spell: spellChoice(LEARNING_STATUS_LABEL) },
  startedOn: { label: "Started", spell: spellDate },
  completedOn: { label: "Finished", spell: spellDate },
  takeaways: { label: "What I learned", spell: spellText },
};

const NEW_LEARNING: Record<LearningKey, string> = { kind: "course", title: "", status: "planned", startedOn: "", completedOn: "", takeaways: "" };

/** An edit form's controlled fields; a new item's form leaves them to the browser, from NEW_LEARNING. */
function LearningFields({ idPrefix: p, fields, field: bound }: { idPrefix: string; fields: Record<string, string[]>; field?: (k: LearningKey) => FieldBinding }) {
  const today = useToday();
  const field = (k: LearningKey) => bound?.(k) ?? { defaultValue: NEW_LEARNING[k] };
  return (
    <>
      <input type="hidden" name="today" value={today} />
      <div className="grid gap-3 sm:grid-cols-[10rem_1fr]">
        <SelectField label={LEARNING_FIELDS.kind.label} name="kind" id={`${p}-kind`} options={options(LEARNING_KIND_LABEL)} {...field("kind")} errors={fields.kind} />
        <TextField label={LEARNING_FIELDS.title.label} name="title" id={`${p}-title`} {...field("title")} errors={fields.title} autoFocus />
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField label={LEARNING_FIELDS.status.label} name="status" id={`${p}-status`} options={options(LEARNING_STATUS_LABEL)} {...field("status")} errors={fields.status} />
        <TextField label={LEARNING_FIELDS.startedOn.label} name="startedOn" id={`${p}-started`} type="date" {...field("startedOn")} errors={fields.startedOn} />
        {/* Done learning has finished: the date picker stops at the viewer's today, and the server refuses a later day. */}
        <TextField label={LEARNING_FIELDS.completedOn.label} name="completedOn" id={`${p}-completed`} type="date" max={today} {...field("completedOn")} errors={fields.completedOn} />
      </div>
      <TextArea label={LEARNING_FIELDS.takeaways.label} name="takeaways" id={`${p}-takeaways`} {...field("takeaways")} errors={fields.takeaways} rows={2} />
    </>
  );
}

function NewLearningForm({ personId, onDone }: { personId: string; onDone: () => void }) {
  const form = usePlanForm(createLearningAction, (f) => {
    announceAdded("Learning", f, "title");
    onDone();
  });
  return (
    <form onSubmit={form.onSubmit} {...escapeCloses(onDone)} aria-label="New learning" className="my-3 space-y-3 rounded-md border border-line p-3" noValidate>
      <input type="hidden" name="personId" value={personId} />
      <LearningFields idPrefix="learn-new" fields={form.fields} />
      <FormMessage state={form.state} />
      <div className="flex gap-2">
        <Button type="submit" pending={form.pending}>Add learning</Button>
        <Button variant="ghost" onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}

function EditLearningForm({ item, onDone }: { item: LearningDto; onDone: () => void }) {
  const form = usePlanEditForm({
    action: updateLearningAction,
    initial: learningFormValues(item),
    version: item.version,
    toValues: (saved) => learningFormValues(saved as LearningDto),
    labels: LEARNING_FIELDS,
    onDone,
  });
  return (
    <form onSubmit={form.onSubmit} {...escapeCloses(onDone)} {...form.unsavedProps} aria-label={`Edit ${item.title}`} className="my-3 space-y-3 rounded-md border border-line p-3" noValidate>
      <input type="hidden" name="id" value={item.id} />
      <input type="hidden" name="version" value={form.version} />
      <LearningFields idPrefix={`learn-${item.id}`} fields={form.fields} field={form.field} />
      {form.conflict ? <ConflictNote by={form.savedBy} clashes={form.clashes} fields={LEARNING_FIELDS} /> : <FormMessage state={form.state} />}
      <div className="flex gap-2">
        <Button type="submit" pending={form.pending}>Save</Button>
        <Button variant="ghost" onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}
