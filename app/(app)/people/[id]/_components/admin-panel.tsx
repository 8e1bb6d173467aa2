"use client";

import { useActionState, useState } from "react";
import { useActionForm } from "@/components/ui/use-action-form";
import { Button } from "@/components/ui/button";
import { FormMessage, SelectField, TextField } from "@/components/ui/field";
import { changeManagerAction, changeTitleTeamAction, deactivateAction } from "../actions";

function clearEffectiveDate(form: HTMLFormElement | null) {
  const date = form?.elements.namedItem("effectiveOn");
  if (date instanceof HTMLInputElement) date.value = "";
}

/** Admin-only structure controls: manager, title/team, deactivate. The server checks directory: write. */
export function AdminPanel({
  personId,
  name,
  title,
  team,
  managerId,
  managers,
  deactivated,
  isSelf,
}: {
  personId: string;
  name: string;
  title: string;
  team: string;
  managerId: string | null;
  managers: { id: string; name: string }[];
  deactivated: boolean;
  isSelf: boolean;
}) {
  // After a save the fields already show the saved values; only the one-off effective date starts afresh.
  const { state: mState, action: mAction, onSubmit: onManager, pending: mPending, fields: mf } = useActionForm(changeManagerAction.bind(null, personId));
  const { state: tState, action: tAction, onSubmit: onTitleTeam, pending: tPending, fields: tf } = useActionForm(changeTitleTeamAction.bind(null, personId), { onSuccess: clearEffectiveDate });
  const [dState, dAction, dPending] = useActionState(deactivateAction.bind(null, personId), null);
  const [confirm, setConfirm] = useState(false);
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <form action={mAction} onSubmit={onManager} aria-label="Change manager" className="space-y-3">
        <SelectField
          label="Manager"
          name="managerId"
          defaultValue={managerId ?? ""}
          errors={mf.managerId}
          options={[{ value: "", label: "No manager" }, ...managers.filter((m) => m.id !== personId).map((m) => ({ value: m.id, label: m.name }))]}
        />
        <FormMessage state={mState} />
        <Button type="submit" variant="secondary" disabled={mPending}>Change manager</Button>
      </form>
      <form action={tAction} onSubmit={onTitleTeam} aria-label="Change title or team" className="space-y-3">
        <TextField label="Title" name="title" defaultValue={title} errors={tf.title} />
        <TextField label="Team" name="team" defaultValue={team} errors={tf.team} />
        <TextField label="Effective date" name="effectiveOn" type="date" errors={tf.effectiveOn} hint="Recorded on the role timeline; defaults to today." />
        <FormMessage state={tState} />
        <Button type="submit" variant="secondary" disabled={tPending}>Save title and team</Button>
      </form>
      {!deactivated && !isSelf ? (
        <div className="space-y-2 md:col-span-2">
          {confirm ? (
            <form action={dAction} className="flex flex-wrap items-center gap-2" aria-label="Confirm deactivation">
              <span className="text-sm">Deactivate {name}? They are signed out at once and cannot sign in.</span>
              <Button variant="danger" type="submit" disabled={dPending}>Yes, deactivate</Button>
              <Button variant="ghost" onClick={() => setConfirm(false)}>Cancel</Button>
            </form>
          ) : (
            <Button variant="ghost" onClick={() => setConfirm(true)}>Deactivate…</Button>
          )}
          <FormMessage state={dState} />
        </div>
      ) : null}
      {deactivated ? <p className="text-sm text-muted md:col-span-2">{name} is deactivated.</p> : null}
    </div>
  );
}
