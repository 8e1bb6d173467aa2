"use server";

import { revalidatePath } from "next/cache";
import { parseInput, runAction, type ActionState } from "@/lib/http/action";
import { pulseSchema } from "@/lib/meetings/schemas";
import { submitPulse } from "@/lib/pulse/checkins";

/** The employee's weekly pulse, from /me or the end of a 1:1. Only for the viewer themselves. */
export async function submitPulseAction(_: ActionState, fd: FormData): Promise<ActionState> {
  const result = await runAction(async ({ viewer, db }) => {
    const input = parseInput(pulseSchema, fd);
    await submitPulse(db, viewer, viewer.personId, input);
    revalidatePath("/me");
    revalidatePath("/one-on-ones", "layout");
  });
  return result?.ok ? { ok: true, message: "Thanks — your pulse for this week is saved." } : result;
}
