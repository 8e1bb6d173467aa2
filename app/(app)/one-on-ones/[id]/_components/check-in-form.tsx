"use client";

import { useActionState } from "react";
import { checkInAction } from "../../actions";
import { Button } from "@/components/ui/button";
import { FormMessage, TextArea } from "@/components/ui/field";
import type { ActionState } from "@/lib/http/action";

type CheckIn = { energy: number | null; meaningful: string; goingThroughMotions: string; learnNext: string };
type Conflict = { current: (CheckIn & { version: number }) | null; submitted: CheckIn };

export function CheckInForm({ meetingId, value, version, editable }: { meetingId: string; value: CheckIn; version: number; editable: boolean }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(checkInAction, null);
  // On a conflict the form keeps what this person typed and saves on top of the version saved meanwhile;
  // the other person's text is shown beside it to merge by hand.
  const conflict = state && !state.ok && state.code === "conflict" ? (state.extra as Conflict | undefined) : undefined;
  const shown = conflict?.submitted ?? value;
  const baseVersion = conflict?.current?.version ?? version;
  return (
    <form key={`${baseVersion}-${conflict ? "c" : "v"}`} action={action} className="space-y-3" aria-label="Growth and meaning check-in">
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="version" value={baseVersion} />
      {conflict?.current ? (
        <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          <p className="font-medium">The other person saved the check-in while you were typing. Your text is kept below; merge what you want from theirs and save again.</p>
          <dl className="mt-2 space-y-1">
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
            <label key={n} className="flex items-center gap-1 text-sm">
              <input type="radio" name="energy" value={n} defaultChecked={shown.energy === n} disabled={!editable} />
              {n}
            </label>
          ))}
        </div>
      </fieldset>
      <TextArea label="What felt meaningful?" name="meaningful" defaultValue={shown.meaningful} disabled={!editable} />
      <TextArea label="What felt like going through the motions?" name="goingThroughMotions" defaultValue={shown.goingThroughMotions} disabled={!editable} />
      <TextArea label="What do you want to learn next?" name="learnNext" defaultValue={shown.learnNext} disabled={!editable} />
      {editable ? (
        <Button type="submit" disabled={pending}>
          Save check-in
        </Button>
      ) : null}
      {conflict ? null : <FormMessage state={state} />}
    </form>
  );
}
