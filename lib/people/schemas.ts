import { z } from "zod";
import { calendarDate, optionalCalendarDate } from "@/lib/calendar-date";
import { requiredBasis, requiredVersion } from "@/lib/http/version-field";
import { whenParsed } from "@/lib/http/when-parsed";
import { clientToday } from "@/lib/plan/schemas";
import { latestPastDay } from "@/lib/plan/target-date";
import { formatDate } from "@/lib/radar/format";
import { roleDateMessage, roleDateProblem } from "./role-dates";
import { changesSomething, NOTHING_TO_CHANGE } from "@/lib/http/patch";

/** The longest name, title or team a person may have: the invitation, the person page and the CSV import agree. */
export const PERSON_TEXT_MAX = 120;
/** The longest email address (RFC 5321's path limit). */
export const EMAIL_MAX = 320;

const isoDate = calendarDate("Use a date like 2025-03-31.");
const optionalDate = optionalCalendarDate("Use a date like 2025-03-31.");

export const ROLE_EVENT_TYPES = ["title_change", "scope_change", "team_change", "promotion", "rotation_start", "rotation_end"] as const;
export type RoleEventType = (typeof ROLE_EVENT_TYPES)[number];

export const ROLE_EVENT_LABELS: Record<RoleEventType, string> = {
  title_change: "Title change",
  scope_change: "Scope change",
  team_change: "Team change",
  promotion: "Promotion",
  rotation_start: "Rotation start",
  rotation_end: "Rotation end",
};

const optText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters.`)
    .optional()
    .transform((v) => (v ? v : null));

const roleEventFields = {
  type: z.enum(ROLE_EVENT_TYPES, { error: "Choose what changed." }),
  effectiveOn: isoDate,
  description: z.string().trim().max(500, "At most 500 characters."),
  newTitle: optText(PERSON_TEXT_MAX),
  newTeam: optText(PERSON_TEXT_MAX),
  /** The browser's calendar day: "not in the future" is judged on the viewer's today (lib/people/role-dates.ts). */
  today: clientToday,
};

/**
 * A role event restarts "time in role", so it must say what changed: a title
 * change its new title, a team change its new team, a scope change or a
 * promotion at least a description (or, for a promotion, the new title).
 * Returns the field to fix and why, or null.
 */
export function roleEventGap(ev: { type: RoleEventType; newTitle: string | null; newTeam: string | null; description: string }): { field: "newTitle" | "newTeam" | "description"; message: string } | null {
  if (ev.type === "title_change" && !ev.newTitle) return { field: "newTitle", message: "Enter the new title." };
  if (ev.type === "team_change" && !ev.newTeam) return { field: "newTeam", message: "Enter the new team." };
  if (ev.type === "scope_change" && !ev.description.trim()) return { field: "description", message: "Describe what changed in the role." };
  if (ev.type === "promotion" && !ev.newTitle && !ev.description.trim()) return { field: "newTitle", message: "Enter the new title, or describe the promotion." };
  return null;
}

/**
 * `earlier`: the writer says this change happened before the person's latest role event and is recorded for the
 * history (onboarding someone's past roles), so it does not restart time in role. Without it, a date before the
 * latest event is refused (lib/people/role-dates.ts). A form's ticked checkbox sends "on"; JSON a boolean.
 */
const earlierFlag = z
  .union([z.boolean(), z.literal("on")], { error: "`earlier` is true or false." })
  .optional()
  .transform((v) => v === true || v === "on");

/**
 * A date ahead is refused by the schema as well as by the domain (createRoleEvent, which also knows the latest
 * event), so it is named together with any other wrong field rather than one save later.
 */
function refuseFutureDate(ev: { effectiveOn?: string; today?: string }, ctx: z.RefinementCtx): void {
  if (ev.effectiveOn === undefined) return;
  const problem = roleDateProblem(ev.effectiveOn, { today: latestPastDay(ev.today), latest: null });
  if (problem) ctx.addIssue({ code: "custom", message: roleDateMessage(problem, formatDate), path: ["effectiveOn"] });
}

export const roleEventInput = z
  .object({ ...roleEventFields, description: roleEventFields.description.default(""), earlier: earlierFlag })
  .superRefine(
    (ev, ctx) => {
      const gap = roleEventGap(ev);
      if (gap) ctx.addIssue({ code: "custom", message: gap.message, path: [gap.field] });
    },
    { when: whenParsed("type", "newTitle", "newTeam", "description") },
  )
  .superRefine(refuseFutureDate, { when: whenParsed("effectiveOn", "today") });
export type RoleEventInput = z.infer<typeof roleEventInput>;

/** Only the fields sent change (no defaults here: a PATCH without `description` keeps it). */
export const roleEventPatch = z
  .object(roleEventFields)
  .partial()
  .extend({ version: requiredVersion })
  .superRefine(refuseFutureDate, { when: whenParsed("effectiveOn", "today") })
  .refine(changesSomething, NOTHING_TO_CHANGE);
export type RoleEventPatch = z.infer<typeof roleEventPatch>;

export const ROTATION_STATUSES = ["planned", "active", "done"] as const;
export type RotationStatus = (typeof ROTATION_STATUSES)[number];

const rotationFields = {
  host: z.string().trim().min(1, "Name the host team or project.").max(120, "At most 120 characters."),
  startOn: isoDate,
  plannedEndOn: optionalDate.optional().transform((v) => v ?? null),
  status: z.enum(ROTATION_STATUSES),
  learningGoal: z.string().trim().max(500, "At most 500 characters."),
  /** The browser's calendar day: "has it started?" is judged on the viewer's today. */
  today: clientToday,
};

/**
 * A rotation is planned until it starts. "Active" (or "done") with a start
 * date still ahead would count on the radar as a rotation under way — taking
 * away the "no stretch goal or rotation" flag today — and would write its
 * rotation_start on the timeline ahead of time. So it is refused, at the field
 * that was changed: the status (mark it planned), or the start date of one
 * already under way. Pure: the form and the API ask it through the domain.
 */
export function rotationStartGap(
  r: { status: RotationStatus; startOn: string },
  today: string,
  changed: "status" | "startOn",
  startLabel: string,
): { field: "status" | "startOn"; message: string } | null {
  if (r.status === "planned" || r.startOn <= today) return null;
  return changed === "startOn"
    ? { field: "startOn", message: `This rotation is ${r.status === "done" ? "done" : "under way"}, so it started today or earlier: pick a start date no later than today, or mark it planned first.` }
    : { field: "status", message: `It starts on ${startLabel}: mark it planned until then.` };
}

export const rotationInput = z
  .object({ ...rotationFields, status: rotationFields.status.default("planned"), learningGoal: rotationFields.learningGoal.default("") })
  .refine((r) => !r.plannedEndOn || r.plannedEndOn >= r.startOn, {
    message: "The planned end is before the start.",
    path: ["plannedEndOn"],
    // Only on dates that parsed: "0000-01-01" was also told it is before the start.
    when: whenParsed("plannedEndOn", "startOn"),
  });
export type RotationInput = z.infer<typeof rotationInput>;

/** The rotation's fields, each optional, with the version: the forms pick from it what they send. */
export const rotationPatchFields = z
  .object({
    ...rotationFields,
    plannedEndOn: optionalDate,
    endedOn: optionalDate,
  })
  .partial()
  .extend({ version: requiredVersion });
/** Only the fields sent change; `endedOn` may be set when ending a rotation. */
export const rotationPatch = rotationPatchFields.refine(changesSomething, NOTHING_TO_CHANGE);
export type RotationPatch = Partial<z.infer<typeof rotationPatch>> & { version: number };

export const versionOnly = z.object({ version: requiredVersion });

const managerId = z.union([z.uuid("Choose a manager."), z.literal("")]).transform((v) => v || null);

/** An admin's change of someone's manager, from the person page ("" for no manager). */
export const managerChangeInput = z.object({
  managerId,
  // The manager the form showed: a change on top of one made meanwhile is refused (changeManager). Missing is a 428.
  basedOnManagerId: requiredBasis(managerId, 'Send the manager the change was based on (their id, or "" for none).'),
});

/** An admin's change of someone's title and team, from the person page. */
export const titleTeamInput = z.object({
  title: z.string().trim().max(PERSON_TEXT_MAX, `At most ${PERSON_TEXT_MAX} characters.`),
  team: z.string().trim().max(PERSON_TEXT_MAX, `At most ${PERSON_TEXT_MAX} characters.`),
  effectiveOn: optionalDate.transform((s) => s ?? undefined),
  // A checkbox: present when ticked.
  correction: z.literal("on").optional().transform((v) => v === "on"),
  today: clientToday,
  // The title and team the form showed, as saved (untrimmed): compared with what is saved now (changeTitleTeam).
  // Missing is a 428, as a missing version is; blank is a value ("no title").
  basedOnTitle: requiredBasis(z.string().max(1000), 'Send the title the change was based on, as read ("" for none).'),
  basedOnTeam: requiredBasis(z.string().max(1000), 'Send the team the change was based on, as read ("" for none).'),
});
