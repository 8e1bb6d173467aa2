"use client";

import { useState } from "react";
import { useActionForm } from "@/components/ui/use-action-form";
import { Button } from "@/components/ui/button";
import { FormMessage, SelectField } from "@/components/ui/field";
import { PersonPicker } from "@/components/plan/person-picker";
import { changeManagerAction } from "../actions";

/** Who the manager is now, as a 409 gives it (lib/people/structure.ts changeManager). */
type ManagerNow = { managerId: string | null; managerName: string | null; managerDeactivated: boolean };

/**
 * The admin's manager field. It sends the manager it showed (`basedOnManagerId`), so a change from a page read
 * before someone else's is refused instead of replacing theirs unseen. After such a refusal the choice stays
 * selected, the field says who the manager is now, and the next save is based on that: saving again replaces them
 * knowingly.
 */
export function ManagerForm({
  personId,
  managerId,
  managerName,
  managers,
}: {
  personId: string;
  managerId: string | null;
  managerName: string | null;
  /** null: too many people for a select (a large organization), so the manager is searched for. */
  managers: { id: string; name: string }[] | null;
}) {
  // Set by a refusal, until a save goes through (the page then shows the manager saved, and is the basis again).
  const [now, setNow] = useState<ManagerNow | null>(null);
  const { state, action, onSubmit, pending, fields } = useActionForm(changeManagerAction.bind(null, personId), {
    onResult: (s) => {
      if (s?.ok) setNow(null);
      else if (s && !s.ok && s.code === "conflict" && s.extra?.current) setNow(s.extra.current as ManagerNow);
    },
  });
  const basis = now ? now.managerId : managerId;
  const note = now
    ? `Saved meanwhile: ${now.managerId === null ? "no manager" : `${now.managerName ?? "someone else"}${now.managerDeactivated ? " (deactivated)" : ""}`}. Your choice is still here: save again to use it.`
    : undefined;
  return (
    <form action={action} onSubmit={onSubmit} aria-label="Change manager" className="space-y-3">
      <input type="hidden" name="basedOnManagerId" value={basis ?? ""} />
      {managers ? (
        <SelectField
          label="Manager"
          name="managerId"
          defaultValue={managerId ?? ""}
          errors={fields.managerId}
          hint={note}
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
          errors={fields.managerId}
          hint={note ?? "Type part of a name; leave empty for no manager."}
        />
      )}
      <FormMessage state={state} />
      <Button type="submit" variant="secondary" pending={pending}>Change manager</Button>
    </form>
  );
}
