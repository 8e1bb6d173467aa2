"use client";

import { useActionForm } from "@/components/ui/use-action-form";
import { Button } from "@/components/ui/button";
import { FormMessage, TextArea } from "@/components/ui/field";
import { useToday } from "@/components/ui/use-today";
import { ArrivalTarget } from "@/components/ui/arrival-target";
import { focusOnArrival } from "@/components/ui/use-arrival-focus";
import type { ActionState } from "@/lib/http/action";
import { PULSE_QUESTIONS } from "@/lib/pulse/week";
import { submitPulseAction } from "./actions";

export const PULSE_ANSWERED_ID = "pulse-answered";

/** Five 1–5 questions, one per sign of rust out, plus an optional comment. */
/**
 * `manager`: who reads the answers besides the person — their active manager's name, null when they have none (an
 * admin at the top, or a manager since deactivated), left out where the page is a 1:1 with that manager.
 */
export function PulseForm({ manager }: { manager?: string | null } = {}) {
  const { state, action, onSubmit, pending, fields } = useActionForm<ActionState>(submitPulseAction);
  const today = useToday();
  if (state?.ok)
    return (
      <ArrivalTarget id={PULSE_ANSWERED_ID}>
        <FormMessage state={state} />
      </ArrivalTarget>
    );
  return (
    // noValidate: a question left out gets its own message under it, as elsewhere in the app, not the browser's bubble
    // over the question. Focus then goes to the first unanswered question (its group is aria-invalid: see focusFirstInvalid).
    <form
      action={action}
      onSubmit={(e) => {
        // Once sent, the form gives way to "You have answered…": focus goes there, not to the page's body.
        focusOnArrival(PULSE_ANSWERED_ID);
        onSubmit(e);
      }}
      className="space-y-4"
      aria-label="Weekly pulse"
      noValidate
    >
      {/* The answer counts for the viewer's own week (Monday to Sunday where they are), not UTC's. */}
      <input type="hidden" name="today" value={today} />
      {PULSE_QUESTIONS.map((q) => (
        <fieldset
          key={q.key}
          role="radiogroup"
          aria-invalid={fields[q.key] ? true : undefined}
          aria-describedby={fields[q.key] ? `pulse-${q.key}-error` : undefined}
        >
          <legend className="text-sm font-medium">{q.label}</legend>
          {/* One row of five on a phone too, with the ends named under 1 and 5: wrapped, "5" and its meaning fell to a
              line of their own and each question broke somewhere else. */}
          <div className="mt-1 max-w-md text-sm">
            <div className="grid grid-cols-5 gap-1">
              {/* Each answer is a 44 px target (the whole label, .choice), not a 13 px radio: tapped on a phone more than anywhere. */}
              {[1, 2, 3, 4, 5].map((n) => (
                <label key={n} className="choice">
                  <input
                    type="radio"
                    name={q.key}
                    value={n}
                    aria-label={`${q.label} ${n} of 5${n === 1 ? `, ${q.low.toLowerCase()}` : n === 5 ? `, ${q.high.toLowerCase()}` : ""}`}
                    className="size-5"
                  />
                  <span aria-hidden>{n}</span>
                </label>
              ))}
            </div>
            <div aria-hidden className="mt-0.5 flex justify-between gap-4 text-xs text-muted">
              <span>{q.low}</span>
              <span className="text-right">{q.high}</span>
            </div>
          </div>
          {fields[q.key] ? (
            <p id={`pulse-${q.key}-error`} className="text-sm text-red-700 dark:text-red-400">
              {fields[q.key]!.join(" ")}
            </p>
          ) : null}
        </fieldset>
      ))}
      <TextArea id="pulse-comment" label="Anything to add? (optional)" name="comment" maxLength={2000} errors={fields.comment} hint={manager === null ? "Only you read it for now: you have no active manager on record." : manager ? `Your manager (${manager} now) reads it too, in the prep for your next 1:1.` : "Your manager reads it too, in the prep for your next 1:1."} />
      <Button type="submit" pending={pending}>
        Send pulse
      </Button>
      <FormMessage state={state && !state.ok ? state : null} />
    </form>
  );
}
