"use client";

import { useActionState, useState } from "react";
import { changeMeetingAction } from "@/app/(app)/one-on-ones/actions";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import type { ActionState } from "@/lib/http/action";
import { DateTimeInput } from "./date-time-input";

/** Mark held, cancel or reschedule a 1:1 (either participant). Open items carry over automatically. */
export function MeetingControls({ meetingId, status, scheduledAt, version }: { meetingId: string; status: string; scheduledAt: string; version: number }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(changeMeetingAction, null);
  const [rescheduling, setRescheduling] = useState(false);
  if (status === "held") return null;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {status === "scheduled" ? (
          <form action={action}>
            <input type="hidden" name="meetingId" value={meetingId} />
            <input type="hidden" name="version" value={version} />
            <input type="hidden" name="op" value="hold" />
            <Button type="submit" size="sm" disabled={pending}>
              Mark held
            </Button>
          </form>
        ) : null}
        <Button size="sm" variant="secondary" onClick={() => setRescheduling((r) => !r)} aria-expanded={rescheduling}>
          Reschedule
        </Button>
        {status === "scheduled" ? (
          <form action={action}>
            <input type="hidden" name="meetingId" value={meetingId} />
            <input type="hidden" name="version" value={version} />
            <input type="hidden" name="op" value="cancel" />
            <Button type="submit" size="sm" variant="secondary" disabled={pending}>
              Cancel 1:1
            </Button>
          </form>
        ) : null}
      </div>
      {rescheduling ? (
        <form action={action} className="flex flex-wrap items-end gap-2">
          <input type="hidden" name="meetingId" value={meetingId} />
          <input type="hidden" name="version" value={version} />
          <input type="hidden" name="op" value="reschedule" />
          <DateTimeInput id={`resched-${meetingId}`} name="scheduledAt" label="New date and time" defaultIso={scheduledAt} errors={state && !state.ok ? state.fields?.scheduledAt : undefined} />
          <Button type="submit" size="sm" disabled={pending}>
            Save new time
          </Button>
        </form>
      ) : null}
      <FormMessage state={state} />
    </div>
  );
}
