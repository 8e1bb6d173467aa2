"use client";

import { useActionState } from "react";
import { useActionForm } from "@/components/ui/use-action-form";
import { useToday } from "@/components/ui/use-today";
import { closeOnEscape, useEditing } from "@/components/ui/use-editing";
import { focusOnArrival, useArrivalFocus } from "@/components/ui/use-arrival-focus";
import { Button } from "@/components/ui/button";
import { FormMessage, SelectField, TextField } from "@/components/ui/field";
import { PersonPicker } from "@/components/plan/person-picker";
import { changeAccessAction, changeManagerAction, changeTitleTeamAction, deactivateAction, reactivateAction } from "../actions";

function clearEffectiveDate(form: HTMLFormElement | null) {
  const date = form?.elements.namedItem("effectiveOn");
  if (date instanceof HTMLInputElement) date.value = "";
  // A correction is one-off too: the next change is a real one unless ticked again.
  const correction = form?.elements.namedItem("correction");
  if (correction instanceof HTMLInputElement) correction.checked = false;
}

/** Admin-only structure controls: manager, title/team, deactivate. The server checks directory: write. */
export function AdminPanel({
  personId,
  name,
  title,
  team,
  managerId,
  managerName,
  managers,
  deactivated,
  isSelf,
  role,
}: {
  personId: string;
  name: string;
  title: string;
  team: string;
  managerId: string | null;
  managerName: string | null;
  /** null: too many people for a select (a large organization), so the manager is searched for. */
  managers: { id: string; name: string }[] | null;
  deactivated: boolean;
  isSelf: boolean;
  /** Their access in Reignite (not their job title). */
  role: "admin" | "member";
}) {
  // After a save the fields already show the saved values; only the one-off effective date starts afresh.
  const { state: mState, action: mAction, onSubmit: onManager, pending: mPending, fields: mf } = useActionForm(changeManagerAction.bind(null, personId));
  const { state: tState, action: tAction, onSubmit: onTitleTeam, pending: tPending, fields: tf } = useActionForm(changeTitleTeamAction.bind(null, personId), { onSuccess: clearEffectiveDate });
  const today = useToday();
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <form action={mAction} onSubmit={onManager} aria-label="Change manager" className="space-y-3">
        {managers ? (
          <SelectField
            label="Manager"
            name="managerId"
            defaultValue={managerId ?? ""}
            errors={mf.managerId}
            options={[
              { value: "", label: "No manager" },
              // A deactivated manager is not among the active members: without their own option the select would
              // show "No manager", and saving it unchanged would take the manager away.
              ...(managerId && !managers.some((m) => m.id === managerId) ? [{ value: managerId, label: `${managerName ?? "Their manager"} (deactivated)` }] : []),
              ...managers.filter((m) => m.id !== personId).map((m) => ({ value: m.id, label: m.name })),
            ]}
          />
        ) : (
          <PersonPicker
            label="Manager"
            name="managerId"
            id={`manager-${personId}`}
            initial={managerId ? { id: managerId, name: managerName ?? "" } : null}
            errors={mf.managerId}
            hint="Type part of a name; leave empty for no manager."
          />
        )}
        <FormMessage state={mState} />
        <Button type="submit" variant="secondary" pending={mPending}>Change manager</Button>
      </form>
      <form action={tAction} onSubmit={onTitleTeam} aria-label="Change title or team" className="space-y-3">
        <TextField label="Title" name="title" defaultValue={title} errors={tf.title} />
        <TextField label="Team" name="team" defaultValue={team} errors={tf.team} />
        {/* The server dates the change by the viewer's today, and refuses one after it (lib/people/role-dates.ts). */}
        <input type="hidden" name="today" value={today} />
        <TextField label="Effective date" name="effectiveOn" type="date" errors={tf.effectiveOn} hint="When the change happened, today or earlier: recorded on the role timeline. Defaults to today." />
        <div>
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" name="correction" className="mt-0.5 size-4" aria-describedby="correction-hint" />
            <span>Only a spelling correction, not a new role</span>
          </label>
          <p id="correction-hint" className="ml-6 text-xs text-muted">
            Fixes the title or team here and on the timeline without restarting time in role; the effective date is not used.
          </p>
        </div>
        <FormMessage state={tState} />
        <Button type="submit" variant="secondary" pending={tPending}>Save title and team</Button>
      </form>
      {deactivated ? null : <AccessForm personId={personId} role={role} isSelf={isSelf} />}
      {/* One slot: switching between the two remounts it, so no confirmation or message outlives the change. */}
      {deactivated ? <Reactivate personId={personId} name={name} /> : !isSelf ? <Deactivate personId={personId} name={name} /> : null}
    </div>
  );
}

/** Member or admin of this organization: what they may manage, not their job. */
function AccessForm({ personId, role, isSelf }: { personId: string; role: "admin" | "member"; isSelf: boolean }) {
  const { state, action, onSubmit, pending, fields } = useActionForm(changeAccessAction.bind(null, personId));
  return (
    <form action={action} onSubmit={onSubmit} aria-label="Change access" className="space-y-3">
      <SelectField
        label="Access"
        name="role"
        id={`access-${personId}`}
        defaultValue={role}
        errors={fields.role}
        hint={
          isSelf && role === "admin"
            ? "You are an admin. As a member you would lose the admin pages; the organization keeps at least one admin."
            : "Admins manage people, reporting lines, invitations and settings, and read the audit log. They never read 1:1s."
        }
        options={[
          { value: "member", label: "Member" },
          { value: "admin", label: "Admin" },
        ]}
      />
      {/* A refusal at the field is said there (and focused), not twice. */}
      <FormMessage state={fields.role ? null : state} />
      <Button type="submit" variant="secondary" pending={pending}>Save access</Button>
    </form>
  );
}

function Reactivate({ personId, name }: { personId: string; name: string }) {
  const [state, action, pending] = useActionState(reactivateAction.bind(null, personId), null);
  useArrivalFocus(`reactivate-${personId}`);
  return (
    <form action={action} onSubmit={() => focusOnArrival(`deactivate-${personId}`)} aria-label="Reactivate" className="flex flex-wrap items-center gap-2 md:col-span-2">
      <span className="text-sm text-muted">{name} is deactivated: signed out and unable to sign in.</span>
      <Button id={`reactivate-${personId}`} type="submit" variant="secondary" pending={pending}>
        Reactivate {name}
      </Button>
      <FormMessage state={state} />
    </form>
  );
}

function Deactivate({ personId, name }: { personId: string; name: string }) {
  const [state, action, pending] = useActionState(deactivateAction.bind(null, personId), null);
  // "Deactivate…" hides while its confirmation is open: focus goes to Cancel and back (useEditing).
  const { editing: confirmOpen, open: openConfirm, close: closeConfirm, button: deactivateButton, editor: confirmForm } = useEditing();
  // After a deactivation is undone, "Deactivate…" is back: focus arrives there (see Reactivate).
  useArrivalFocus(`deactivate-${personId}`);
  return (
    <div className="space-y-2 md:col-span-2">
      {confirmOpen ? (
        <div ref={confirmForm}>
          <form action={action} onSubmit={() => focusOnArrival(`reactivate-${personId}`)} onKeyDown={closeOnEscape(closeConfirm)} className="flex flex-wrap items-center gap-2" aria-label="Confirm deactivation">
            <span className="text-sm">Deactivate {name}? They are signed out at once and cannot sign in.</span>
            <Button variant="danger" type="submit" pending={pending}>Yes, deactivate</Button>
            <Button variant="ghost" onClick={closeConfirm} data-autofocus>Cancel</Button>
          </form>
        </div>
      ) : (
        <Button id={`deactivate-${personId}`} ref={deactivateButton} variant="ghost" onClick={openConfirm}>Deactivate…</Button>
      )}
      <FormMessage state={state} />
    </div>
  );
}
