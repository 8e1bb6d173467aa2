"use client";

import { useActionForm } from "@/components/ui/use-action-form";
import { cadenceAction, scheduleAction } from "@/app/(app)/one-on-ones/actions";
import { Button } from "@/components/ui/button";
import { FormMessage, SelectField } from "@/components/ui/field";
import type { ActionState } from "@/lib/http/action";
import { DateTimeInput } from "./date-time-input";

export function ScheduleForm({ personId, suggestedIso }: { personId: string; suggestedIso: string }) {
  const { state, action, onSubmit, pending, fields } = useActionForm<ActionState>(scheduleAction);
  return (
    <form action={action} onSubmit={onSubmit} className="flex flex-wrap items-end gap-3" aria-label="Schedule the next 1:1">
      <input type="hidden" name="personId" value={personId} />
      <DateTimeInput id="schedule-at" name="scheduledAt" label="Date and time" defaultIso={suggestedIso} errors={fields.scheduledAt} />
      <Button type="submit" pending={pending}>
        Schedule 1:1
      </Button>
      <div className="w-full">
        <FormMessage state={state && !state.ok && !state.fields ? state : null} />
      </div>
    </form>
  );
}

export function CadenceForm({ personId, current }: { personId: string; current: "7" | "14" | "30" | "default" }) {
  const { state, action, onSubmit, pending } = useActionForm<ActionState>(cadenceAction);
  return (
    <form action={action} onSubmit={onSubmit} className="flex flex-wrap items-end gap-3" aria-label="1:1 cadence">
      <input type="hidden" name="personId" value={personId} />
      <SelectField
        label="Cadence"
        name="cadence"
        defaultValue={current}
        options={[
          { value: "default", label: "Organization default" },
          { value: "7", label: "Weekly" },
          { value: "14", label: "Every 2 weeks" },
          { value: "30", label: "Monthly" },
        ]}
      />
      <Button type="submit" variant="secondary" pending={pending}>
        Save cadence
      </Button>
      <FormMessage state={state} />
    </form>
  );
}
