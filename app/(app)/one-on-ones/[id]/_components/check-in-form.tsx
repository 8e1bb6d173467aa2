"use client";

import { useActionState } from "react";
import { checkInAction } from "../../actions";
import { Button } from "@/components/ui/button";
import { FormMessage, TextArea } from "@/components/ui/field";
import type { ActionState } from "@/lib/http/action";

type CheckIn = { energy: number | null; meaningful: string; goingThroughMotions: string; learnNext: string };

export function CheckInForm({ meetingId, value, editable }: { meetingId: string; value: CheckIn; editable: boolean }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(checkInAction, null);
  return (
    <form action={action} className="space-y-3" aria-label="Growth and meaning check-in">
      <input type="hidden" name="meetingId" value={meetingId} />
      <fieldset>
        <legend className="text-sm font-medium">Energy (1 = drained, 5 = energised)</legend>
        <div className="mt-1 flex flex-wrap gap-3">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className="flex items-center gap-1 text-sm">
              <input type="radio" name="energy" value={n} defaultChecked={value.energy === n} disabled={!editable} />
              {n}
            </label>
          ))}
        </div>
      </fieldset>
      <TextArea label="What felt meaningful?" name="meaningful" defaultValue={value.meaningful} disabled={!editable} />
      <TextArea label="What felt like going through the motions?" name="goingThroughMotions" defaultValue={value.goingThroughMotions} disabled={!editable} />
      <TextArea label="What do you want to learn next?" name="learnNext" defaultValue={value.learnNext} disabled={!editable} />
      {editable ? (
        <Button type="submit" disabled={pending}>
          Save check-in
        </Button>
      ) : null}
      <FormMessage state={state} />
    </form>
  );
}
