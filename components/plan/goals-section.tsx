"use client";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { FormMessage, SelectField, TextArea, TextField } from "@/components/ui/field";
import { useToday } from "@/components/ui/use-today";
import { addGoalUpdateAction, createGoalAction, updateGoalAction } from "@/app/(app)/me/actions";
import type { GoalDto } from "@/lib/plan/dto";
import { GOAL_CATEGORY_LABEL, GOAL_STATUS_LABEL, options } from "@/lib/plan/labels";
import { isPastTarget } from "@/lib/plan/target-date";
import { formatDate, Progress, Section } from "./bits";
import { ConflictNote } from "./conflict-note";
import { DeleteButton } from "./delete-button";
import { escapeCloses, useEditing } from "@/components/ui/use-editing";
import { announceAdded } from "./announce-added";
import { usePlanForm } from "./use-plan-form";
import { usePlanEditForm, type BoxBinding, type FieldBinding } from "./use-plan-edit-form";
import { goalFormValues, type GoalKey } from "./plan-form-values";
import { GOAL_FIELDS, progressLine } from "./goal-fields";

const STATUS_TONE = { proposed: "info", active: "watch", done: "good", dropped: "neutral" } as const;

export function GoalsSection({
  personId,
  goals,
  canEdit,
  self,
  winsByGoal = {},
}: {
  personId: string;
  goals: GoalDto[];
  canEdit: boolean;
  self: boolean;
  /** How many wins are linked to each goal: a delete keeps them, unlinked, and says so. */
  winsByGoal?: Record<string, number>;
}) {
  // A closed "new" form (saved or cancelled) gives focus back to the Add button, not the page body.
  const { editing: adding, open: startAdding, close: stopAdding, button: addButton } = useEditing();
  return (
    <Section
      id="goals"
      title="Stretch goals"
      intro="Challenges that grow the role: stretch assignments, cross-functional work, mentoring, piloting new tools, role evolution."
      actions={canEdit && goals.length && !adding ? <Button ref={addButton} size="sm" onClick={startAdding}>Propose a stretch goal</Button> : null}
    >
      {adding ? <NewGoalForm personId={personId} onDone={stopAdding} /> : null}
      {goals.length ? (
        <ul className="space-y-4">
          {goals.map((g) => (
            <GoalCard key={g.id} goal={g} canEdit={canEdit} linkedWins={winsByGoal[g.id] ?? 0} />
          ))}
        </ul>
      ) : !adding ? (
        <EmptyState
          title="No stretch goals yet"
          action={canEdit ? <Button ref={addButton} onClick={startAdding}>Propose a stretch goal</Button> : undefined}
        >
          {canEdit ? (
            <>
              {self ? "Pick something just beyond what you do today" : "Something just beyond today's role"}, e.g. “Pilot contract testing for the payments API with the Mobile team”.
            </>
          ) : null}
        </EmptyState>
      ) : null}
    </Section>
  );
}

/** How the goal form names its fields and spells their values, at a field and in a conflict's note. */

const NEW_GOAL: Record<GoalKey, string> = { title: "", description: "", category: "stretch_assignment", status: "proposed", targetOn: "", servesPurpose: "false" };

/** An edit form's controlled fields; a new goal's form leaves them to the browser, from NEW_GOAL. */
type GoalBinding = { field: (k: GoalKey) => FieldBinding; box: (k: GoalKey) => BoxBinding; note: (k: GoalKey) => string | undefined };

function GoalFields({ idPrefix: p, fields, bind, autoFocus }: { idPrefix: string; fields: Record<string, string[]>; bind?: GoalBinding; autoFocus?: boolean }) {
  const today = useToday();
  const field = (k: GoalKey) => bind?.field(k) ?? { defaultValue: NEW_GOAL[k] };
  const box = bind?.box("servesPurpose") ?? { defaultChecked: false };
  const boxNote = bind?.note("servesPurpose");
  return (
    <>
      {/* The server judges "from today on" by the viewer's day, not only UTC's. */}
      <input type="hidden" name="today" value={today} />
      <TextField label={GOAL_FIELDS.title.label} name="title" id={`${p}-title`} {...field("title")} errors={fields.title} required autoFocus={autoFocus} />
      <TextArea label={GOAL_FIELDS.description.label} name="description" id={`${p}-description`} {...field("description")} errors={fields.description} />
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField label={GOAL_FIELDS.category.label} name="category" id={`${p}-category`} options={options(GOAL_CATEGORY_LABEL)} {...field("category")} errors={fields.category} />
        <SelectField label={GOAL_FIELDS.status.label} name="status" id={`${p}-status`} options={options(GOAL_STATUS_LABEL)} {...field("status")} errors={fields.status} />
        <TextField label={GOAL_FIELDS.targetOn.label} name="targetOn" id={`${p}-targetOn`} type="date" min={today} {...field("targetOn")} errors={fields.targetOn} />
      </div>
      <div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="servesPurpose" {...box} aria-describedby={boxNote ? `${p}-servesPurpose-hint` : undefined} className="size-4" />
          {GOAL_FIELDS.servesPurpose.label}
        </label>
        {boxNote ? (
          <p id={`${p}-servesPurpose-hint`} className="ml-6 text-xs text-muted">
            {boxNote}
          </p>
        ) : null}
      </div>
    </>
  );
}

function NewGoalForm({ personId, onDone }: { personId: string; onDone: () => void }) {
  const form = usePlanForm(createGoalAction, (f) => {
    announceAdded("Stretch goal", f, "title");
    onDone();
  });
  return (
    <form onSubmit={form.onSubmit} {...escapeCloses(onDone)} aria-label="New stretch goal" className="mb-4 space-y-3 rounded-md border border-line p-3" noValidate>
      <input type="hidden" name="personId" value={personId} />
      <GoalFields idPrefix="goal-new" fields={form.fields} autoFocus />
      <FormMessage state={form.state} />
      <div className="flex gap-2">
        <Button type="submit" pending={form.pending}>{form.pending ? "Adding…" : "Add goal"}</Button>
        <Button variant="ghost" onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}

function EditGoalForm({ goal, onDone }: { goal: GoalDto; onDone: () => void }) {
  // Fixed when the form opens, like the fields it compares: a progress update behind the open form is named on a 409
  // (whose saved row carries the progress now).
  const [openedProgress] = useState(goal.progress);
  const form = usePlanEditForm({
    action: updateGoalAction,
    initial: goalFormValues(goal),
    version: goal.version,
    toValues: (saved) => goalFormValues(saved as GoalDto),
    labels: GOAL_FIELDS,
    onDone,
  });
  return (
    <form onSubmit={form.onSubmit} {...escapeCloses(onDone)} {...form.unsavedProps} aria-label={`Edit ${goal.title}`} className="mt-3 space-y-3 rounded-md border border-line p-3" noValidate>
      <input type="hidden" name="id" value={goal.id} />
      <input type="hidden" name="version" value={form.version} />
      <GoalFields idPrefix={`goal-${goal.id}`} fields={form.fields} bind={form} />
      {form.conflict ? <ConflictNote by={form.savedBy} clashes={form.clashes} fields={GOAL_FIELDS} more={progressLine(openedProgress, form.conflict?.progress)} /> : <FormMessage state={form.state} />}
      <div className="flex gap-2">
        <Button type="submit" pending={form.pending}>{form.pending ? "Saving…" : "Save goal"}</Button>
        <Button variant="ghost" onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}

function UpdateForm({ goal }: { goal: GoalDto }) {
  // A progress someone set meanwhile: the message names it, and the card behind the form catches up (usePlanForm).
  const form = usePlanForm(addGoalUpdateAction, (f) => f?.reset());
  const version = (form.conflict?.version as number | undefined) ?? goal.version;
  return (
    <form onSubmit={form.onSubmit} aria-label={`Progress update for ${goal.title}`} className="mt-3 grid gap-2 sm:grid-cols-[1fr_8rem_auto] sm:items-end" noValidate>
      <input type="hidden" name="id" value={goal.id} />
      <input type="hidden" name="version" value={version} />
      <TextField label="What happened" name="body" id={`upd-${goal.id}-body`} errors={form.fields.body} placeholder="e.g. First pilot team onboarded" />
      <TextField label="Progress %" name="progress" id={`upd-${goal.id}-progress`} type="number" min={0} max={100} inputMode="numeric" errors={form.fields.progress} />
      <Button type="submit" variant="secondary" pending={form.pending}>{form.pending ? "Adding…" : "Add update"}</Button>
      <div className="sm:col-span-3">
        <FormMessage state={form.state} />
      </div>
    </form>
  );
}

/** What deleting a goal takes with it (its progress updates) and what it leaves (its wins, without the link). */
function goalDeleteConsequence(updates: number, wins: number): string | undefined {
  const parts = [
    updates ? `Its ${updates === 1 ? "progress update is" : `${updates} progress updates are`} deleted with it.` : "",
    wins ? `${wins === 1 ? "The win linked to it stays" : `The ${wins} wins linked to it stay`}, no longer linked to a goal.` : "",
  ].filter(Boolean);
  return parts.length ? parts.join(" ") : undefined;
}

function GoalCard({ goal, canEdit, linkedWins }: { goal: GoalDto; canEdit: boolean; linkedWins: number }) {
  const { editing, open, close, button, editor } = useEditing();
  const today = useToday();
  return (
    <li>
      <article aria-labelledby={`goal-${goal.id}-h`} className="rounded-md border border-line p-3 sm:p-4 [overflow-wrap:anywhere]">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <div className="min-w-0">
            <h3 id={`goal-${goal.id}-h`} className="font-medium">
              {goal.title}
            </h3>
            <div className="mt-1 flex flex-wrap gap-1.5">
              <Badge tone={STATUS_TONE[goal.status as keyof typeof STATUS_TONE] ?? "neutral"}>{GOAL_STATUS_LABEL[goal.status]}</Badge>
              <Badge>{GOAL_CATEGORY_LABEL[goal.category]}</Badge>
              {goal.servesPurpose ? <Badge tone="risk">✦ Serves the purpose</Badge> : null}
              {goal.targetOn ? <span className="text-xs text-muted">Target {formatDate(goal.targetOn)}</span> : null}
              {isPastTarget(goal, today) ? (
                <Badge tone="watch">
                  <span aria-hidden="true">⚠</span> Past its target date
                </Badge>
              ) : null}
            </div>
          </div>
          {canEdit && !editing ? (
            <div className="flex items-center gap-1 print:hidden">
              <Button variant="secondary" size="sm" ref={button} onClick={open} aria-label={`Edit ${goal.title}`}>
                Edit
              </Button>
              <DeleteButton kind="goal" id={goal.id} version={goal.version} label={`Delete goal ${goal.title}`} consequence={goalDeleteConsequence(goal.updates.length, linkedWins)} />
            </div>
          ) : null}
        </div>
        {goal.description ? <p className="mt-2 whitespace-pre-wrap text-sm [overflow-wrap:anywhere]">{goal.description}</p> : null}
        <div className="mt-2">
          <Progress value={goal.progress} label={`Progress of ${goal.title}`} />
        </div>
        {editing ? <div ref={editor}><EditGoalForm goal={goal} onDone={close} /></div> : null}
        {goal.updates.length ? (
          <ol aria-label={`Updates on ${goal.title}`} className="mt-3 space-y-1.5 border-l border-line pl-3 text-sm">
            {goal.updates.map((u) => (
              <li key={u.id}>
                <span className="text-xs text-muted">
                  <time dateTime={u.createdAt}>{formatDate(u.createdAt)}</time>
                  {u.authorName ? ` · ${u.authorName}` : ""}
                  {u.progress !== null ? ` · ${u.progress}%` : ""}
                </span>
                <p className="whitespace-pre-wrap [overflow-wrap:anywhere]">{u.body}</p>
              </li>
            ))}
          </ol>
        ) : null}
        {canEdit && (goal.status === "active" || goal.status === "proposed") ? <UpdateForm goal={goal} /> : null}
      </article>
    </li>
  );
}
