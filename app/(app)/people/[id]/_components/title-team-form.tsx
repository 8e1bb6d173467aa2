"use client";

import { useState } from "react";
import { useActionForm } from "@/components/ui/use-action-form";
import { useToday } from "@/components/ui/use-today";
import { Button } from "@/components/ui/button";
import { FormMessage, TextField } from "@/components/ui/field";
import { unsavedAttr } from "@/components/ui/unsaved-changes";
import { clashNote, mergeAfterConflict, sameText, type FieldClash } from "@/components/ui/merge-after-conflict";
import { changeTitleTeamAction } from "../actions";

type TitleTeam = { title: string; team: string };

function clearEffectiveDate(form: HTMLFormElement | null) {
  const date = form?.elements.namedItem("effectiveOn");
  if (date instanceof HTMLInputElement) date.value = "";
  // A correction is one-off too: the next change is a real one unless ticked again.
  const correction = form?.elements.namedItem("correction");
  if (correction instanceof HTMLInputElement) correction.checked = false;
}

const spelled = (what: "title" | "team") => (v: string) => (v.trim() ? `“${v.trim()}”` : `no ${what}`);

/**
 * The admin's title and team. The form sends both fields whichever was edited, with the pair it was based on
 * (`basedOnTitle`, `basedOnTeam`): a save on top of a change made meanwhile is refused, and then the field edited
 * here keeps what was typed while the one left alone shows what is saved now (mergeAfterConflict), each saying so.
 * Saving again goes on from what is saved now.
 */
export function TitleTeamForm({ personId, title, team }: { personId: string } & TitleTeam) {
  const page = { title, team };
  // What the edits start from: the page's values, or after a refusal the values saved now.
  const [base, setBase] = useState<TitleTeam>(page);
  const [values, setValues] = useState<TitleTeam>(page);
  const [clashes, setClashes] = useState<Partial<Record<keyof TitleTeam, FieldClash>>>({});
  // A page with other values (after a save, or a refresh) is the new basis; a field not edited follows it.
  const [seen, setSeen] = useState<TitleTeam>(page);
  if (seen.title !== title || seen.team !== team) {
    setSeen(page);
    setBase(page);
    setValues((v) => ({ title: sameText(v.title, base.title) ? title : v.title, team: sameText(v.team, base.team) ? team : v.team }));
    setClashes({});
  }
  const { state, action, onSubmit, pending, fields } = useActionForm(changeTitleTeamAction.bind(null, personId), {
    onResult: (s) => {
      if (s?.ok) {
        // Saved: the page now shows what was saved (a team as the organization spells it), and the form with it.
        setBase(page);
        setValues(page);
        setClashes({});
      } else if (s && !s.ok && s.code === "conflict" && s.extra?.current) {
        const saved = s.extra.current as TitleTeam;
        const merged = mergeAfterConflict(values, base, saved);
        setBase(saved);
        setValues(merged.values);
        setClashes(merged.clashes);
      }
    },
    onSuccess: clearEffectiveDate,
  });
  const today = useToday();
  const set = (k: keyof TitleTeam) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setValues((v) => ({ ...v, [k]: value }));
  };
  const conflict = !!state && !state.ok && state.code === "conflict";
  // Title and team are controlled, so the leave guard cannot see them change: say so here. The date and the tick
  // are not, and are compared as usual when these two are as saved.
  const changed = values.title !== base.title || values.team !== base.team;
  return (
    <form action={action} onSubmit={onSubmit} aria-label="Change title or team" className="space-y-3" {...unsavedAttr(changed || undefined)}>
      <input type="hidden" name="basedOnTitle" value={base.title} />
      <input type="hidden" name="basedOnTeam" value={base.team} />
      <TextField label="Title" name="title" value={values.title} onChange={set("title")} errors={fields.title} hint={clashes.title ? clashNote(clashes.title, spelled("title")) : undefined} />
      <TextField label="Team" name="team" value={values.team} onChange={set("team")} errors={fields.team} hint={clashes.team ? clashNote(clashes.team, spelled("team")) : undefined} />
      {/* The server dates the change by the viewer's today, and refuses one after it (lib/people/role-dates.ts). */}
      <input type="hidden" name="today" value={today} />
      <TextField label="Effective date" name="effectiveOn" type="date" errors={fields.effectiveOn} hint="When the change happened, today or earlier: recorded on the role timeline. Defaults to today." />
      <div>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="correction" className="mt-0.5 size-4" aria-describedby="correction-hint" />
          <span>Only a spelling correction, not a new role</span>
        </label>
        <p id="correction-hint" className="ml-6 text-xs text-muted">
          Fixes the title or team here and on the timeline without restarting time in role; the effective date is not used.
        </p>
      </div>
      <FormMessage state={state} />
      {conflict ? <p className="text-sm">What you typed is still in the form, and a field you left shows what is saved now: review and save again.</p> : null}
      <Button type="submit" variant="secondary" pending={pending}>Save title and team</Button>
    </form>
  );
}
