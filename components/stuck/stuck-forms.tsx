"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { resetForm, useActionForm } from "@/components/ui/use-action-form";
import { Button } from "@/components/ui/button";
import { FormMessage, TextArea, TextField } from "@/components/ui/field";
import type { ActionState } from "@/lib/http/action";
import { focusOnArrival } from "@/components/ui/use-arrival-focus";
import { PAST_SIGNALS_ID, STUCK_CURRENT_ID, STUCK_WITHDRAWN_ID } from "./focus-ids";
import { acknowledgeStuckAction, raiseStuckAction, withdrawStuckAction } from "./actions";
import { nextStepsFor, type SignalVia } from "@/lib/stuck/next-steps";

/**
 * `recipients`: "manager" — the manager always sees it, the others are optional; "inactive" — the manager on
 * record was deactivated, so HR is ticked to begin with (someone must see it); "hr" — no manager at all, so HR /
 * org admins are the ones who see it.
 */
export function RaiseStuckForm({ managerName, recipients = "manager" }: { managerName: string | null; recipients?: "manager" | "inactive" | "hr" }) {
  const { state, action, onSubmit, pending, fields } = useActionForm<ActionState>(raiseStuckAction, { onSuccess: resetForm });
  return (
    <form
      action={action}
      onSubmit={(e) => {
        focusOnArrival(STUCK_CURRENT_ID); // the form goes; what was sent, and its status, arrive in its place
        onSubmit(e);
      }}
      className="space-y-3"
      aria-label="I feel stuck"
    >
      <TextArea id="stuck-message" label="What's going on? (optional)" name="message" maxLength={2000} errors={fields.message} hint="A sentence is enough, e.g. “Same kind of work for a year; I'd like something new.”" />
      <fieldset className="space-y-1 text-sm">
        <legend className="font-medium">Who sees it</legend>
        {managerName ? (
          <p className="check-row">
            <input type="checkbox" checked disabled aria-label={`${managerName} (your manager, always)`} className="size-5" /> {managerName} (your manager, always)
          </p>
        ) : null}
        {recipients === "hr" ? (
          <p className="check-row">
            <input type="hidden" name="includeHr" value="on" />
            <input type="checkbox" checked disabled aria-label="HR / org admins (always)" className="size-5" /> HR / org admins (always)
          </p>
        ) : (
          <>
            <label className="check-row">
              <input type="checkbox" name="includeSkipLevel" className="size-5" /> {managerName ? "Also the managers above your manager" : "The managers above your manager"}
            </label>
            <label className="check-row">
              <input
                type="checkbox"
                name="includeHr"
                className="size-5"
                defaultChecked={!managerName}
                aria-invalid={fields.includeHr ? true : undefined}
                aria-describedby={fields.includeHr ? "stuck-hr-error" : undefined}
              />{" "}
              {managerName ? "Also HR / org admins" : "HR / org admins"}
            </label>
          </>
        )}
        {fields.includeHr ? (
          <p id="stuck-hr-error" className="text-sm text-red-700 dark:text-red-400">
            {fields.includeHr.join(" ")}
          </p>
        ) : null}
      </fieldset>
      <Button type="submit" pending={pending}>
        Send “I feel stuck”
      </Button>
      <FormMessage state={state} />
    </form>
  );
}

/** `status`: what the page shows, sent along so a signal acknowledged meanwhile is not withdrawn unseen. */
export function WithdrawStuckForm({ id, status }: { id: string; status: "open" | "acknowledged" }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(withdrawStuckAction, null);
  const refused = state?.ok === false && state.code === "conflict";
  return (
    <form action={action} onSubmit={() => focusOnArrival(STUCK_WITHDRAWN_ID)}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="seen" value={status} />
      {/* Refused because it was answered meanwhile: the question ("Withdraw it anyway?") comes before its button. */}
      {refused ? <FormMessage state={state} /> : null}
      <Button type="submit" size="sm" variant="secondary" pending={pending}>
        {refused && status === "acknowledged" ? "Withdraw anyway" : "Withdraw"}
      </Button>
      {refused ? null : <FormMessage state={state && !state.ok ? state : null} />}
    </form>
  );
}

export function AcknowledgeForm({ id, personName, via }: { id: string; personName: string; via: SignalVia }) {
  // The choice is state (it shows the text box); submitting through useActionForm keeps the radios on it after an error.
  const { state, action, onSubmit, pending, fields } = useActionForm<ActionState>(acknowledgeStuckAction);
  const steps = nextStepsFor(via);
  const [choice, setChoice] = useState(steps[0]!);
  if (state?.ok) return <FormMessage state={state} />;
  // Acknowledged meanwhile (another tab, another recipient): the next step is set, so Acknowledge could only be
  // refused again. What was typed stays in view; the link shows the signal where it now is, under "Earlier".
  const settled = state?.ok === false && state.code === "conflict";
  return (
    <form
      action={action}
      onSubmit={(e) => {
        focusOnArrival(PAST_SIGNALS_ID); // the signal moves to "Earlier", with the pressed button's card
        onSubmit(e);
      }}
      className="space-y-2"
      aria-label={`Acknowledge ${personName}'s signal`}
    >
      <input type="hidden" name="id" value={id} />
      <fieldset className="space-y-1 text-sm">
        <legend className="font-medium">Next step {personName} will see</legend>
        {[...steps, "other"].map((s) => (
          <label key={s} className="check-row">
            <input type="radio" name="choice" value={s} checked={choice === s} onChange={() => setChoice(s)} className="size-5 shrink-0" />
            {s === "other" ? "Something else" : s}
          </label>
        ))}
      </fieldset>
      {choice === "other" ? <TextField id={`ack-other-${id}`} label="Describe the next step" name="other" maxLength={500} errors={fields.other} /> : null}
      {settled ? null : (
        <Button type="submit" pending={pending}>
          Acknowledge
        </Button>
      )}
      <FormMessage state={state && !state.ok && !fields.other ? state : null} />
      {settled ? (
        <Link href="/signals" className="text-sm font-medium underline">
          Show it under Earlier
        </Link>
      ) : null}
    </form>
  );
}
