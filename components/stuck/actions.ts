"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { parseInput, runAction, type ActionState } from "@/lib/http/action";
import { acknowledgeSignal, raiseSignal, withdrawSignal } from "@/lib/stuck/signals";
import { NEXT_STEP_CHOICES } from "@/lib/stuck/next-steps";

export async function raiseStuckAction(_: ActionState, fd: FormData): Promise<ActionState> {
  const r = await runAction(async ({ viewer, db }) => {
    const input = parseInput(
      z.object({ message: z.string().trim().max(2000).default(""), includeSkipLevel: z.literal("on").optional(), includeHr: z.literal("on").optional() }),
      fd,
    );
    await raiseSignal(db, viewer, { message: input.message, includeSkipLevel: !!input.includeSkipLevel, includeHr: !!input.includeHr });
    revalidatePath("/me");
  });
  return r?.ok ? { ok: true, message: "Sent. You'll see here when it is acknowledged." } : r;
}

export async function withdrawStuckAction(_: ActionState, fd: FormData): Promise<ActionState> {
  const r = await runAction(async ({ viewer, db }) => {
    const { id, seen } = parseInput(z.object({ id: z.uuid(), seen: z.enum(["open", "acknowledged"]).optional() }), fd);
    try {
      await withdrawSignal(db, viewer, id, { seenStatus: seen });
    } finally {
      // Refused because it was acknowledged meanwhile, the page shows who answered and with what next step.
      revalidatePath("/me");
    }
  });
  return r?.ok ? { ok: true, message: "Withdrawn." } : r;
}

export async function acknowledgeStuckAction(_: ActionState, fd: FormData): Promise<ActionState> {
  let onAgenda = false;
  const r = await runAction(async ({ viewer, db }) => {
    const input = parseInput(
      z.object({
        id: z.uuid(),
        choice: z.enum([...NEXT_STEP_CHOICES, "other"], { message: "Choose a next step." }),
        other: z.string().trim().max(500).optional(),
      }),
      fd,
    );
    const nextStep = input.choice === "other" ? (input.other ?? "") : input.choice;
    parseInput(z.object({ other: z.string().trim().min(1, "Say in a few words what you will do next.") }), { other: nextStep });
    onAgenda = (await acknowledgeSignal(db, viewer, input.id, { nextStep })).onAgendaOf !== null;
    revalidatePath("/signals");
    revalidatePath("/team");
  });
  if (!r?.ok) return r;
  return { ok: true, message: onAgenda ? "Acknowledged. They will see your next step, and it is on the agenda of your next 1:1 with them." : "Acknowledged. They will see your next step." };
}
