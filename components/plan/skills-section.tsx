"use client";
import { Button } from "@/components/ui/button";
import { escapeCloses, useEditing } from "@/components/ui/use-editing";
import { focusOnArrival, useArrivalFocus } from "@/components/ui/use-arrival-focus";
import { EmptyState } from "@/components/ui/card";
import { FormMessage, SelectField, TextField } from "@/components/ui/field";
import { createSkillAction, updateSkillAction } from "@/app/(app)/me/actions";
import type { SkillDto } from "@/lib/plan/dto";
import { options, SKILL_STATUS_LABEL } from "@/lib/plan/labels";
import { Section } from "./bits";
import { DeleteButton } from "./delete-button";
import { announceAdded } from "./announce-added";
import { usePlanForm } from "./use-plan-form";

const GROUPS = [
  { status: "used", title: "Used in the role" },
  { status: "unused", title: "Not used in the current role" },
  { status: "want_to_build", title: "Want to build" },
] as const;

export function SkillsSection({
  personId,
  skills,
  canEdit,
  self,
  firstName,
}: {
  personId: string;
  skills: SkillDto[];
  canEdit: boolean;
  self: boolean;
  firstName: string;
}) {
  // A closed "new" form (saved or cancelled) gives focus back to the Add button, not the page body.
  const { editing: adding, open: startAdding, close: stopAdding, button: addButton } = useEditing();
  return (
    <Section
      id="skills"
      title="Skills"
      intro={`${self ? "What you can do, whether the role uses it, and what you want" : `What ${firstName} can do, whether the role uses it, and what they want`} to build. Unused skills are a sign of rust out.`}
      actions={canEdit && skills.length && !adding ? <Button ref={addButton} size="sm" variant="secondary" onClick={startAdding}>Add a skill</Button> : null}
    >
      {adding ? <NewSkillForm personId={personId} onDone={stopAdding} /> : null}
      {skills.length ? (
        <div className="grid gap-4 md:grid-cols-3">
          {GROUPS.map((g) => {
            const list = skills.filter((s) => s.status === g.status);
            return (
              <div key={g.status}>
                <h3 className="mb-1 text-sm font-medium text-muted">
                  {g.title} <span className="tabular-nums">({list.length})</span>
                </h3>
                {list.length ? (
                  <ul className="space-y-1">
                    {list.map((s) => (
                      <SkillRow key={s.id} skill={s} canEdit={canEdit} />
                    ))}
                  </ul>
                ) : (
                  <p className="text-sm text-muted">None.</p>
                )}
              </div>
            );
          })}
        </div>
      ) : !adding ? (
        <EmptyState title="No skills listed yet" action={canEdit ? <Button ref={addButton} onClick={startAdding}>Add a skill</Button> : undefined}>
          {canEdit ? (
            <>
              {self ? "List what you're good at and mark whether your role uses it" : "Skills and whether the role uses them"}, e.g. “Public speaking — not used in my role”.
            </>
          ) : null}
        </EmptyState>
      ) : null}
    </Section>
  );
}

function SkillRow({ skill, canEdit }: { skill: SkillDto; canEdit: boolean }) {
  const form = usePlanForm(updateSkillAction);
  // Marking a skill used moves its row to the other list (a new row): focus follows it there.
  const flipId = `skill-flip-${skill.id}`;
  useArrivalFocus(flipId);
  const flip = skill.status === "used" ? "unused" : "used";
  const label = skill.status === "used" ? `Mark ${skill.name} as not used` : `Mark ${skill.name} as used`;
  return (
    <li className="flex flex-wrap items-center justify-between gap-1 rounded-md border border-line px-2 py-1 [overflow-wrap:anywhere]">
      <span className="text-sm">{skill.name}</span>
      {canEdit ? (
        <span className="ml-auto flex items-center print:hidden">
          <form
            onSubmit={(e) => {
              if (form.pending) return e.preventDefault();
              focusOnArrival(flipId);
              form.onSubmit(e);
            }}
            className="inline"
          >
            <input type="hidden" name="id" value={skill.id} />
            <input type="hidden" name="version" value={skill.version} />
            <input type="hidden" name="status" value={flip} />
            <button id={flipId} type="submit" aria-label={label} aria-disabled={form.pending || undefined} className="rounded px-2 py-1 text-sm text-ink hover:bg-stone-100 aria-disabled:opacity-50 dark:hover:bg-stone-800">
              {form.pending ? "Saving…" : skill.status === "used" ? "Mark not used" : "Mark used"}
            </button>
          </form>
          <DeleteButton kind="skill" id={skill.id} version={skill.version} label={`Delete skill ${skill.name}`} />
        </span>
      ) : null}
      {form.state && !form.state.ok ? (
        <span role="alert" className="w-full text-xs text-red-700 dark:text-red-400">
          {form.state.error}
        </span>
      ) : null}
    </li>
  );
}

function NewSkillForm({ personId, onDone }: { personId: string; onDone: () => void }) {
  const form = usePlanForm(createSkillAction, (f) => {
    announceAdded("Skill", f, "name");
    f?.reset();
    f?.querySelector<HTMLInputElement>("input[name=name]")?.focus();
  });
  return (
    <form onSubmit={form.onSubmit} {...escapeCloses(onDone)} aria-label="New skill" className="mb-4 grid gap-2 rounded-md border border-line p-3 sm:grid-cols-[1fr_14rem_auto] sm:items-end" noValidate>
      <input type="hidden" name="personId" value={personId} />
      <TextField label="Skill" name="name" id="skill-new-name" errors={form.fields.name} autoFocus />
      <SelectField label="Status" name="status" id="skill-new-status" options={options(SKILL_STATUS_LABEL)} defaultValue="used" errors={form.fields.status} />
      <div className="flex gap-2">
        <Button type="submit" pending={form.pending}>Add skill</Button>
        {/* Cancel, as on every other add form (it said "Done"); the skills added while it was open stay added. */}
        <Button variant="ghost" onClick={onDone}>Cancel</Button>
      </div>
      <div className="sm:col-span-3">
        <FormMessage state={form.state} />
      </div>
    </form>
  );
}
