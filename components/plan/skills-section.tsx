"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { escapeCloses, useEditing } from "@/components/ui/use-editing";
import { focusOnArrival, useArrivalFocus } from "@/components/ui/use-arrival-focus";
import { EmptyState } from "@/components/ui/card";
import { FormMessage, SelectField, TextField } from "@/components/ui/field";
import { createSkillAction, updateSkillAction } from "@/app/(app)/me/actions";
import type { SkillDto } from "@/lib/plan/dto";
import { options, SKILL_GROUP_TITLE, SKILL_STATUS_LABEL } from "@/lib/plan/labels";
import { Section } from "./bits";
import { DeleteButton } from "./delete-button";
import { announceAdded } from "./announce-added";
import { usePlanForm } from "./use-plan-form";

const GROUPS = (["used", "unused", "want_to_build"] as const).map((status) => ({ status, title: SKILL_GROUP_TITLE[status] }));

/** The moves a row offers: between used and not used, and out of "want to build" into either once the skill is had. */
const MOVES = {
  used: [{ to: "unused", text: "Mark not used", label: (n: string) => `Mark ${n} as not used` }],
  unused: [{ to: "used", text: "Mark used", label: (n: string) => `Mark ${n} as used` }],
  want_to_build: [
    { to: "used", text: "Mark used", label: (n: string) => `Mark ${n} as used` },
    { to: "unused", text: "Mark not used", label: (n: string) => `Mark ${n} as not used` },
  ],
} as const;
type Move = { to: string; text: string; label: (n: string) => string };
const movesOf = (status: string): readonly Move[] => MOVES[status as keyof typeof MOVES] ?? [];

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
  // A refused move or delete is said here, not in its row: the refresh after a 409 may move the row to another column
  // (someone flipped it meanwhile), which would take a message kept in the row away with it.
  const [refused, setRefused] = useState<{ name: string; message: string } | null>(null);
  return (
    <Section
      id="skills"
      title="Skills"
      intro={`${self ? "What you can do, whether the role uses it, and what you want" : `What ${firstName} can do, whether the role uses it, and what they want`} to build. Unused skills are a sign of rust out.`}
      actions={canEdit && skills.length && !adding ? <Button ref={addButton} size="sm" variant="secondary" onClick={startAdding}>Add a skill</Button> : null}
    >
      {adding ? <NewSkillForm personId={personId} onDone={stopAdding} /> : null}
      {/* In the page before its message (an alert inserted with its text is often not read), out of the flow while empty. */}
      <div role="alert" className="empty:absolute">
        {refused ? (
          <p className="mb-3 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
            {refused.name}: {refused.message}
          </p>
        ) : null}
      </div>
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
                      <SkillRow key={s.id} skill={s} canEdit={canEdit} onRefused={(message) => setRefused(message ? { name: s.name, message } : null)} />
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

/** `onRefused(message)` reports a refusal to the section; `onRefused("")` clears it when a new try starts. */
function SkillRow({ skill, canEdit, onRefused }: { skill: SkillDto; canEdit: boolean; onRefused: (message: string) => void }) {
  return (
    <li className="flex flex-wrap items-center justify-between gap-1 rounded-md border border-line px-2 py-1 [overflow-wrap:anywhere]">
      <span className="text-sm">{skill.name}</span>
      {canEdit ? (
        <span className="ml-auto flex flex-wrap items-center justify-end print:hidden">
          {movesOf(skill.status).map((m) => (
            <MoveButton key={m.to} skill={skill} to={m.to} text={m.text} label={m.label(skill.name)} onRefused={onRefused} />
          ))}
          <DeleteButton kind="skill" id={skill.id} version={skill.version} label={`Delete skill ${skill.name}`} onRefused={onRefused} />
        </span>
      ) : null}
    </li>
  );
}

function MoveButton({ skill, to, text, label, onRefused }: { skill: SkillDto; to: string; text: string; label: string; onRefused: (message: string) => void }) {
  const form = usePlanForm(updateSkillAction, undefined, undefined, onRefused);
  // A move takes the row to another column (a new row): focus follows it there, to the same move's button if it
  // offers one, else to its first.
  const arriveId = `skill-move-${skill.id}`;
  useArrivalFocus(arriveId);
  const first = movesOf(skill.status)[0]?.to === to;
  return (
    <form
      onSubmit={(e) => {
        if (form.pending) return e.preventDefault();
        onRefused("");
        // Focus follows the row; its move is said there too (a screen reader heard only the button's new name).
        focusOnArrival(arriveId, `${skill.name} moved to “${SKILL_GROUP_TITLE[to as keyof typeof SKILL_GROUP_TITLE] ?? to}”.`);
        form.onSubmit(e);
      }}
      className="inline"
    >
      <input type="hidden" name="id" value={skill.id} />
      <input type="hidden" name="version" value={skill.version} />
      <input type="hidden" name="status" value={to} />
      <button
        id={first ? arriveId : undefined}
        type="submit"
        aria-label={label}
        aria-disabled={form.pending || undefined}
        className="rounded px-2 py-1 text-sm text-ink hover:bg-stone-100 aria-disabled:opacity-50 dark:hover:bg-stone-800"
      >
        {form.pending ? "Saving…" : text}
      </button>
    </form>
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
