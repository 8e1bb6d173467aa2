"use client";

import { useEffect, useRef, useState } from "react";
import { changeMeetingAction } from "@/app/(app)/one-on-ones/actions";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionState } from "@/lib/http/action";
import { focusOnArrival } from "@/components/ui/use-arrival-focus";
import { closeOnEscape } from "@/components/ui/use-editing";
import { DateTimeInput } from "./date-time-input";
import { STATUS_NOTE_ID } from "./meeting-status-note";

/** Mark held, cancel or reschedule a 1:1 (either participant). Open items carry over automatically. */
export function MeetingControls({ meetingId, status, scheduledAt, version }: { meetingId: string; status: string; scheduledAt: string; version: number }) {
  const [rescheduling, setRescheduling] = useState(false);
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const cancelId = `cancel-${meetingId}`;
  // The confirmation replaces the button that opened it: focus moves to its answer, not to the page's body.
  useEffect(() => {
    if (confirmingCancel) confirmRef.current?.focus();
  }, [confirmingCancel]);
  const keepIt = () => {
    setConfirmingCancel(false);
    setTimeout(() => document.getElementById(cancelId)?.focus(), 0);
  };
  // The answer shown is the one to the latest change; opening or closing the reschedule form starts afresh.
  const [dismissed, setDismissed] = useState<ActionState>(null);
  const toggleId = `resched-toggle-${meetingId}`;
  const closeReschedule = () => {
    setRescheduling(false);
    // The form's buttons are gone: keyboard users continue from the button that opened it.
    setTimeout(() => document.getElementById(toggleId)?.focus(), 0);
  };
  const { state, action, onSubmit, pending, fields } = useActionForm<ActionState>(changeMeetingAction, { onSuccess: closeReschedule });
  if (status === "held") return null;
  const shown = state === dismissed ? null : state;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {status === "scheduled" ? (
          <form action={action} onSubmit={() => focusOnArrival(STATUS_NOTE_ID)}>
            <input type="hidden" name="meetingId" value={meetingId} />
            <input type="hidden" name="version" value={version} />
            <input type="hidden" name="op" value="hold" />
            <Button type="submit" size="sm" pending={pending}>
              Mark held
            </Button>
          </form>
        ) : null}
        <Button
          id={toggleId}
          size="sm"
          variant="secondary"
          onClick={() => {
            setDismissed(state);
            setRescheduling((r) => !r);
          }}
          aria-expanded={rescheduling}
        >
          Reschedule
        </Button>
        {status === "scheduled" && !confirmingCancel ? (
          <Button id={cancelId} size="sm" variant="secondary" onClick={() => setConfirmingCancel(true)} aria-expanded={false}>
            Cancel 1:1…
          </Button>
        ) : null}
      </div>
      {/* A second step: one click cancelled it at once, and the open items went to a 1:1 made from the cadence. */}
      {status === "scheduled" && confirmingCancel ? (
        <form
          action={action}
          onSubmit={() => focusOnArrival(STATUS_NOTE_ID)}
          onKeyDown={closeOnEscape(keepIt)}
          aria-label="Cancel this 1:1"
          className="flex flex-wrap items-center gap-2 rounded-md border border-line p-2"
        >
          <input type="hidden" name="meetingId" value={meetingId} />
          <input type="hidden" name="version" value={version} />
          <input type="hidden" name="op" value="cancel" />
          <span className="text-sm">Cancel this 1:1? Its open talking points and action items move to the next one.</span>
          <Button ref={confirmRef} type="submit" size="sm" variant="danger" pending={pending}>
            Yes, cancel it
          </Button>
          <Button size="sm" variant="ghost" onClick={keepIt}>
            Keep it
          </Button>
        </form>
      ) : null}
      {rescheduling ? (
        <form action={action} onSubmit={onSubmit} className="flex flex-wrap items-end gap-2" aria-label="Reschedule">
          <input type="hidden" name="meetingId" value={meetingId} />
          <input type="hidden" name="version" value={version} />
          <input type="hidden" name="op" value="reschedule" />
          <DateTimeInput id={`resched-${meetingId}`} name="scheduledAt" label="New date and time" defaultIso={scheduledAt} errors={shown ? fields.scheduledAt : undefined} />
          <Button type="submit" size="sm" pending={pending}>
            Save new time
          </Button>
          <Button
            size="sm"
            variant="ghost"
            onClick={() => {
              setDismissed(state);
              closeReschedule();
            }}
          >
            Close
          </Button>
        </form>
      ) : null}
      <FormMessage state={shown} />
    </div>
  );
}
