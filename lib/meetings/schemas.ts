import { z } from "zod";
import { calendarDate } from "@/lib/calendar-date";
import { clientToday } from "@/lib/plan/schemas";
import { requiredVersion, versionNumber, VERSION_MISSING, versionRequiredIssue, MAX_VERSION } from "@/lib/http/version-field";
import { CHECK_IN_ANSWER_MAX } from "./limits";
import { changesSomething, NOTHING_TO_CHANGE } from "@/lib/http/patch";

// The limit's message is the shared one (lib/validation-messages.ts): "Keep it to 500 characters or fewer (this is 724)."
const text = (max: number, msg: string) => z.string().trim().min(1, msg).max(max);
const isoDateTime = z.iso.datetime({ offset: true, message: "Enter a date and time." }).transform((s) => new Date(s));
/** One check-in answer: optional, at most CHECK_IN_ANSWER_MAX characters (the form says so next to each). */
export const checkInAnswer = z.string().max(CHECK_IN_ANSWER_MAX).default("");
const dateOnly = calendarDate("Enter a date (YYYY-MM-DD).");

export const scheduleSchema = z.object({ scheduledAt: isoDateTime });
/**
 * Every change carries the meeting `version` it was based on (428 without it). What it is compared against
 * depends on the change: a check-in against the last check-in save, a transition against the last transition
 * (lib/meetings/checkin.ts, schedule.ts). Discriminated by `action`, so a missing version is reported as such.
 */
export const meetingPatchSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("reschedule"), scheduledAt: isoDateTime, version: requiredVersion }),
  z.object({ action: z.enum(["hold", "cancel"]), version: requiredVersion }),
  z.object({
    action: z.literal("checkIn"),
    energy: z.number().int().min(1).max(5).nullable(),
    meaningful: checkInAnswer,
    goingThroughMotions: checkInAnswer,
    learnNext: checkInAnswer,
    version: requiredVersion,
  }),
]);
export const agendaCreateSchema = z.object({ body: text(500, "Write the talking point."), suggestionKey: z.string().max(40).nullish() });
/**
 * A reword or tick carries the version it was based on (428 without it). A pure `move` does not: it changes no
 * content, is relative to the order as it is when it runs (two reorders take turns on the meeting's row), and
 * does not move the item's version (lib/meetings/agenda.ts), so it needs none and refuses none.
 */
export const agendaPatchSchema = z
  .object({
    body: text(500, "Write the talking point.").optional(),
    done: z.boolean().optional(),
    move: z.enum(["up", "down"]).optional(),
    version: versionNumber(z.number().int().positive().max(MAX_VERSION, "That version does not exist.").optional()),
  })
  .superRefine((p, ctx) => {
    if ((p.body !== undefined || p.done !== undefined) && p.version === undefined) {
      ctx.addIssue({ code: "custom", path: ["version"], message: VERSION_MISSING, params: versionRequiredIssue });
    }
  })
  .refine(changesSomething, NOTHING_TO_CHANGE);
export const noteCreateSchema = z.object({
  visibility: z.enum(["shared", "private"]),
  body: z.string().max(100_000),
  onlyIfNone: z.boolean().optional(),
});
export const notePatchSchema = z.object({ body: z.string().max(100_000), version: requiredVersion });
/** `today`: the client's calendar day, so "a due date from today on" is the viewer's today (lib/plan/target-date.ts). */
export const actionCreateSchema = z.object({
  body: text(500, "Describe the action item."),
  ownerId: z.uuid({ message: "Choose an owner." }),
  dueOn: dateOnly.nullish(),
  today: clientToday,
});
export const actionPatchSchema = z.object({
  body: text(500, "Describe the action item.").optional(),
  ownerId: z.uuid().optional(),
  dueOn: dateOnly.nullish(),
  done: z.boolean().optional(),
  version: requiredVersion,
  today: clientToday,
}).refine(changesSomething, NOTHING_TO_CHANGE);
const score = z.coerce.number({ message: "Choose 1 to 5." }).int().min(1, "Choose 1 to 5.").max(5, "Choose 1 to 5.");
export const pulseSchema = z.object({
  motivation: score,
  skillsUsed: score,
  variety: score,
  purpose: score,
  initiative: score,
  comment: z.string().trim().max(2000).optional().default(""),
  /** The browser's calendar day: the pulse week is the person's own (see submitPulse). */
  today: clientToday,
});
export const stuckRaiseSchema = z.object({
  message: z.string().trim().max(2000).optional().default(""),
  includeSkipLevel: z.boolean().optional().default(false),
  includeHr: z.boolean().optional().default(false),
});
export const stuckAckSchema = z.object({ nextStep: text(500, "Say what happens next, e.g. “Explore a rotation”.") });
export const cadenceSchema = z.object({ cadence: z.enum(["7", "14", "30", "default"]) });
