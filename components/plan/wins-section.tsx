"use client";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { FormMessage, SelectField, TextArea, TextField } from "@/components/ui/field";
import { useToday } from "@/components/ui/use-today";
import { createWinAction, updateWinAction } from "@/app/(app)/me/actions";
import { ConflictNote } from "./conflict-note";
import type { GoalDto, RotationDto, WinDto } from "@/lib/plan/dto";
import { formatDate, Section, Sparkle } from "./bits";
import { DeleteButton } from "./delete-button";
import { useEditing } from "@/components/ui/use-editing";
import { usePlanForm } from "./use-plan-form";

export function WinsSection({
  personId,
  wins,
  goals,
  rotations,
  purposeSummary,
  canEdit,
  self,
  firstName,
}: {
  personId: string;
  wins: WinDto[];
  goals: Pick<GoalDto, "id" | "title">[];
  rotations: Pick<RotationDto, "id" | "host">[];
  purposeSummary: string | null;
  canEdit: boolean;
  self: boolean;
  firstName: string;
}) {
  // A closed "new" form (saved or cancelled) gives focus back to the Add button, not the page body.
  const { editing: adding, open: startAdding, close: stopAdding, button: addButton } = useEditing();
  return (
    <Section
      id="wins"
      title="Wins"
      intro="Progress worth celebrating, each tied back to a goal, a rotation or the purpose."
      actions={canEdit && wins.length && !adding ? <Button ref={addButton} size="sm" onClick={startAdding}>Record a win</Button> : null}
    >
      {adding ? <NewWinForm personId={personId} goals={goals} rotations={rotations} onDone={stopAdding} /> : null}
      {wins.length ? (
        <ul className="space-y-3">
          {wins.map((w) => (
            <WinCard key={w.id} win={w} canEdit={canEdit} self={self} firstName={firstName} purposeSummary={purposeSummary} goals={goals} rotations={rotations} />
          ))}
        </ul>
      ) : !adding ? (
        <EmptyState title="No wins recorded yet" action={canEdit ? <Button ref={addButton} onClick={startAdding}>Record a win</Button> : undefined}>
          Celebrate progress and tie it back to the bigger picture, e.g. “Artifact cache cut CI time by 40%”, linked to the goal it moved.
        </EmptyState>
      ) : null}
    </Section>
  );
}

type Links = { goals: Pick<GoalDto, "id" | "title">[]; rotations: Pick<RotationDto, "id" | "host">[] };

function WinCard({ win: w, canEdit, self, firstName, purposeSummary, goals, rotations }: { win: WinDto; canEdit: boolean; self: boolean; firstName: string; purposeSummary: string | null } & Links) {
  const { editing, open, close, button, editor } = useEditing();
  return (
    <li>
      <article aria-label={`Win: ${w.title}`} className="rounded-md border border-ember-200 bg-ember-50/60 p-3 dark:border-ember-800 dark:bg-ember-900/20 [overflow-wrap:anywhere]">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <h3 className="font-medium">
            <Sparkle className="mr-1" />
            {w.title}
          </h3>
          {canEdit ? (
            <span className="flex items-center gap-1 print:hidden">
              {!editing ? (
                <Button size="sm" variant="ghost" ref={button} onClick={open} aria-label={`Edit win ${w.title}`}>
                  Edit
                </Button>
              ) : null}
              <DeleteButton kind="win" id={w.id} version={w.version} label={`Delete win ${w.title}`} />
            </span>
          ) : null}
        </div>
        <p className="text-xs text-muted">
          {formatDate(w.occurredOn)}
          {w.authorName ? ` · celebrated by ${w.authorName}` : ""}
        </p>
        {w.description ? <p className="mt-1 whitespace-pre-wrap text-sm">{w.description}</p> : null}
        <p className="mt-1 text-sm">
          {w.goalTitle ? <>Moves the goal “{w.goalTitle}”</> : w.rotationHost ? <>From the rotation with {w.rotationHost}</> : null}
          {w.linksPurpose ? (
            <>
              {w.goalTitle || w.rotationHost ? " · " : ""}✦ Connects to {self ? "your" : `${firstName}'s`} purpose{purposeSummary ? `: “${purposeSummary}”` : ""}
            </>
          ) : null}
        </p>
        {editing ? <div ref={editor}><WinForm win={w} goals={goals} rotations={rotations} onDone={close} /></div> : null}
      </article>
    </li>
  );
}

function NewWinForm({ personId, goals, rotations, onDone }: { personId: string; onDone: () => void } & Links) {
  return <WinForm personId={personId} goals={goals} rotations={rotations} onDone={onDone} />;
}

const CONFLICT_LABELS = { title: "Title", description: "What happened", occurredOn: "Date", goalTitle: "Goal", rotationHost: "Rotation", linksPurpose: "Connects to the purpose" };

function WinForm({ personId, win, goals, rotations, onDone }: { personId?: string; win?: WinDto; onDone: () => void } & Links) {
  const form = usePlanForm(win ? updateWinAction : createWinAction, onDone);
  const p = win ? `win-${win.id}` : "win-new";
  const version = (form.conflict?.version as number | undefined) ?? win?.version;
  const today = useToday();
  const currentLink = win ? (win.goalId ? `goal:${win.goalId}` : win.rotationId ? `rotation:${win.rotationId}` : "purpose") : goals[0] ? `goal:${goals[0].id}` : "purpose";
  const links = [
    { value: "purpose", label: "The purpose" },
    ...goals.map((g) => ({ value: `goal:${g.id}`, label: `Goal: ${g.title}` })),
    ...rotations.map((r) => ({ value: `rotation:${r.id}`, label: `Rotation: ${r.host}` })),
  ];
  const linkErrors = [...(form.fields.link ?? []), ...(form.fields.goalId ?? []), ...(form.fields.rotationId ?? [])];
  return (
    <form onSubmit={form.onSubmit} aria-label={win ? `Edit win ${win.title}` : "New win"} className="my-3 space-y-3 rounded-md border border-line bg-panel p-3" noValidate>
      {win ? (
        <>
          <input type="hidden" name="id" value={win.id} />
          <input type="hidden" name="version" value={version} />
        </>
      ) : (
        <input type="hidden" name="personId" value={personId} />
      )}
      {/* The server judges "not in the future" by the viewer's day, not only UTC's. */}
      <input type="hidden" name="today" value={today} />
      <TextField label="Title" name="title" id={`${p}-title`} defaultValue={win?.title} errors={form.fields.title} autoFocus />
      <TextArea label="What happened" name="description" id={`${p}-description`} defaultValue={win?.description} errors={form.fields.description} rows={2} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label="Date" name="occurredOn" id={`${p}-date`} type="date" max={today} defaultValue={win?.occurredOn ?? today} errors={form.fields.occurredOn} />
        <SelectField label="Linked to" name="link" id={`${p}-link`} options={links} defaultValue={currentLink} errors={linkErrors.length ? linkErrors : undefined} />
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="linksPurpose" defaultChecked={win?.linksPurpose ?? false} className="size-4" />
        Also connects to the purpose
      </label>
      {form.conflict ? <ConflictNote current={form.conflict} labels={CONFLICT_LABELS} /> : <FormMessage state={form.state} />}
      <div className="flex gap-2">
        <Button type="submit" pending={form.pending}>{win ? "Save" : "Add win"}</Button>
        <Button variant="ghost" onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}
