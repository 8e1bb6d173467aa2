"use client";

import { CopyButton } from "@/components/ui/copy-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { Button } from "@/components/ui/button";
import { FormAlert, SelectField, TextField } from "@/components/ui/field";
import { LiveStatus } from "@/components/ui/live-status";
import { PersonPicker } from "@/components/plan/person-picker";
import { inviteAction } from "../actions";
import { revokedHere } from "./revoked-here";

/**
 * Empties the form, also a prefilled email: sending it again would end the link just created. The default goes too,
 * or the emptied field would differ from it and the leave guard would take it for typing.
 */
function clearForm(form: HTMLFormElement | null) {
  form?.reset();
  for (const name of ["email", "name"]) {
    const input = form?.elements.namedItem(name);
    if (input instanceof HTMLInputElement) input.defaultValue = input.value = "";
  }
}

/**
 * `managers` null: too many people for a select (a large organization), so the manager is searched for.
 * `initial`: who to invite, when a person page sent the admin here.
 * `pendingIds`: the invitations listed as pending. The link just created is shown only while it is one of them:
 * revoked from the list below, it stayed here, green, ready to be copied and sent.
 */
/**
 * Someone invited is a manager to choose once they have joined: a new organization inviting its people one by one
 * otherwise found its managers missing from this list with nothing saying why.
 */
const MANAGER_HINT = "Invited people are listed once they join. To set everyone's manager at once, use Import a CSV with all of them in it.";

export function InviteForm({
  managers,
  emailEnabled,
  initial,
  pendingIds,
}: {
  managers: { id: string; name: string }[] | null;
  emailEnabled: boolean;
  initial?: { email: string; name: string };
  pendingIds: string[];
}) {
  const { state, action, onSubmit, pending, fields: f } = useActionForm(inviteAction, { onSuccess: clearForm });
  const created = state?.ok ? state.data : undefined;
  return (
    // noValidate: a missing name or a mistyped email is named at its field, focused, like the other admin forms,
    // not in the browser's pop-up (required and type=email still tell assistive technology and the keyboard).
    <form action={action} onSubmit={onSubmit} aria-label="Invite someone" className="space-y-3" noValidate>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label="Email" name="email" type="email" required errors={f.email} defaultValue={initial?.email} />
        <TextField label="Name" name="name" required errors={f.name} defaultValue={initial?.name} />
        <TextField label="Title" name="title" errors={f.title} />
        <TextField label="Team" name="team" errors={f.team} />
        {managers ? (
          <SelectField label="Manager" name="managerId" errors={f.managerId} options={[{ value: "", label: "No manager" }, ...managers.map((m) => ({ value: m.id, label: m.name }))]} hint={MANAGER_HINT} />
        ) : (
          <PersonPicker label="Manager" name="managerId" id="invite-manager" initial={null} errors={f.managerId} hint={`Type part of a name; leave empty for no manager. ${MANAGER_HINT}`} />
        )}
        <SelectField label="Role" name="role" errors={f.role} options={[{ value: "member", label: "Member" }, { value: "admin", label: "Admin" }]} />
      </div>
      <FormAlert state={state} />
      {/* One status, there before the invitation is: its link and what became of it are read as they appear. */}
      <LiveStatus>
        {created && !pendingIds.includes(created.id) ? (
          <p className="rounded-md border border-line p-3 text-sm">
            {revokedHere.has(created.id)
              ? `You revoked the invitation for ${created.email}: its link no longer works.`
              : `The invitation for ${created.email} is no longer pending (revoked, or already used): its link no longer works.`}
          </p>
        ) : state?.ok && state.data ? (
          <div
            className={`space-y-1 rounded-md border p-3 text-sm ${
              state.data.emailStatus === "failed"
                ? "border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
                : "border-emerald-300 bg-emerald-50 text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100"
            }`}
          >
            {state.data.emailStatus === "sent" ? (
              <p>Invitation for {state.data.email} created and emailed to them. The link works once and expires in 7 days; you can also share it yourself:</p>
            ) : state.data.emailStatus === "failed" ? (
              <p>
                Invitation for {state.data.email} created, but <strong>the email could not be sent</strong>. Copy this link and send it to them; it works once and expires in 7 days:
              </p>
            ) : (
              <p>Invitation for {state.data.email} created. Copy this link and send it to them; it works once and expires in 7 days:</p>
            )}
            {state.data.endedEarlier ? (
              // Both answers looked the same, so the link sent earlier seemed to work still.
              <p>
                <strong>The earlier link for {state.data.email} has stopped working</strong>: only this one lets them join.
              </p>
            ) : null}
            <label className="block">
              <span className="sr-only">Invitation link</span>
              <input id="invite-link" readOnly value={state.data.link} onFocus={(e) => e.currentTarget.select()} className="w-full rounded border border-line bg-panel px-2 py-1 font-mono text-xs text-ink" />
            </label>
            <CopyButton text={state.data.link} fallbackId="invite-link" />
          </div>
        ) : null}
      </LiveStatus>
      <Button type="submit" pending={pending}>{emailEnabled ? (pending ? "Sending…" : "Send invitation") : pending ? "Creating…" : "Create invitation link"}</Button>
    </form>
  );
}
