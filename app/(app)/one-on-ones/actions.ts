"use server";

import { clientToday } from "@/lib/plan/schemas";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { calendarDate } from "@/lib/calendar-date";
import { asFormData, parseInput, runAction, type ActionState } from "@/lib/http/action";
import { addActionItem, deleteActionItem, updateActionItem } from "@/lib/meetings/action-items";
import { addAgendaItem, deleteAgendaItem, moveAgendaItem, updateAgendaItem } from "@/lib/meetings/agenda";
import { bringTalkingPointsAlong } from "@/lib/meetings/bring-along";
import { saveCheckIn } from "@/lib/meetings/checkin";
import { checkInAnswer } from "@/lib/meetings/schemas";
import { suggestionByKey } from "@/lib/meetings/suggestions";
import { changeMeeting, scheduleMeeting, setCadence, type ChangeResult } from "@/lib/meetings/schedule";
import { badRequest } from "@/lib/errors";
import { requiredVersion } from "@/lib/http/version-field";

const id = z.uuid();
const text = (msg: string) => z.string().trim().min(1, msg).max(500);

function revalidateMeeting(meetingId: string) {
  revalidatePath(`/one-on-ones/${meetingId}`);
}

/** What an add answers with: the text as saved (a suggestion's own), so the page can say what was added. */
export type AddedState = ActionState<{ body: string }>;

export async function addAgendaAction(_: AddedState, fd: FormData): Promise<AddedState> {
  return runAction(async ({ viewer, db }) => {
    const input = parseInput(z.object({ meetingId: id, body: z.string().optional(), suggestionKey: z.string().max(40).optional() }), fd);
    let body = input.body?.trim() ?? "";
    if (input.suggestionKey) {
      const s = suggestionByKey(input.suggestionKey);
      if (!s) throw badRequest("Unknown suggestion.");
      body = s.text;
    }
    const parsed = parseInput(z.object({ body: text("Write the talking point.") }), { body });
    await addAgendaItem(db, viewer, input.meetingId, { body: parsed.body, suggestionKey: input.suggestionKey ?? null });
    revalidateMeeting(input.meetingId);
    return { body: parsed.body };
  });
}

/** Where the talking points went: the next 1:1 with the current manager, for the page to link to. */
export type BroughtState = ActionState<{ added: number; alreadyThere: number; meetingId: string; scheduledAt: string; managerName: string }>;

/** The employee brings their own open talking points from a 1:1 with a former manager to one with their manager now. */
export async function bringTalkingPointsAction(_: BroughtState, fd: FormData): Promise<BroughtState> {
  return runAction(async ({ viewer, db }) => {
    const input = parseInput(z.object({ meetingId: id }), fd);
    const r = await bringTalkingPointsAlong(db, viewer, input.meetingId);
    revalidateMeeting(input.meetingId);
    revalidateMeeting(r.meetingId);
    return { ...r, scheduledAt: r.scheduledAt.toISOString() };
  });
}

/**
 * What a row's tick, move or delete answers when the item changed meanwhile (deleted in another window
 * or by the other person): said in words, never dropped, and the list is refreshed to what is saved.
 */
function rowResult(what: string, fd: FormData) {
  return (s: ActionState<unknown>): ActionState => {
    if (!(s && !s.ok && (s.code === "not_found" || s.code === "conflict"))) return s as ActionState;
    const meetingId = asFormData(fd).get("meetingId");
    if (typeof meetingId === "string" && id.safeParse(meetingId).success) revalidateMeeting(meetingId);
    if (s.code === "conflict") return { ...s, error: `${s.error} The list now shows what is saved.` };
    return { ...s, error: `This ${what} is not there any more: it may have been deleted in another window or by the other person. The list now shows what is saved.` };
  };
}

/** One form per talking point: the pressed button's `op` says what to do (tick, move, delete). */
export async function agendaItemAction(_: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(async ({ viewer, db }) => {
    const input = parseInput(
      // The row's form always sends the version it shows. A move does not use it: reordering changes no content.
      z.object({ meetingId: id, itemId: id, op: z.enum(["up", "down", "done", "undone", "delete"]), version: requiredVersion }),
      fd,
    );
    if (input.op === "up" || input.op === "down") await moveAgendaItem(db, viewer, input.itemId, input.op);
    else if (input.op === "delete") await deleteAgendaItem(db, viewer, input.itemId, { version: input.version });
    else await updateAgendaItem(db, viewer, input.itemId, { done: input.op === "done", version: input.version });
    revalidateMeeting(input.meetingId);
  }).then(rowResult("talking point", fd));
}

/** Rewords a talking point; the version it was loaded with guards against overwriting the other person's edit. */
export async function editAgendaAction(_: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(async ({ viewer, db }) => {
    const input = parseInput(z.object({ meetingId: id, itemId: id, body: text("Write the talking point."), version: requiredVersion }), fd);
    await updateAgendaItem(db, viewer, input.itemId, { body: input.body, version: input.version });
    revalidateMeeting(input.meetingId);
  }).then((s) =>
    // The editor stays open with the person's wording (no refresh that would close it).
    s && !s.ok && s.code === "not_found" ? { ...s, error: "This talking point is not there any more: it may have been deleted in another window or by the other person. Copy your wording if you want to add it again." } : (s as ActionState),
  );
}

export async function addActionItemAction(_: AddedState, fd: FormData): Promise<AddedState> {
  return runAction(async ({ viewer, db }) => {
    const input = parseInput(
      z.object({
        meetingId: id,
        body: text("Describe the action item."),
        ownerId: z.uuid({ message: "Choose an owner." }),
        dueOn: z.union([z.literal(""), calendarDate("Enter a valid date.")]).optional(),
        today: clientToday,
      }),
      fd,
    );
    await addActionItem(db, viewer, input.meetingId, { body: input.body, ownerId: input.ownerId, dueOn: input.dueOn || null, today: input.today });
    revalidateMeeting(input.meetingId);
    return { body: input.body };
  });
}

/** One form per action item: the pressed button's `op` says what to do (tick, reopen, delete). */
export async function actionItemAction(_: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(async ({ viewer, db }) => {
    const input = parseInput(
      z.object({ meetingId: id, itemId: id, op: z.enum(["done", "undone", "delete"]), version: requiredVersion }),
      fd,
    );
    if (input.op === "delete") await deleteActionItem(db, viewer, input.itemId, { version: input.version });
    else await updateActionItem(db, viewer, input.itemId, { done: input.op === "done", version: input.version });
    revalidateMeeting(input.meetingId);
  }).then(rowResult("action item", fd));
}

/** Rewords an action item, or changes its owner or due date; version-checked like every edit. */
export async function editActionItemAction(_: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(async ({ viewer, db }) => {
    const input = parseInput(
      z.object({
        meetingId: id,
        itemId: id,
        body: text("Describe the action item."),
        ownerId: z.uuid({ message: "Choose an owner." }),
        dueOn: z.union([z.literal(""), calendarDate("Enter a valid date.")]).optional(),
        version: requiredVersion,
        today: clientToday,
      }),
      fd,
    );
    await updateActionItem(db, viewer, input.itemId, { body: input.body, ownerId: input.ownerId, dueOn: input.dueOn || null, version: input.version, today: input.today });
    revalidateMeeting(input.meetingId);
  }).then((s) =>
    // The editor stays open with what was typed (no refresh that would close it).
    s && !s.ok && s.code === "not_found" ? { ...s, error: "This action item is not there any more: it may have been deleted in another window or by the other person." } : (s as ActionState),
  );
}

export async function checkInAction(_: ActionState<{ version: number }>, fd: FormData): Promise<ActionState<{ version: number }>> {
  return runAction(async ({ viewer, db }) => {
    const input = parseInput(
      z.object({
        meetingId: id,
        energy: z.union([z.literal(""), z.coerce.number().int().min(1).max(5)]).optional(),
        meaningful: checkInAnswer,
        goingThroughMotions: checkInAnswer,
        learnNext: checkInAnswer,
        // The version the form was loaded with: a save on top of someone else's is a 409, never a silent overwrite.
        version: requiredVersion,
      }),
      fd,
    );
    const saved = await saveCheckIn(db, viewer, input.meetingId, {
      energy: input.energy === "" || input.energy === undefined ? null : input.energy,
      meaningful: input.meaningful,
      goingThroughMotions: input.goingThroughMotions,
      learnNext: input.learnNext,
      version: input.version,
    });
    revalidateMeeting(input.meetingId);
    return { version: saved.version };
  }).then((s): ActionState<{ version: number }> => {
    // The version this save made: what was typed while it was on its way is saved on top of it next.
    if (s?.ok) return { ok: true, message: "Check-in saved.", data: s.data };
    if (s && !s.ok && s.code === "conflict") {
      // The form's untouched answers follow what is saved now; the edited ones keep what was typed.
      const meetingId = asFormData(fd).get("meetingId");
      if (typeof meetingId === "string" && id.safeParse(meetingId).success) revalidateMeeting(meetingId);
      // Hand back what the person typed, so the form can keep it next to the other save.
      const form = fd instanceof FormData ? fd : new FormData();
      const text = (k: string) => (typeof form.get(k) === "string" ? String(form.get(k)) : "");
      const energy = Number(text("energy"));
      return { ...s, extra: { ...s.extra, submitted: { energy: energy >= 1 && energy <= 5 ? energy : null, meaningful: text("meaningful"), goingThroughMotions: text("goingThroughMotions"), learnNext: text("learnNext") } } };
    }
    return s as ActionState<{ version: number }>;
  });
}

/** Says which change was saved, so a message is never mistaken for a later one, and what carry-over did with it. */
const CHANGED = { hold: "Marked as held.", cancel: "1:1 cancelled.", reschedule: "Rescheduled." } as const;

function changedMessage(op: keyof typeof CHANGED, m: ChangeResult): string {
  const { moved, created, removed } = m.carryOver;
  const items = `${moved} open ${moved === 1 ? "item" : "items"}`;
  if (op !== "reschedule" && moved > 0) {
    return `${CHANGED[op]} ${items} moved on to ${created ? "a new 1:1, scheduled at the usual cadence" : "the next 1:1"}.`;
  }
  if (op === "reschedule" && removed > 0) {
    // "Its": what is open is on it now, whether first raised on it or carried to it; the removed 1:1 may have been
    // scheduled for a later hold's items, so it is not said to have been this one's.
    return `${CHANGED[op]} Its open talking points and action items are back on it, and the 1:1 Reignite had scheduled only to hold them is removed.`;
  }
  return CHANGED[op];
}

export async function changeMeetingAction(_: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(async ({ viewer, db }) => {
    const input = parseInput(
      z.object({
        meetingId: id,
        op: z.enum(["hold", "cancel", "reschedule"]),
        scheduledAt: z.string().optional(),
        version: requiredVersion,
      }),
      fd,
    );
    let change: Parameters<typeof changeMeeting>[3];
    if (input.op === "reschedule") {
      const at = parseInput(z.object({ scheduledAt: z.iso.datetime({ offset: true, message: "Choose a date and time." }) }), { scheduledAt: input.scheduledAt ?? "" });
      change = { kind: "reschedule", scheduledAt: new Date(at.scheduledAt) };
    } else change = { kind: input.op };
    const m = await changeMeeting(db, viewer, input.meetingId, change, { version: input.version });
    revalidatePath("/one-on-ones", "layout");
    revalidatePath(`/people/${m.reportId}/one-on-ones`);
    revalidatePath("/me/one-on-ones");
    return changedMessage(input.op, m);
  }).then((s) => (s?.ok && s.data ? { ok: true, message: s.data } : s)) as Promise<ActionState>;
}

export async function scheduleAction(_: ActionState, fd: FormData): Promise<ActionState> {
  const result = await runAction(async ({ viewer, db }) => {
    const input = parseInput(
      z.object({ personId: id, scheduledAt: z.iso.datetime({ offset: true, message: "Choose a date and time." }) }),
      fd,
    );
    const m = await scheduleMeeting(db, viewer, input.personId, { scheduledAt: new Date(input.scheduledAt) });
    revalidatePath(`/people/${input.personId}/one-on-ones`);
    revalidatePath("/me/one-on-ones");
    return m.id;
  });
  if (result?.ok && result.data) redirect(`/one-on-ones/${result.data}`);
  return result as ActionState;
}

export async function cadenceAction(_: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(async ({ viewer, db }) => {
    const input = parseInput(z.object({ personId: id, cadence: z.enum(["7", "14", "30", "default"]) }), fd);
    await setCadence(db, viewer, input.personId, input.cadence === "default" ? null : (Number(input.cadence) as 7 | 14 | 30));
    revalidatePath(`/people/${input.personId}/one-on-ones`);
  }).then((s) => (s?.ok ? { ok: true, message: "Cadence saved." } : s)) as Promise<ActionState>;
}
