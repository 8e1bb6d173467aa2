"use client";

import { useEffect, useState, type ReactNode } from "react";
import { changeMeetingAction } from "@/app/(app)/one-on-ones/actions";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionState } from "@/lib/http/action";
import { earlyHoldLead } from "@/lib/meetings/hold-early";
import { focusOnArrival } from "@/components/ui/use-arrival-focus";
import { closeOnEscape, escapeCloses } from "@/components/ui/use-editing";
import { DateTimeInput } from "./date-time-input";
import { LocalTime } from "./local-time";
import { STATUS_NOTE_ID } from "./meeting-status-note";

type Panel = "hold" | "reschedule" | "cancel";

const panelClass = "flex flex-wrap items-center gap-2 rounded-md border border-line bg-panel p-3";

/**
 * The 1:1 page's header with Mark held, Reschedule and Cancel (either participant). Open items carry over
 * automatically. Each button opens its panel under the header, one at a time: side by side in the actions column
 * they grew it, pushed the title down, and left "Yes, cancel it" right above "Save new time".
 */
export function MeetingControls({
  title,
  description,
  meetingId,
  status,
  scheduledAt,
  version,
}: {
  title: ReactNode;
  description: ReactNode;
  meetingId: string;
  status: string;
  scheduledAt: string;
  version: number;
}) {
  const [open, setOpen] = useState<Panel | null>(null);
  // The element to focus once the render that opens or closes a panel is on screen: the pressed button or the
  // panel's own buttons leave the page, and focus would fall to the body.
  // A new object per request, so asking for the same element twice moves focus twice.
  const [focusRequest, setFocusRequest] = useState<{ id: string } | null>(null);
  const setFocusId = (id: string) => setFocusRequest({ id });
  useEffect(() => {
    if (focusRequest) document.getElementById(focusRequest.id)?.focus();
  }, [focusRequest]);
  const buttonId = (p: Panel) => `${p}-toggle-${meetingId}`;
  // What takes focus in each panel: the answer to its question, or the field to fill in.
  const firstId = { hold: `hold-yes-${meetingId}`, cancel: `cancel-yes-${meetingId}`, reschedule: `resched-${meetingId}` } satisfies Record<Panel, string>;
  // The answer shown is the one to the latest change; opening or closing a panel starts afresh.
  const [dismissed, setDismissed] = useState<ActionState>(null);
  const close = () => {
    if (open) setFocusId(buttonId(open));
    setOpen(null);
  };
  const { state, action, onSubmit, pending, fields } = useActionForm<ActionState>(changeMeetingAction, { onSuccess: close });
  /**
   * "Mark held" asks first, always. It cannot be undone: the 1:1 becomes a record, its open talking points and
   * action items move on, and the next 1:1 is scheduled. Asking only for a 1:1 still ahead would make the same
   * button act at once one day and ask the next, which teaches pressing through the question; for one more than
   * 12 hours ahead the question also says what will be recorded (held today, not on the day it was set for).
   * How far ahead is read on the person's clock when they open the question.
   */
  const [holdLead, setHoldLead] = useState<string | null>(null);
  const toggle = (p: Panel) => {
    setDismissed(state);
    if (open === p) return close();
    if (p === "hold") setHoldLead(earlyHoldLead(new Date(scheduledAt), new Date()));
    setOpen(p);
    setFocusId(firstId[p]);
  };
  if (status === "held") return <PageHeader title={title} description={description} />;
  const shown = state === dismissed ? null : state;
  const scheduled = status === "scheduled";
  const toggleButton = (p: Panel, label: string, variant: "primary" | "secondary") => (
    <Button id={buttonId(p)} size="sm" variant={variant} onClick={() => toggle(p)} aria-expanded={open === p} aria-controls={open === p ? `${p}-panel-${meetingId}` : undefined}>
      {label}
    </Button>
  );
  const hidden = (op: string) => (
    <>
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="op" value={op} />
    </>
  );
  // Keyed: one panel's form element reused for the next kept what the first had been given (escapeCloses took
  // the date field's state for typing in the confirmation, and asked "Discard what you typed?" on Escape).
  const panel =
    open === "hold" && scheduled ? (
      // Held and cancelled 1:1s lose these controls: focus arrives at what happened instead.
      <form key="hold" id={`hold-panel-${meetingId}`} action={action} onSubmit={() => focusOnArrival(STATUS_NOTE_ID)} onKeyDown={closeOnEscape(close)} aria-label="Mark this 1:1 held" className={panelClass}>
        {hidden("hold")}
        {/* The question is the buttons' description: focus lands on a button, and a screen reader reads only what it names. */}
        <span id={`hold-question-${meetingId}`} className="text-sm">
          {holdLead ? (
            <>
              This 1:1 is set for <LocalTime iso={scheduledAt} />, {holdLead}. Marked held now, it is recorded as held today.{" "}
            </>
          ) : null}
          Mark it held? Its open talking points and action items move to the next 1:1. This can&apos;t be undone.
        </span>
        <Button id={firstId.hold} type="submit" size="sm" pending={pending} aria-describedby={`hold-question-${meetingId}`}>
          Yes, it took place
        </Button>
        <Button size="sm" variant="ghost" onClick={close} aria-describedby={`hold-question-${meetingId}`}>
          Not yet
        </Button>
      </form>
    ) : open === "cancel" && scheduled ? (
      <form
        key="cancel"
        id={`cancel-panel-${meetingId}`}
        action={action}
        onSubmit={() => focusOnArrival(STATUS_NOTE_ID)}
        onKeyDown={closeOnEscape(close)}
        aria-label="Cancel this 1:1"
        className={panelClass}
      >
        {hidden("cancel")}
        <span id={`cancel-question-${meetingId}`} className="text-sm">
          Cancel this 1:1? Its open talking points and action items move to the next one.
        </span>
        <Button id={firstId.cancel} type="submit" size="sm" variant="danger" pending={pending} aria-describedby={`cancel-question-${meetingId}`}>
          Yes, cancel it
        </Button>
        <Button size="sm" variant="ghost" onClick={close} aria-describedby={`cancel-question-${meetingId}`}>
          Keep it
        </Button>
      </form>
    ) : open === "reschedule" ? (
      <form key="reschedule" id={`reschedule-panel-${meetingId}`} action={action} onSubmit={onSubmit} {...escapeCloses(close)} className={`${panelClass} items-end`} aria-label="Reschedule">
        {hidden("reschedule")}
        <DateTimeInput id={firstId.reschedule} name="scheduledAt" label="New date and time" defaultIso={scheduledAt} errors={shown ? fields.scheduledAt : undefined} />
        <Button type="submit" size="sm" pending={pending}>
          Save new time
        </Button>
        <Button
          size="sm"
          variant="ghost"
          onClick={() => {
            setDismissed(state);
            close();
          }}
        >
          Close
        </Button>
      </form>
    ) : null;
  const message = shown && (shown.ok ? shown.message : shown.error) ? <FormMessage state={shown} /> : null;
  return (
    <PageHeader
      title={title}
      description={description}
      actions={
        <>
          {scheduled ? toggleButton("hold", "Mark held…", "primary") : null}
          {toggleButton("reschedule", "Reschedule", "secondary")}
          {scheduled ? toggleButton("cancel", "Cancel 1:1…", "secondary") : null}
        </>
      }
    >
      {panel || message ? (
        <>
          {panel}
          {message}
        </>
      ) : null}
    </PageHeader>
  );
}

