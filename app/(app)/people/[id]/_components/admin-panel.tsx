"use client";

import { useActionState } from "react";
import { useActionForm } from "@/components/ui/use-action-form";
import { closeOnEscape, useEditing } from "@/components/ui/use-editing";
import { focusOnArrival, useArrivalFocus } from "@/components/ui/use-arrival-focus";
import { Button } from "@/components/ui/button";
import { FormMessage, SelectField } from "@/components/ui/field";
import { changeAccessAction, deactivateAction, reactivateAction } from "../actions";
import { ManagerForm } from "./manager-form";
import { TitleTeamForm } from "./title-team-form";

/** Admin-only structure controls: manager, title/team, deactivate. The server checks directory: write. */
export function AdminPanel({
  personId,
  name,
  orgName,
  title,
  team,
  managerId,
  managerName,
  managers,
  deactivated,
  isSelf,
  role,
  reports,
}: {
  personId: string;
  name: string;
  /** This organization: deactivation ends access to it, not to Reignite (someone may be a member of another). */
  orgName: string;
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
  /** How many active people report to them. */
  reports: number;
}) {
  return (
    <div className="grid gap-6 md:grid-cols-2">
      {/* The two short forms share a column beside the long one: side by side in rows, Access sat below a gap as tall as the title form. */}
      <div className="space-y-6">
        <ManagerForm personId={personId} managerId={managerId} managerName={managerName} managers={managers} />
        {deactivated ? null : <AccessForm personId={personId} role={role} isSelf={isSelf} />}
      </div>
      <TitleTeamForm personId={personId} title={title} team={team} />
      {/* One slot: switching between the two remounts it, so no confirmation or message outlives the change. */}
      {deactivated ? <Reactivate personId={personId} name={name} orgName={orgName} /> : !isSelf ? <Deactivate personId={personId} name={name} orgName={orgName} reports={reports} /> : null}
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

function Reactivate({ personId, name, orgName }: { personId: string; name: string; orgName: string }) {
  const [state, action, pending] = useActionState(reactivateAction.bind(null, personId), null);
  useArrivalFocus(`reactivate-${personId}`);
  return (
    <form action={action} onSubmit={() => focusOnArrival(`deactivate-${personId}`)} aria-label="Reactivate" className="flex flex-wrap items-center gap-2 md:col-span-2">
      <span className="text-sm text-muted">{name} is deactivated: no access to {orgName}.</span>
      <Button id={`reactivate-${personId}`} type="submit" variant="secondary" pending={pending}>
        Reactivate {name}
      </Button>
      <FormMessage state={state} />
    </form>
  );
}

// Worded for this organization whoever the person is: one who is also in another organization keeps that one and
// stays signed in there, so "cannot sign in" was wrong for them, and whether they are is not this organization's to know.
function Deactivate({ personId, name, orgName, reports }: { personId: string; name: string; orgName: string; reports: number }) {
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
            {/* The question is the buttons' description: focus lands on Cancel, and a screen reader reads only what it names. */}
            <span id={`deactivate-question-${personId}`} className="text-sm">
              Deactivate {name}? They lose access to {orgName} at once.
              {reports > 0
                ? ` ${reports === 1 ? "1 person reports" : `${reports} people report`} to them and will until you choose ${reports === 1 ? "a new manager" : "new managers"}: their 1:1s with ${name.split(" ")[0]} will not take place.`
                : null}
            </span>
            <Button variant="danger" type="submit" pending={pending} aria-describedby={`deactivate-question-${personId}`}>Yes, deactivate</Button>
            <Button variant="ghost" onClick={closeConfirm} data-autofocus aria-describedby={`deactivate-question-${personId}`}>Cancel</Button>
          </form>
        </div>
      ) : (
        <Button id={`deactivate-${personId}`} ref={deactivateButton} variant="ghost" onClick={openConfirm}>Deactivate…</Button>
      )}
      <FormMessage state={state} />
    </div>
  );
}
