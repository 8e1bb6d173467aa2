"use client";
import { useState, type ChangeEvent } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { FormMessage, SelectField, TextArea, TextField } from "@/components/ui/field";
import { useToday } from "@/components/ui/use-today";
import { createWinAction, updateWinAction } from "@/app/(app)/me/actions";
import { ConflictNote } from "./conflict-note";
import type { GoalDto, RotationDto, WinDto } from "@/lib/plan/dto";
import { formatDate, Section, Sparkle } from "./bits";
import { DeleteButton } from "./delete-button";
import { escapeCloses, useEditing } from "@/components/ui/use-editing";
import { announceAdded } from "./announce-added";
import { usePlanForm } from "./use-plan-form";
import { usePlanEditForm, type BoxBinding, type FieldBinding } from "./use-plan-edit-form";
import { winFormValues, type WinKey } from "./plan-form-values";
import { spellChoice, spellDate, spellText, spellYesNo, type ConflictField } from "./conflict-lines";

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
  goals: Pick<GoalDto, "id" | "title" | "status">[];
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
          {canEdit ? <>Celebrate progress and tie it back to the bigger picture, e.g. “Artifact cache cut CI time by 40%”, linked to the goal it moved.</> : null}
        </EmptyState>
      ) : null}
    </Section>
  );
}

type Links = { goals: Pick<GoalDto, "id" | "title" | "status">[]; rotations: Pick<RotationDto, "id" | "host">[] };

function WinCard({ win: w, canEdit, self, firstName, purposeSummary, goals, rotations }: { win: WinDto; canEdit: boolean; self: boolean; firstName: string; purposeSummary: string | null } & Links) {
  const { editing, open, close, button, editor } = useEditing();
  return (
    <li>
      <article aria-label={`Win: ${w.title}`} className="rounded-md border border-ember-200 bg-ember-50/60 p-3 dark:border-ember-800 dark:bg-ember-900/20 [overflow-wrap:anywhere]">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <div className="min-w-0">
            <h3 className="font-medium">
              <Sparkle className="mr-1" />
              {w.title}
            </h3>
            <p className="text-xs text-muted">
              {formatDate(w.occurredOn)}
              {w.authorName ? ` · celebrated by ${w.authorName}` : ""}
            </p>
          </div>
          {canEdit ? (
            <span className="-mr-2 ml-auto flex items-center gap-1 print:hidden">
              {!editing ? (
                <Button size="sm" variant="ghost" ref={button} onClick={open} aria-label={`Edit win ${w.title}`}>
                  Edit
                </Button>
              ) : null}
              <DeleteButton kind="win" id={w.id} version={w.version} label={`Delete win ${w.title}`} />
            </span>
          ) : null}
        </div>
        {w.description ? <p className="mt-1 whitespace-pre-wrap text-sm">{w.description}</p> : null}
        <p className="mt-1 text-sm">
          {w.goalTitle ? <>Moves the goal “{w.goalTitle}”</> : w.rotationHost ? <>From the rotation with {w.rotationHost}</> : null}
          {w.linksPurpose ? (
            <>
              {w.goalTitle || w.rotationHost ? " · " : ""}✦ Connects to {self ? "your" : `${firstName}'s`} purpose{purposeSummary ? `: “${purposeSummary}”` : ""}
            </>
          ) : null}
        </p>
        {editing ? <div ref={editor}><EditWinForm win={w} goals={goals} rotations={rotations} onDone={close} /></div> : null}
      </article>
    </li>
  );
}

/** A goal no longer open says so: a win may still be linked to it, but not by mistake. */
const CLOSED_GOAL: Record<string, string> = { done: " (done)", dropped: " (dropped)" };

/**
 * The "linked to" choices: the purpose, a goal on the plan, or a rotation. "Choose…" first when nothing is chosen (a
 * new win, or one whose goal was deleted): a preset first goal, often done or dropped, was saved unnoticed, and an
 * unlinked win opened as "The purpose" was linked to it by any edit. Left at "Choose…", a new win is refused at the field.
 */
function linkOptions({ goals, rotations }: Links, chosen: string) {
  return [
    ...(chosen === "" ? [{ value: "", label: "Choose…" }] : []),
    { value: "purpose", label: "The purpose" },
    ...goals.map((g) => ({ value: `goal:${g.id}`, label: `Goal: ${g.title}${CLOSED_GOAL[g.status] ?? ""}` })),
    ...rotations.map((r) => ({ value: `rotation:${r.id}`, label: `Rotation: ${r.host}` })),
  ];
}

const WIN_LABELS: Record<WinKey, string> = { title: "Title", description: "What happened", occurredOn: "Date", link: "Linked to", linksPurpose: "Also connects to the purpose" };

/** An edit form's controlled fields; a new win's form leaves them to the browser, from `defaults`. */
type WinBinding = { field: (k: WinKey) => FieldBinding; box: (k: WinKey) => BoxBinding; note: (k: WinKey) => string | undefined };

function WinFields({ idPrefix: p, fields, links, defaults, bind }: { idPrefix: string; fields: Record<string, string[]>; links: Links; defaults: Record<WinKey, string>; bind?: WinBinding }) {
  const today = useToday();
  // The new win's form leaves its fields to the browser; it follows the link only to show or hide the checkbox below.
  const [newLink, setNewLink] = useState(defaults.link);
  const field = (k: WinKey) => bind?.field(k) ?? { defaultValue: defaults[k] };
  const linkField = bind?.field("link") ?? { defaultValue: defaults.link, onChange: (e: ChangeEvent<HTMLSelectElement>) => setNewLink(e.currentTarget.value) };
  const link = bind ? bind.field("link").value : newLink;
  const box = bind?.box("linksPurpose") ?? { defaultChecked: defaults.linksPurpose === "true" };
  const boxNote = bind?.note("linksPurpose");
  const linkErrors = [...(fields.link ?? []), ...(fields.goalId ?? []), ...(fields.rotationId ?? [])];
  return (
    <>
      {/* The server judges "not in the future" by the viewer's day, not only UTC's. */}
      <input type="hidden" name="today" value={today} />
      <TextField label={WIN_LABELS.title} name="title" id={`${p}-title`} {...field("title")} errors={fields.title} autoFocus />
      <TextArea label={WIN_LABELS.description} name="description" id={`${p}-description`} {...field("description")} errors={fields.description} rows={2} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label={WIN_LABELS.occurredOn} name="occurredOn" id={`${p}-date`} type="date" max={today} {...field("occurredOn")} errors={fields.occurredOn} />
        <SelectField label={WIN_LABELS.link} name="link" id={`${p}-link`} options={linkOptions(links, link)} {...linkField} errors={linkErrors.length ? linkErrors : undefined} />
      </div>
      {/* Linked to the purpose, it connects to it: the box, unticked there, read as if it did not (the server sets it anyway). */}
      <div hidden={link === "purpose"}>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="linksPurpose" {...box} aria-describedby={boxNote ? `${p}-linksPurpose-hint` : undefined} className="size-4" />
          {WIN_LABELS.linksPurpose}
        </label>
        {boxNote ? (
          <p id={`${p}-linksPurpose-hint`} className="ml-6 text-xs text-muted">
            {boxNote}
          </p>
        ) : null}
      </div>
    </>
  );
}

function NewWinForm({ personId, goals, rotations, onDone }: { personId: string; onDone: () => void } & Links) {
  const form = usePlanForm(createWinAction, (f) => {
    announceAdded("Win", f, "title");
    onDone();
  });
  const today = useToday();
  const defaults = { title: "", description: "", occurredOn: today, link: "", linksPurpose: "false" };
  return (
    <form onSubmit={form.onSubmit} {...escapeCloses(onDone)} aria-label="New win" className="my-3 space-y-3 rounded-md border border-line bg-panel p-3" noValidate>
      <input type="hidden" name="personId" value={personId} />
      <WinFields idPrefix="win-new" fields={form.fields} links={{ goals, rotations }} defaults={defaults} />
      <FormMessage state={form.state} />
      <div className="flex gap-2">
        <Button type="submit" pending={form.pending}>Add win</Button>
        <Button variant="ghost" onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}

function EditWinForm({ win, goals, rotations, onDone }: { win: WinDto; onDone: () => void } & Links) {
  // The rotation the win is linked to stays a choice even if it is not offered for new links (planned again).
  const withOwn = win.rotationId && win.rotationHost && !rotations.some((r) => r.id === win.rotationId) ? [...rotations, { id: win.rotationId, host: win.rotationHost }] : rotations;
  const links = { goals, rotations: withOwn };
  // No link at all is spelled "none" (spellChoice), not "Choose…".
  const linkLabels = Object.fromEntries(linkOptions(links, "purpose").map((l) => [l.value, l.label]));
  // A link saved meanwhile to a goal or rotation this page does not list yet is named by what the conflict says.
  const [savedLinks, setSavedLinks] = useState<Record<string, string>>({});
  const labels: Record<WinKey, ConflictField> = {
    title: { label: WIN_LABELS.title, spell: spellText },
    description: { label: WIN_LABELS.description, spell: spellText },
    occurredOn: { label: WIN_LABELS.occurredOn, spell: spellDate },
    link: { label: WIN_LABELS.link, spell: spellChoice({ ...savedLinks, ...linkLabels }) },
    linksPurpose: { label: WIN_LABELS.linksPurpose, spell: spellYesNo },
  };
  const form = usePlanEditForm({
    action: updateWinAction,
    initial: winFormValues(win),
    version: win.version,
    toValues: (saved) => winFormValues(saved as WinDto),
    labels,
    onDone,
    onMerged: (_merged, _typed, saved) => {
      const w = saved as WinDto;
      if (w.goalId && w.goalTitle) setSavedLinks((m) => ({ ...m, [`goal:${w.goalId}`]: `Goal: ${w.goalTitle}` }));
      else if (w.rotationId && w.rotationHost) setSavedLinks((m) => ({ ...m, [`rotation:${w.rotationId}`]: `Rotation: ${w.rotationHost}` }));
    },
  });
  return (
    <form onSubmit={form.onSubmit} {...escapeCloses(onDone)} {...form.unsavedProps} aria-label={`Edit win ${win.title}`} className="my-3 space-y-3 rounded-md border border-line bg-panel p-3" noValidate>
      <input type="hidden" name="id" value={win.id} />
      <input type="hidden" name="version" value={form.version} />
      <WinFields idPrefix={`win-${win.id}`} fields={form.fields} links={links} defaults={form.values} bind={form} />
      {form.conflict ? <ConflictNote by={form.savedBy} clashes={form.clashes} fields={labels} /> : <FormMessage state={form.state} />}
      <div className="flex gap-2">
        <Button type="submit" pending={form.pending}>Save</Button>
        <Button variant="ghost" onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}
