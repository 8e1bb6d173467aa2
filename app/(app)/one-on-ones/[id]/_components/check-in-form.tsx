"use client";

import { useState } from "react";
import { checkInAction } from "../../actions";
import { Button } from "@/components/ui/button";
import { FormMessage, TextArea } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { useFocusAfterChange } from "@/components/ui/use-focus-after-change";
import type { ActionState } from "@/lib/http/action";
import { CHECK_IN_ANSWER_MAX } from "@/lib/meetings/limits";

type CheckIn = { energy: number | null; meaningful: string; goingThroughMotions: string; learnNext: string };
type Conflict = { current: (CheckIn & { version: number }) | null; submitted: CheckIn };

type Answer = "meaningful" | "goingThroughMotions" | "learnNext";
const ANSWERS: { name: Answer; label: string }[] = [
  { name: "meaningful", label: "What felt meaningful?" },
  { name: "goingThroughMotions", label: "What felt like going through the motions?" },
  { name: "learnNext", label: "What do you want to learn next?" },
];

/** The limit up front; a running count once an answer gets close to it. */
function lengthHint(length: number) {
  const max = CHECK_IN_ANSWER_MAX.toLocaleString("en-US");
  return length > CHECK_IN_ANSWER_MAX * 0.8 ? `${length.toLocaleString("en-US")} of ${max} characters.` : `Up to ${max} characters.`;
}

export function CheckInForm({ meetingId, value, version, editable }: { meetingId: string; value: CheckIn; version: number; editable: boolean }) {
  // Submitting through useActionForm keeps the fields as typed after any error, so a conflict no longer
  // needs to refill them: it shows the saved answers beside them and saves on top of that version next.
  const [conflictVersion, setConflictVersion] = useState(0);
  const { state, action, onSubmit, pending, fields } = useActionForm<ActionState>(checkInAction, {
    onResult: (s) => {
      if (s && !s.ok && s.code === "conflict") setConflictVersion((s.extra as Conflict | undefined)?.current?.version ?? 0);
    },
  });
  const [lengths, setLengths] = useState<Record<Answer, number>>({ meaningful: value.meaningful.length, goingThroughMotions: value.goingThroughMotions.length, learnNext: value.learnNext.length });
  const conflict = state && !state.ok && state.code === "conflict" ? (state.extra as Conflict | undefined) : undefined;
  const baseVersion = Math.max(version, conflictVersion);
  // The saved version remounts the form (below), and with it the focused Save button: keep focus on the new one.
  const saveId = `checkin-save-${meetingId}`;
  const focusAfter = useFocusAfterChange(version);
  return (
    // A new version from the server (a save, a reschedule) starts the form from the saved answers.
    <form
      key={version}
      action={action}
      onSubmit={(e) => {
        if (document.activeElement?.id === saveId) focusAfter(saveId);
        onSubmit(e);
      }}
      className="space-y-3"
      aria-label="Growth and meaning check-in"
    >
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="version" value={baseVersion} />
      {conflict?.current ? (
        <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          {/* The server's words say who saved: you in another tab or window, or the other person by name. */}
          <p className="font-medium">
            {state && !state.ok ? state.error : null} Your text is kept below; merge what you want from the saved answers and save again.
          </p>
          <dl className="mt-2 space-y-1 [overflow-wrap:anywhere]">
            <div><dt className="inline font-medium">Energy: </dt><dd className="inline">{conflict.current.energy ?? "—"}</dd></div>
            <div><dt className="inline font-medium">Meaningful: </dt><dd className="inline whitespace-pre-wrap">{conflict.current.meaningful || "—"}</dd></div>
            <div><dt className="inline font-medium">Going through the motions: </dt><dd className="inline whitespace-pre-wrap">{conflict.current.goingThroughMotions || "—"}</dd></div>
            <div><dt className="inline font-medium">Learn next: </dt><dd className="inline whitespace-pre-wrap">{conflict.current.learnNext || "—"}</dd></div>
          </dl>
        </div>
      ) : null}
      <fieldset>
        <legend className="text-sm font-medium">Energy (1 = drained, 5 = energised)</legend>
        <div className="mt-1 flex flex-wrap gap-3">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className="flex min-h-6 items-center gap-1 px-1 text-sm">
              <input type="radio" name="energy" value={n} defaultChecked={value.energy === n} disabled={!editable} />
              {n}
            </label>
          ))}
        </div>
      </fieldset>
      {ANSWERS.map((a) => (
        <TextArea
          key={a.name}
          id={`checkin-${a.name}`}
          label={a.label}
          name={a.name}
          defaultValue={value[a.name]}
          maxLength={CHECK_IN_ANSWER_MAX}
          onChange={(e) => {
            const length = e.currentTarget.value.length;
            setLengths((l) => ({ ...l, [a.name]: length }));
          }}
          hint={editable ? lengthHint(lengths[a.name]) : undefined}
          errors={fields[a.name]}
          disabled={!editable}
        />
      ))}
      {editable ? (
        <Button id={saveId} type="submit" pending={pending}>
          Save check-in
        </Button>
      ) : null}
      {conflict ? null : <FormMessage state={state} />}
    </form>
  );
}
