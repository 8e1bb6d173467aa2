/**
 * Input schemas for the growth plan, shared by server actions and the JSON API.
 * zod objects strip unknown keys, so a body can never set personId, orgId or
 * authorship (no mass assignment). Form posts send strings: empty optional
 * fields become null/undefined here.
 */
import { z } from "zod";
import { calendarDate } from "@/lib/calendar-date";
import { nameKey, normalizeName } from "./names";
import { isPastTarget, latestPastDay, TARGET_IN_PAST, viewerToday } from "./target-date";
import { whenParsed } from "@/lib/http/when-parsed";
import { learningDateProblems, learningDatesOnCreate } from "./learning-dates";
import { MAX_VERSION, requiredVersion, requiredVersionFrom, VERSION_MISSING, versionNumber, versionRequiredIssue } from "@/lib/http/version-field";
import { changesSomething, NOTHING_TO_CHANGE } from "@/lib/http/patch";

export const GOAL_CATEGORIES = ["stretch_assignment", "cross_functional", "mentoring", "new_tool", "role_evolution", "learning"] as const;
export const GOAL_STATUSES = ["proposed", "active", "done", "dropped"] as const;
export const LEARNING_KINDS = ["course", "book", "talk", "conference", "community", "learning_time"] as const;
export const LEARNING_STATUSES = ["planned", "in_progress", "done"] as const;
export const CONNECTION_KINDS = ["mentor", "mentee", "community", "collaboration"] as const;
export const SKILL_STATUSES = ["used", "unused", "want_to_build"] as const;

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);

/**
 * A field's messages name it twice, in two grammatical roles: `subject` as the sentence's subject ("The title is too
 * long…") and `missing` as what to enter ("Enter a title."). One label for both read "A title is too long".
 */
const tooLong = (max: number, subject: string, verb = "is") => `${subject} ${verb} too long (at most ${max} characters).`;
const text = (max: number, subject: string, verb?: "are") => z.string().trim().max(max, tooLong(max, subject, verb));
const required = (max: number, subject: string, missing = subject.toLowerCase()) => text(max, subject).min(1, `Enter ${missing}.`);
/** A name checked for duplicates (lib/plan/names.ts); free text keeps its format characters, which can carry meaning (bidi marks). */
const nameText = (max: number, subject: string, missing: string) =>
  z
    .string()
    .overwrite(normalizeName)
    .max(max, tooLong(max, subject))
    .refine((s) => nameKey(s) !== "", `Enter ${missing}.`);
const isoDate = calendarDate("Use a date like 2026-03-31.");
const optionalDate = z.preprocess(blankToNull, isoDate.nullable()).optional();
const bool = z.preprocess((v) => (v === "on" || v === "true" ? true : v === "false" ? false : v), z.boolean());
const uuidOrNull = z.preprocess(blankToNull, z.uuid("Pick from the list.").nullable()).optional();
export const versionField = requiredVersion;
const percent = z.coerce.number({ error: "Progress is a number from 0 to 100." }).int("Progress is a whole number.").min(0, "Progress is at least 0.").max(100, "Progress is at most 100.");

export const purposeInput = z.object({
  drewMe: text(2000, "This answer"),
  impact: text(2000, "This answer"),
  worthEffort: text(2000, "This answer"),
  /** The version the editor saw (0 when there was none yet): a save never replaces one it did not see. */
  version: requiredVersionFrom(0),
}).refine((p) => p.drewMe || p.impact || p.worthEffort, { message: "Answer at least one of the three questions.", path: ["drewMe"] });

/** The browser's calendar day, so "today" means the viewer's (lib/plan/target-date.ts); a bad one is ignored. */
export const clientToday = z.iso.date().optional().catch(undefined);

export const goalCreate = z
  .object({
    title: required(200, "The title", "a title"),
    description: text(4000, "The description").default(""),
    category: z.enum(GOAL_CATEGORIES, "Pick a category."),
    status: z.enum(GOAL_STATUSES, "Pick a status.").default("proposed"),
    targetOn: optionalDate,
    servesPurpose: bool.default(false),
    today: clientToday,
  })
  // Also when another field is wrong (`when`): a too-long title and a past date were named one save at a time.
  // createGoal checks it again, for callers that build the input themselves.
  .refine((g) => !isPastTarget({ status: g.status ?? "proposed", targetOn: g.targetOn ?? null }, viewerToday(g.today)), {
    path: ["targetOn"],
    message: TARGET_IN_PAST,
    when: whenParsed("status", "targetOn", "today"),
  });
export const goalPatch = z.object({
  version: versionField,
  title: required(200, "The title", "a title").optional(),
  description: text(4000, "The description").optional(),
  category: z.enum(GOAL_CATEGORIES, "Pick a category.").optional(),
  status: z.enum(GOAL_STATUSES, "Pick a status.").optional(),
  targetOn: optionalDate,
  servesPurpose: bool.optional(),
  today: clientToday,
}).refine(changesSomething, NOTHING_TO_CHANGE);
/**
 * A progress update. A note alone only adds to the goal's history; a progress % also sets the goal's progress, so it
 * carries the goal's `version` as read, and a progress someone set meanwhile is a conflict, not silently replaced.
 */
export const goalUpdateCreate = z
  .object({
    body: required(4000, "What happened"),
    progress: z.preprocess(blankToUndefined, percent.optional()),
    version: versionNumber(z.number().int().positive().max(MAX_VERSION, "That version does not exist.").optional()),
  })
  .superRefine((u, ctx) => {
    if (u.progress !== undefined && u.version === undefined) ctx.addIssue({ code: "custom", path: ["version"], message: VERSION_MISSING, params: versionRequiredIssue });
  });

/** A learning item cannot be finished before it started (checked when both dates are given). */
const finishedAfterStart = (l: { startedOn?: string | null; completedOn?: string | null }) => !l.startedOn || !l.completedOn || l.completedOn >= l.startedOn;
const finishedAfterStartIssue = { message: "The finish date is before the start date.", path: ["completedOn"] };

/** A win has happened: its date is not later than the viewer's today (the form sends it as `today`). */
const winHappened = (w: { occurredOn?: string; today?: string }) => w.occurredOn === undefined || w.occurredOn <= latestPastDay(w.today);
// Only on a date that parsed (`when`): "x" was also told that a win has already happened.
const winHappenedIssue = { message: "A win has already happened: pick today or an earlier date.", path: ["occurredOn"], when: whenParsed("occurredOn", "today") };

export const learningCreate = z
  .object({
    kind: z.enum(LEARNING_KINDS, "Pick a kind."),
    title: required(200, "The title", "a title"),
    status: z.enum(LEARNING_STATUSES, "Pick a status.").default("planned"),
    startedOn: optionalDate,
    completedOn: optionalDate,
    takeaways: text(4000, "The takeaways", "are").default(""),
    today: clientToday,
  })
  // The dates' rules (lib/plan/learning-dates.ts) as createLearning applies them, here too so that they are named
  // together with any other wrong field; createLearning checks again, for callers that build the input themselves.
  .superRefine(
    (l, ctx) => {
      const dates = learningDatesOnCreate({ status: l.status, startedOn: l.startedOn ?? null, completedOn: l.completedOn ?? null }, viewerToday(l.today));
      for (const [field, message] of Object.entries(learningDateProblems(dates, latestPastDay(l.today), "status"))) {
        ctx.addIssue({ code: "custom", path: [field], message });
      }
    },
    { when: whenParsed("status", "startedOn", "completedOn", "today") },
  );
export const learningPatch = z.object({
  version: versionField,
  kind: z.enum(LEARNING_KINDS, "Pick a kind.").optional(),
  title: required(200, "The title", "a title").optional(),
  status: z.enum(LEARNING_STATUSES, "Pick a status.").optional(),
  startedOn: optionalDate,
  completedOn: optionalDate,
  takeaways: text(4000, "The takeaways", "are").optional(),
  today: clientToday,
})
  .refine(finishedAfterStart, { ...finishedAfterStartIssue, when: whenParsed("startedOn", "completedOn") })
  .refine(changesSomething, NOTHING_TO_CHANGE);

/**
 * A connection is to someone in the organization or to a name outside it. Both at once used to save the person and
 * drop the typed name without a word; it is refused at the name, so the form keeps both for the person to choose.
 */
export const PERSON_OR_NAME = "Pick a person or type a name outside the organization, not both.";
const notBoth = (c: { otherPersonId?: string | null; name?: string }) => !(c.otherPersonId && c.name);
export const connectionCreate = z
  .object({
    kind: z.enum(CONNECTION_KINDS, "Pick a kind."),
    otherPersonId: uuidOrNull,
    name: text(200, "The name").default(""),
    purpose: text(2000, "What it is for").default(""),
  })
  .refine((c) => !!c.otherPersonId || !!c.name, { message: "Pick someone in your organization or type a name.", path: ["name"] })
  .refine(notBoth, { message: PERSON_OR_NAME, path: ["name"] });
export const connectionPatch = z
  .object({
    version: versionField,
    kind: z.enum(CONNECTION_KINDS, "Pick a kind.").optional(),
    otherPersonId: uuidOrNull,
    name: text(200, "The name").optional(),
    purpose: text(2000, "What it is for").optional(),
  })
  .refine(notBoth, { message: PERSON_OR_NAME, path: ["name"] })
  .refine(changesSomething, NOTHING_TO_CHANGE);

export const skillCreate = z.object({
  name: nameText(120, "The skill", "a skill"),
  status: z.enum(SKILL_STATUSES, "Pick a status."),
});
export const skillPatch = z.object({
  version: versionField,
  name: nameText(120, "The skill", "a skill").optional(),
  status: z.enum(SKILL_STATUSES, "Pick a status.").optional(),
}).refine(changesSomething, NOTHING_TO_CHANGE);

export const winCreate = z
  .object({
    title: required(200, "The title", "a title"),
    description: text(4000, "The description").default(""),
    occurredOn: isoDate,
    goalId: uuidOrNull,
    rotationId: uuidOrNull,
    linksPurpose: bool.default(false),
    today: clientToday,
  })
  .refine(winHappened, winHappenedIssue)
  .refine((w) => !!w.goalId || !!w.rotationId || w.linksPurpose, { message: "Link the win to a goal, a rotation or the purpose.", path: ["link"] });
export const winPatch = z
  .object({
    version: versionField,
    title: required(200, "The title", "a title").optional(),
    description: text(4000, "The description").optional(),
    occurredOn: isoDate.optional(),
    goalId: uuidOrNull,
    rotationId: uuidOrNull,
    linksPurpose: bool.optional(),
    today: clientToday,
  })
  .refine(winHappened, winHappenedIssue)
  .refine(changesSomething, NOTHING_TO_CHANGE);

/** A delete carries the version it was based on (`?version=` in the API): 428 without it, 409 when it is stale. */
export const deleteInput = z.object({ version: requiredVersion });

export type PurposeInput = z.infer<typeof purposeInput>;
export type GoalCreate = z.infer<typeof goalCreate>;
export type GoalPatch = z.infer<typeof goalPatch>;
export type GoalUpdateCreate = z.infer<typeof goalUpdateCreate>;
export type LearningCreate = z.infer<typeof learningCreate>;
export type LearningPatch = z.infer<typeof learningPatch>;
export type ConnectionCreate = z.infer<typeof connectionCreate>;
export type ConnectionPatch = z.infer<typeof connectionPatch>;
export type SkillCreate = z.infer<typeof skillCreate>;
export type SkillPatch = z.infer<typeof skillPatch>;
export type WinCreate = z.infer<typeof winCreate>;
export type WinPatch = z.infer<typeof winPatch>;
