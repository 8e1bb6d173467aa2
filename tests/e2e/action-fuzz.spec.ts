import path from "node:path";
import { expect, test } from "@playwright/test";
import fc from "fast-check";
import { z } from "zod";
import * as meetingSchemas from "@/lib/meetings/schemas";
import * as peopleSchemas from "@/lib/people/schemas";
import * as planSchemas from "@/lib/plan/schemas";
import { httpClient, signInHttp, type HttpSession } from "../helpers/http";
import { callServerAction, pagePath, readActionManifest, type ActionArg, type ActionResult, type ManifestAction } from "../helpers/server-actions";
import { withE2eSql } from "./support/db";
import { arbFromSchema, textArb, type JsonSchema } from "./support/json-schema-arb";
import { resetDemoData } from "./support/reset";

/**
 * Property-based fuzzing of every server action in the build's manifest,
 * called directly by id (as a replayed or forged request would) with real
 * sessions of Maya (manager), Eli (employee) and Ada (admin). Form fields come
 * from each action's zod schema and from far outside it: wrong types, 100 kB
 * strings, unicode, NUL, missing fields, extra fields (orgId, personId, role,
 * version, authorId, …), other organizations' ids, and non-FormData
 * arguments. Every answer must be a normal action response: 200 with an
 * ActionState (never code "internal") or a redirect; never a 500, never a
 * stack trace or a file path. Extra fields are never written.
 */

const REPO = path.resolve(__dirname, "../..");
const SEED = 20261130;
const RUNS = Number(process.env.ACTION_FUZZ_RUNS ?? 24);

type Actor = "maya" | "eli" | "ada" | "anon" | "jonah";
type Ids = {
  org: { acme: string; globex: string };
  person: Record<string, string>;
  acme: Record<Kind, string[]>;
  globex: Record<Kind, string[]>;
  eliMeeting: string;
};
type Kind = "meeting" | "agendaItem" | "actionItem" | "goal" | "learning" | "connection" | "skill" | "win" | "roleEvent" | "rotation" | "stuckSignal";
const TABLES: Record<Kind, string> = {
  meeting: "meetings",
  agendaItem: "agenda_items",
  actionItem: "action_items",
  goal: "stretch_goals",
  learning: "learning_items",
  connection: "connections",
  skill: "skills",
  win: "wins",
  roleEvent: "role_events",
  rotation: "rotations",
  stuckSignal: "stuck_signals",
};

/** How one action is called: leading bound arguments, whether a `prevState` comes first, and its form fields. */
type Spec = {
  lead?: (ids: Ids) => fc.Arbitrary<ActionArg>[];
  prev?: boolean; // (prevState, formData); false for `(formData)` form actions
  noForm?: boolean; // takes no arguments (sign-out)
  fields: (ids: Ids) => Record<string, fc.Arbitrary<string>>;
  actors?: Actor[];
  /** Defaults to the first page of the manifest entry with Eli's person id (or meeting id) filled in. */
  page?: (ids: Ids) => string;
};

// ------------------------------------------------------------------ generators

/** FormData strings from a zod schema (via its JSON Schema), so most requests pass validation and reach the domain code. */
function zodFields(schema: z.ZodType, uuids: () => string[]): Record<string, fc.Arbitrary<string>> {
  const js = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  const props = js.properties ?? js.anyOf?.[0]?.properties ?? {};
  const out: Record<string, fc.Arbitrary<string>> = {};
  for (const [k, s] of Object.entries(props)) {
    out[k] = arbFromSchema(s, { uuids: uuids() }).map((v) => (typeof v === "string" ? v : v == null ? "" : typeof v === "object" ? JSON.stringify(v) : String(v)));
  }
  return out;
}
const idOf = (ids: Ids, kind: Kind): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...ids.acme[kind]) },
    { weight: 2, arbitrary: fc.constantFrom(...ids.globex[kind]) },
    { weight: 1, arbitrary: fc.constantFrom("", "not-a-uuid", "00000000-0000-0000-0000-000000000000", "1 OR 1=1", "x".repeat(3000), ids.org.acme) },
    { weight: 1, arbitrary: fc.uuid() },
  );
const personArb = (ids: Ids, prefer = ["eli", "gus", "fatima"]) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...prefer.map((p) => ids.person[p]!)) },
    { weight: 2, arbitrary: fc.constantFrom(ids.person.hank!, ids.person.leo!, ids.person.maya!) },
    { weight: 1, arbitrary: fc.constantFrom("", "not-a-uuid", "00000000-0000-0000-0000-000000000000", "é".repeat(500)) },
  );
const enumArb = (...values: string[]) => fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: textArb(0, 20) });
const intArb = (min: number, max: number) => fc.oneof({ weight: 5, arbitrary: fc.integer({ min, max }).map(String) }, { weight: 1, arbitrary: fc.constantFrom("", "0", "-1", "1.5", "1e309", "abc") });
const dayMs = 86_400_000;
const dateArb = fc.integer({ min: -400, max: 400 }).map((d) => new Date(Date.now() + d * dayMs).toISOString().slice(0, 10));
const dateTimeArb = fc.integer({ min: -20, max: 60 }).map((d) => new Date(Date.now() + d * dayMs).toISOString());
/** Bound leading arguments, sometimes of the wrong type. */
const leadArg = (valid: fc.Arbitrary<string>): fc.Arbitrary<ActionArg> =>
  fc.oneof({ weight: 8, arbitrary: valid }, { weight: 1, arbitrary: fc.constantFrom<ActionArg>(null, 42, true, "", "x".repeat(5000)) });

const versionArb = fc.oneof({ weight: 4, arbitrary: fc.constant("1") }, { weight: 1, arbitrary: fc.constantFrom("2", "0", "-1", "", "abc", "99999999999999999999") });

const uuidHints = (ids: Ids) => () => [...Object.values(ids.person), ...ids.acme.goal, ...ids.acme.meeting];
const plan = (schema: z.ZodType, extra: (ids: Ids) => Record<string, fc.Arbitrary<string>>): Spec["fields"] => (ids) => ({ ...zodFields(schema, uuidHints(ids)), ...extra(ids) });

/** Every server action, keyed "file#exportedName". A build action missing here fails the spec. */
const SPECS: Record<string, Spec> = {
  // Sign-in and invitations (no session needed). Wrong passwords only: the demo password is never generated.
  "app/(auth)/login/actions.ts#loginAction": {
    prev: true,
    actors: ["anon"],
    page: () => "/login",
    fields: () => ({ email: fc.oneof(fc.constantFrom("fuzz@acme.example", "FUZZ@ACME.EXAMPLE", "nobody@nowhere.example", "not-an-email"), textArb(0, 300)), password: textArb(0, 300), next: fc.constantFrom("/me", "//evil.example", "javascript:alert(1)", "/\\evil", "") }),
  },
  "app/invite/[token]/actions.ts#acceptInviteAction": {
    lead: () => [leadArg(fc.constantFrom("bogus-token", "a".repeat(64), "", "../../etc/passwd"))],
    prev: true,
    actors: ["anon", "eli"],
    page: () => "/invite/bogus-token",
    fields: () => ({ password: textArb(0, 200), confirm: textArb(0, 200) }),
  },
  // "Forgot your password?" (no email on the e2e server: it answers without writing) and the link's form.
  "app/(auth)/login/forgot/actions.ts#requestResetAction": {
    prev: true,
    actors: ["anon"],
    page: () => "/login/forgot",
    fields: () => ({ email: fc.oneof(fc.constantFrom("eli@acme.example", "ELI@ACME.EXAMPLE ", "nobody@nowhere.example", "not-an-email", ""), textArb(0, 400)) }),
  },
  "app/reset/[token]/actions.ts#resetPasswordAction": {
    lead: () => [leadArg(fc.constantFrom("bogus-token", "a".repeat(43), "", "../../etc/passwd", "x".repeat(300)))],
    prev: true,
    actors: ["anon", "eli"],
    page: () => "/reset/bogus-token",
    fields: () => ({ password: textArb(0, 200), confirm: textArb(0, 200) }),
  },
  "app/(app)/shell-actions.ts#switchOrgAction": { prev: false, fields: (ids) => ({ orgId: fc.constantFrom(ids.org.acme, ids.org.globex, "x", "") }), page: () => "/me" },
  // Sign out (this session) and sign out everywhere (all of the user's sessions): fuzzed as Jonah only, whose sessions nothing else uses.
  "app/(app)/shell-actions.ts#signOutAction": { noForm: true, fields: () => ({}), actors: ["jonah"], page: () => "/me" },
  "app/(app)/account/actions.ts#signOutEverywhereAction": { noForm: true, fields: () => ({}), actors: ["jonah"], page: () => "/account" },
  "app/(app)/account/actions.ts#changePasswordAction": { prev: true, fields: () => ({ currentPassword: textArb(0, 200), newPassword: fc.oneof(textArb(0, 200), fc.constant("correct horse battery staple")) }) },

  // Growth plan (/me and /people/[id]/plan).
  "app/(app)/me/actions.ts#savePurposeAction": { prev: true, fields: plan(planSchemas.purposeInput, (ids) => ({ personId: personArb(ids) })) },
  "app/(app)/me/actions.ts#createGoalAction": { prev: true, fields: plan(planSchemas.goalCreate, (ids) => ({ personId: personArb(ids) })) },
  "app/(app)/me/actions.ts#updateGoalAction": { prev: true, fields: plan(planSchemas.goalPatch, (ids) => ({ id: idOf(ids, "goal"), version: versionArb })) },
  "app/(app)/me/actions.ts#addGoalUpdateAction": { prev: true, fields: plan(planSchemas.goalUpdateCreate, (ids) => ({ id: idOf(ids, "goal"), progress: intArb(0, 100) })) },
  "app/(app)/me/actions.ts#createLearningAction": { prev: true, fields: plan(planSchemas.learningCreate, (ids) => ({ personId: personArb(ids) })) },
  "app/(app)/me/actions.ts#updateLearningAction": { prev: true, fields: plan(planSchemas.learningPatch, (ids) => ({ id: idOf(ids, "learning"), version: versionArb })) },
  "app/(app)/me/actions.ts#createConnectionAction": { prev: true, fields: plan(planSchemas.connectionCreate, (ids) => ({ personId: personArb(ids) })) },
  "app/(app)/me/actions.ts#updateConnectionAction": { prev: true, fields: plan(planSchemas.connectionPatch, (ids) => ({ id: idOf(ids, "connection"), version: versionArb })) },
  "app/(app)/me/actions.ts#createSkillAction": { prev: true, fields: plan(planSchemas.skillCreate, (ids) => ({ personId: personArb(ids) })) },
  "app/(app)/me/actions.ts#updateSkillAction": { prev: true, fields: plan(planSchemas.skillPatch, (ids) => ({ id: idOf(ids, "skill"), version: versionArb })) },
  "app/(app)/me/actions.ts#createWinAction": { prev: true, fields: plan(planSchemas.winCreate, (ids) => ({ personId: personArb(ids), occurredOn: dateArb })) },
  "app/(app)/me/actions.ts#updateWinAction": { prev: true, fields: plan(planSchemas.winPatch, (ids) => ({ id: idOf(ids, "win"), version: versionArb, occurredOn: dateArb })) },
  "app/(app)/me/actions.ts#deletePlanItemAction": {
    prev: true,
    fields: (ids) => ({
      kind: enumArb("goal", "learning", "connection", "skill", "win"),
      id: fc.oneof(idOf(ids, "goal"), idOf(ids, "skill"), idOf(ids, "win"), idOf(ids, "learning"), idOf(ids, "connection")),
      version: versionArb,
    }),
  },

  // Role history and directory (/people/[id]): the person (and record) ids are bound arguments.
  "app/(app)/people/[id]/actions.ts#addRoleEventAction": { lead: (ids) => [leadArg(personArb(ids))], prev: true, fields: plan(peopleSchemas.roleEventInput, () => ({ effectiveOn: dateArb })) },
  "app/(app)/people/[id]/actions.ts#editRoleEventAction": {
    lead: (ids) => [leadArg(personArb(ids)), leadArg(idOf(ids, "roleEvent"))],
    prev: true,
    fields: plan(peopleSchemas.roleEventPatch, () => ({ version: versionArb, effectiveOn: dateArb })),
  },
  "app/(app)/people/[id]/actions.ts#deleteRoleEventAction": { lead: (ids) => [leadArg(personArb(ids)), leadArg(idOf(ids, "roleEvent"))], prev: true, fields: () => ({ version: versionArb }) },
  "app/(app)/people/[id]/actions.ts#addRotationAction": {
    lead: (ids) => [leadArg(personArb(ids))],
    prev: true,
    fields: () => ({ host: textArb(0, 150), startOn: dateArb, endOn: fc.oneof(dateArb, fc.constant("")), status: enumArb(...peopleSchemas.ROTATION_STATUSES), learningGoal: textArb(0, 600) }),
  },
  "app/(app)/people/[id]/actions.ts#setRotationStatusAction": {
    lead: (ids) => [leadArg(personArb(ids)), leadArg(idOf(ids, "rotation"))],
    prev: true,
    fields: () => ({ version: versionArb, status: enumArb(...peopleSchemas.ROTATION_STATUSES) }),
  },
  "app/(app)/people/[id]/actions.ts#editRotationAction": {
    lead: (ids) => [leadArg(personArb(ids)), leadArg(idOf(ids, "rotation"))],
    prev: true,
    fields: () => ({ version: versionArb, host: textArb(0, 150), startOn: dateArb, plannedEndOn: fc.oneof(dateArb, fc.constant("")), learningGoal: textArb(0, 600) }),
  },
  "app/(app)/people/[id]/actions.ts#deleteRotationAction": { lead: (ids) => [leadArg(personArb(ids)), leadArg(idOf(ids, "rotation"))], prev: true, fields: () => ({ version: versionArb }) },
  "app/(app)/people/[id]/actions.ts#changeManagerAction": {
    lead: (ids) => [leadArg(personArb(ids, ["eli", "hiro", "leo"]))],
    prev: true,
    fields: (ids) => ({
      managerId: fc.oneof(personArb(ids, ["maya", "omar", "dana", "eli"]), fc.constant("")),
      basedOnManagerId: fc.oneof(personArb(ids, ["maya", "omar", "dana"]), fc.constant("")),
    }),
  },
  "app/(app)/people/[id]/actions.ts#changeTitleTeamAction": {
    lead: (ids) => [leadArg(personArb(ids))],
    prev: true,
    fields: () => ({
      title: textArb(0, 160),
      team: textArb(0, 160),
      effectiveOn: fc.oneof(dateArb, fc.constantFrom("", "2026-02-30")),
      basedOnTitle: textArb(0, 160),
      basedOnTeam: textArb(0, 160),
    }),
  },
  "app/(app)/people/[id]/actions.ts#adoptTimelineTitleAction": { lead: (ids) => [leadArg(personArb(ids))], prev: true, fields: () => ({}) },
  // Access: never Maya, Eli or Ada (the fuzzing sessions), whose roles the other specs rely on.
  "app/(app)/people/[id]/actions.ts#changeAccessAction": {
    lead: (ids) => [leadArg(fc.constantFrom(ids.person.hiro!, ids.person.hank!, ids.person.kira!, "not-a-uuid", ids.org.acme))],
    prev: true,
    fields: () => ({ role: enumArb("member", "admin", "owner", "") }),
  },
  // Deactivation ends the person's sessions: never Maya, Eli or Ada (the fuzzing sessions).
  "app/(app)/people/[id]/actions.ts#deactivateAction": {
    lead: (ids) => [leadArg(fc.constantFrom(ids.person.hiro!, ids.person.hank!, ids.person.kira!, "not-a-uuid", ids.org.acme))],
    prev: true,
    fields: () => ({}),
  },
  // Reactivation ends the person's older sessions too: the same people as above.
  "app/(app)/people/[id]/actions.ts#reactivateAction": {
    lead: (ids) => [leadArg(fc.constantFrom(ids.person.hiro!, ids.person.hank!, ids.person.kira!, "not-a-uuid", ids.org.acme))],
    prev: true,
    fields: () => ({}),
  },

  // 1:1s.
  "app/(app)/one-on-ones/actions.ts#addAgendaAction": { prev: true, fields: (ids) => ({ meetingId: idOf(ids, "meeting"), body: textArb(0, 600), suggestionKey: fc.oneof(textArb(0, 60), fc.constant("role_stale")) }) },
  "app/(app)/one-on-ones/actions.ts#agendaItemAction": { prev: true, fields: (ids) => ({ meetingId: idOf(ids, "meeting"), itemId: idOf(ids, "agendaItem"), op: enumArb("up", "down", "done", "undone", "delete"), version: versionArb }) },
  "app/(app)/one-on-ones/actions.ts#bringTalkingPointsAction": { prev: true, fields: (ids) => ({ meetingId: idOf(ids, "meeting") }) },
  "app/(app)/one-on-ones/actions.ts#editAgendaAction": { prev: true, fields: (ids) => ({ meetingId: idOf(ids, "meeting"), itemId: idOf(ids, "agendaItem"), body: textArb(0, 600), version: versionArb }) },
  "app/(app)/one-on-ones/actions.ts#addActionItemAction": {
    prev: true,
    fields: (ids) => ({ meetingId: idOf(ids, "meeting"), body: textArb(0, 600), ownerId: personArb(ids, ["eli", "maya"]), dueOn: fc.oneof(dateArb, fc.constantFrom("", "2026-13-01")) }),
  },
  "app/(app)/one-on-ones/actions.ts#actionItemAction": { prev: true, fields: (ids) => ({ meetingId: idOf(ids, "meeting"), itemId: idOf(ids, "actionItem"), op: enumArb("done", "undone", "delete"), version: versionArb }) },
  "app/(app)/one-on-ones/actions.ts#editActionItemAction": {
    prev: true,
    fields: (ids) => ({ meetingId: idOf(ids, "meeting"), itemId: idOf(ids, "actionItem"), body: textArb(0, 600), ownerId: personArb(ids, ["eli", "maya"]), dueOn: fc.oneof(dateArb, fc.constantFrom("", "2026-13-01")), version: versionArb }),
  },
  "app/(app)/one-on-ones/actions.ts#checkInAction": {
    prev: true,
    fields: (ids) => ({ meetingId: idOf(ids, "meeting"), energy: fc.oneof(intArb(1, 5), fc.constant("")), meaningful: textArb(0, 300), goingThroughMotions: textArb(0, 300), learnNext: textArb(0, 300) }),
  },
  "app/(app)/one-on-ones/actions.ts#changeMeetingAction": {
    prev: true,
    fields: (ids) => ({ meetingId: idOf(ids, "meeting"), op: enumArb("hold", "cancel", "reschedule"), scheduledAt: fc.oneof(dateTimeArb, fc.constantFrom("", "2026-02-30T10:00")), version: versionArb }),
  },
  "app/(app)/one-on-ones/actions.ts#scheduleAction": { prev: true, fields: (ids) => ({ personId: personArb(ids), scheduledAt: fc.oneof(dateTimeArb, fc.constantFrom("", "tomorrow")) }) },
  "app/(app)/one-on-ones/actions.ts#cadenceAction": { prev: true, fields: (ids) => ({ personId: personArb(ids), cadence: enumArb("7", "14", "30", "default") }) },

  // Pulse and "I feel stuck".
  "components/pulse/actions.ts#submitPulseAction": { prev: true, fields: () => ({ ...zodFields(meetingSchemas.pulseSchema, () => []), comment: textArb(0, 300) }) },
  "components/stuck/actions.ts#raiseStuckAction": { prev: true, fields: () => ({ message: textArb(0, 300), includeSkipLevel: fc.constantFrom("on", "off", ""), includeHr: fc.constantFrom("on", "true", "") }) },
  "components/stuck/actions.ts#withdrawStuckAction": { prev: true, fields: (ids) => ({ id: idOf(ids, "stuckSignal") }) },
  "components/stuck/actions.ts#acknowledgeStuckAction": {
    prev: true,
    fields: (ids) => ({ id: idOf(ids, "stuckSignal"), choice: enumArb("Talk in our next 1:1", "Meet to talk it through", "Explore a rotation", "Find a stretch assignment", "other"), other: textArb(0, 600) }),
  },

  // Organization administration.
  "app/(app)/settings/actions.ts#saveSettingsAction": {
    prev: true,
    fields: () => ({
      roleNoticeMonths: intArb(1, 120),
      roleWarningMonths: intArb(1, 120),
      defaultCadenceDays: intArb(1, 90),
      pulseAlertScore: intArb(1, 5),
      learningGapMonths: intArb(1, 120),
      stuckAckDays: intArb(1, 60),
      version: versionArb,
    }),
  },
  "app/(app)/admin/people/actions.ts#inviteAction": {
    prev: true,
    fields: () => ({ email: fc.oneof(fc.integer({ min: 0, max: 1e6 }).map((n) => `fuzz-${n}@example.org`), textArb(0, 100)), name: textArb(0, 150), role: enumArb("member", "admin") }),
  },
  "app/(app)/admin/people/actions.ts#revokeInvitationAction": {
    prev: true,
    fields: () => ({ id: fc.oneof(fc.uuid(), textArb(0, 60)) }),
  },
  "app/(app)/admin/people/actions.ts#importAction": {
    prev: true,
    fields: () => ({
      intent: enumArb("preview", "import"),
      csv: fc.oneof(
        fc.constantFrom(
          "email,name,title,team,manager_email\nfuzz-import@example.org,Fuzz Import,Engineer,Platform,maya@acme.example\n",
          "email,name,title,team,manager_email\neli@acme.example,Eli Employee,Engineer,Platform,hank@globex.example\n",
          "email,name,role\nnew-admin@example.org,Root,admin\n",
          'email,name\n"unterminated,quote\n',
          "",
        ),
        textArb(0, 300),
      ),
    }),
  },
};

// ------------------------------------------------------------------ request shapes

const EXTRA = (ids: Ids): fc.Arbitrary<Record<string, string>> =>
  fc.record(
    {
      orgId: fc.constantFrom(ids.org.globex, ids.org.acme),
      personId: fc.constantFrom(ids.person.gus!, ids.person.hank!, ids.person.maya!),
      authorId: fc.constantFrom(ids.person.eli!, ids.person.hank!),
      role: fc.constantFrom("admin", "owner"),
      version: fc.constantFrom("99", "-1", "0"),
      createdAt: fc.constant("2001-01-01T00:00:00Z"),
      status: fc.constantFrom("acknowledged", "done", "active"),
      managerId: fc.constantFrom(ids.person.eli!, ids.person.hank!),
      userId: fc.uuid(),
      __proto__: fc.constant('{"role":"admin"}'),
      $ACTION_ID_x: fc.constant("1"),
    },
    { requiredKeys: [] },
  );
const WRONG: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("", " ", "null", "undefined", "[]", "{}", '{"$gt":""}', "true", "-1", "1e309", "NaN", "2026-02-30", "\u0000", "a\u0000b", "\ud800", "‮evil", "<script>alert(1)</script>"),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.constant("ß🚀a".repeat(25_000)),
);

type Call = { actor: Actor; args: ActionArg[]; label: string };

function callArb(key: string, spec: Spec, ids: Ids): fc.Arbitrary<Call> {
  const fields = spec.fields(ids);
  const valid: fc.Arbitrary<Record<string, string>> = fc.record(fields, { requiredKeys: Object.keys(fields) });
  const keysOf = Object.keys(fields);
  const form: fc.Arbitrary<{ form: Record<string, string> | ActionArg; kind: string; raw?: boolean }> = fc.oneof(
    { weight: 6, arbitrary: valid.map((f) => ({ form: f, kind: "valid" })) },
    { weight: 3, arbitrary: fc.tuple(valid, EXTRA(ids)).map(([f, e]) => ({ form: { ...f, ...e }, kind: `extra ${Object.keys(e).join(",")}` })) },
    {
      weight: 3,
      arbitrary: fc.tuple(valid, WRONG, fc.nat()).map(([f, w, n]) => {
        const k = keysOf.length ? keysOf[n % keysOf.length]! : "x";
        return { form: { ...f, [k]: w }, kind: `wrong ${k}` };
      }),
    },
    { weight: 2, arbitrary: fc.tuple(valid, fc.subarray(keysOf)).map(([f, drop]) => ({ form: Object.fromEntries(Object.entries(f).filter(([k]) => !drop.includes(k))), kind: `missing ${drop.join(",")}` })) },
    { weight: 1, arbitrary: valid.map((f) => ({ form: Object.fromEntries(Object.keys(f).map((k) => [k, "ß🚀a".repeat(25_000)])), kind: "huge" })) },
    // Not FormData at all: a replayed request may send any JSON value where the form goes.
    { weight: 1, arbitrary: fc.constantFrom<ActionArg>(null, "x", 7, true).map((v) => ({ form: v, kind: `form is ${JSON.stringify(v)}` })) },
    // The fields as a plain JSON object instead of FormData.
    { weight: 1, arbitrary: valid.map((f) => ({ form: f as unknown as ActionArg, kind: "form is a JSON object", raw: true })) },
  );
  const lead = spec.lead ? fc.tuple(...spec.lead(ids)) : fc.constant([] as ActionArg[]);
  const prevArb = fc.oneof({ weight: 6, arbitrary: fc.constant<ActionArg>(null) }, { weight: 1, arbitrary: fc.constantFrom<ActionArg>("x", 1) });
  const actors = spec.actors ?? (["maya", "eli", "ada"] as Actor[]);
  return fc.record({ actor: fc.constantFrom(...actors), lead, prev: prevArb, form }).map(({ actor, lead, prev, form }) => {
    const formArg: ActionArg = form.form && typeof form.form === "object" && !form.raw ? { form: form.form as Record<string, string> } : (form.form as ActionArg);
    const args: ActionArg[] = spec.noForm ? [] : [...lead, ...(spec.prev === false ? [] : [prev]), formArg];
    return { actor, args, label: `${key} as ${actor}, ${form.kind}, lead ${JSON.stringify(lead).slice(0, 80)}` };
  });
}

// ------------------------------------------------------------------ checks

const STACK = /\n\s+at [^\n]+[(:]\d+|node_modules|\/work\/|\.tsx?:\d+|webpack-internal|Error: [^"\n]*\n\s+at /;

/** A normal action response: a redirect, or 200 carrying an ActionState (or nothing, for form actions returning void). */
function problem(r: ActionResult): string | null {
  if (STACK.test(r.text)) return "stack trace or file path in the body";
  // A redirect() inside the action (200/303), or the proxy sending a signed-out caller to /login (307).
  if (r.redirect) return [200, 303].includes(r.status) || (r.status === 307 && r.redirect.startsWith("/login")) ? null : `redirect with HTTP ${r.status} to ${r.redirect}`;
  if (r.status !== 200) return `HTTP ${r.status}`;
  const v = r.value as { ok?: unknown; code?: unknown; error?: unknown } | null | undefined;
  if (v === null || v === undefined) return null;
  if (typeof v !== "object") return `unexpected action value ${JSON.stringify(v).slice(0, 80)}`;
  if ("ok" in v && v.ok === false) {
    if (v.code === "internal") return `internal error: ${String(v.error)}`;
    if (typeof v.error !== "string") return "error state without a message";
  }
  return null;
}

// ------------------------------------------------------------------ setup

let ids: Ids;
let sessions: Record<Actor, HttpSession>;
let manifest: ManifestAction[];

async function loadIds(): Promise<Ids> {
  return withE2eSql(async (sql) => {
    const orgs = await sql<{ slug: string; id: string }[]>`select slug, id from organizations where slug in ('acme', 'globex')`;
    const org = Object.fromEntries(orgs.map((o) => [o.slug, o.id])) as Ids["org"];
    const people = await sql<{ email: string; id: string }[]>`select lower(u.email) as email, m.id from memberships m join users u on u.id = m.user_id`;
    const person = Object.fromEntries(people.map((p) => [p.email.split("@")[0]!, p.id]));
    const pick = async (orgId: string, prefer: string) => {
      const out = {} as Record<Kind, string[]>;
      for (const [kind, table] of Object.entries(TABLES) as [Kind, string][]) {
        const owner = ["agenda_items", "action_items"].includes(table) ? "(select report_id from meetings mt where mt.id = t.meeting_id)" : table === "meetings" ? "t.report_id" : "t.person_id";
        const found = await sql.unsafe<{ id: string }[]>(`select t.id::text as id from ${table} t where t.org_id = $1 order by (${owner} = $2) desc, t.id limit 4`, [orgId, prefer]);
        out[kind] = found.length ? found.map((r) => r.id) : ["00000000-0000-4000-8000-000000000000"];
      }
      return out;
    };
    const [m] = await sql<{ id: string }[]>`select id from meetings where report_id = ${person.eli!} and status = 'scheduled'`;
    return { org, person, acme: await pick(org.acme, person.eli!), globex: await pick(org.globex, person.hank!), eliMeeting: m!.id };
  });
}

test.beforeAll(async ({ baseURL }) => {
  await resetDemoData();
  manifest = readActionManifest(REPO);
  ids = await loadIds();
  sessions = {
    maya: await signInHttp(baseURL!, "maya@acme.example"),
    eli: await signInHttp(baseURL!, "eli@acme.example"),
    ada: await signInHttp(baseURL!, "ada@acme.example"),
    jonah: await signInHttp(baseURL!, "jonah@acme.example"),
    anon: httpClient(baseURL!),
  };
});

// Leave the demo data (and the sign-in rate limit the login fuzzing fed) as other specs expect it.
test.afterAll(async () => {
  await resetDemoData();
});

test("every server action answers generated and hostile input with a normal action response, and writes no extra field", async () => {
  test.setTimeout(90_000);
  const byKey = new Map(manifest.map((a) => [`${a.filename}#${a.exportedName}`, a]));
  // A new action without a fuzz spec fails here, and so does a stale spec.
  const notFuzzed = [...byKey.keys()].filter((k) => !(k in SPECS));
  expect(notFuzzed, `server actions not fuzzed (add them to SPECS): ${notFuzzed.join(", ")}`).toEqual([]);
  expect(Object.keys(SPECS).filter((k) => !byKey.has(k)), "fuzz specs of actions missing from the build").toEqual([]);

  const snapshot = await withE2eSql(async (sql) => ({
    admins: await sql<{ id: string }[]>`select m.id from memberships m where m.role = 'admin' order by 1`,
    members: await sql<{ id: string; org_id: string; role: string }[]>`select id, org_id, role from memberships order by id`,
    startedAt: ((await sql<{ t: string }[]>`select now()::text as t`)[0]!).t,
  }));

  const failures: string[] = [];
  const statuses = new Map<string, number>();
  let calls = 0;
  for (const [key, spec] of Object.entries(SPECS)) {
    if (process.env.ACTION_FUZZ_ONLY && !key.includes(process.env.ACTION_FUZZ_ONLY)) continue;
    const action = byKey.get(key)!;
    const page = spec.page ? spec.page(ids) : pagePath(action.pages[0]!, { id: action.pages[0]!.includes("one-on-ones/[id]") ? ids.eliMeeting : ids.person.eli! });
    const runs = key.endsWith("#signOutAction") || key.endsWith("#signOutEverywhereAction") ? 3 : RUNS;
    const out = await fc.check(
      fc.asyncProperty(callArb(key, spec, ids), async (c) => {
        const r = await callServerAction(sessions[c.actor], action.id, page, c.args);
        calls++;
        const outcome = r.redirect ? `redirect ${new URL(r.redirect, "http://x").pathname.split("/")[1]}` : `${r.status} ${(r.value as { ok?: boolean; code?: string } | null)?.ok ? "ok" : ((r.value as { code?: string } | null)?.code ?? "void")}`;
        statuses.set(outcome, (statuses.get(outcome) ?? 0) + 1);
        const p = problem(r);
        if (p) throw new Error(`${c.label} → ${p}: ${r.text.slice(0, 300)}`);
      }),
      { numRuns: runs, seed: SEED, endOnFailure: true },
    );
    if (out.failed) failures.push(`${key}: ${String((out.errorInstance as Error | undefined)?.message ?? out.errorInstance).split("\n")[0]}`);
  }
  console.log(`action-fuzz: ${calls} calls over ${Object.keys(SPECS).length} actions; outcomes ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
  expect(failures, failures.join("\n")).toEqual([]);
  expect([...statuses.keys()].some((k) => k.endsWith(" ok")), "some calls must reach the domain code and succeed").toBe(true);

  // A body over the server-action limit (3 MB) is refused with 413, not a 500.
  const addAgenda = byKey.get("app/(app)/one-on-ones/actions.ts#addAgendaAction")!;
  const tooBig = await callServerAction(sessions.maya, addAgenda.id, `/one-on-ones/${ids.eliMeeting}`, [null, { form: { meetingId: ids.eliMeeting, body: "x".repeat(3.5 * 1024 * 1024) } }]);
  expect(tooBig.status, tooBig.text.slice(0, 200)).toBe(413);
  expect(tooBig.text).not.toMatch(STACK);

  // Extra fields were never written: records stayed in their organization and on their person, no role changed.
  await withE2eSql(async (sql) => {
    expect(await sql`select m.id from memberships m where m.role = 'admin' order by 1`).toEqual(snapshot.admins);
    const acmeAdmins = await sql`select 1 from memberships where role = 'admin' and org_id = ${ids.org.acme}`;
    expect(acmeAdmins).toHaveLength(1);
    const members = await sql<{ id: string; org_id: string; role: string }[]>`select id, org_id, role from memberships where id = any(${snapshot.members.map((m) => m.id)}::uuid[]) order by id`;
    expect(members).toEqual(snapshot.members);
    for (const table of ["stretch_goals", "skills", "learning_items", "connections", "wins", "role_events", "rotations", "stuck_signals", "pulse_checkins", "purpose_statements"]) {
      expect(await sql.unsafe(`select t.id from ${table} t join memberships m on m.id = t.person_id where m.org_id <> t.org_id`), table).toHaveLength(0);
      // A supplied createdAt ("2001-01-01") was never stored.
      expect(await sql.unsafe(`select id from ${table} where created_at < '2002-01-01'`), `${table} created_at`).toHaveLength(0);
    }
    for (const table of ["notes", "agenda_items", "action_items"]) {
      expect(await sql.unsafe(`select t.id from ${table} t join meetings mt on mt.id = t.meeting_id where mt.org_id <> t.org_id`), table).toHaveLength(0);
    }
    // Pulses and stuck signals are always the caller's own: those written during the run belong to the three callers, in Acme.
    const callers = [ids.person.maya!, ids.person.eli!, ids.person.ada!];
    for (const table of ["stuck_signals", "pulse_checkins"]) {
      const written = await sql.unsafe<{ person_id: string; org_id: string }[]>(`select person_id::text, org_id::text from ${table} where created_at >= $1::timestamptz`, [snapshot.startedAt]);
      for (const w of written) expect(callers.includes(w.person_id) && w.org_id === ids.org.acme, `${table} ${JSON.stringify(w)}`).toBe(true);
    }
    expect(await sql`select id from stuck_signals where org_id = ${ids.org.globex} and person_id <> ${ids.person.hank!}`).toHaveLength(0);
    // Globex kept no admin and its people stayed Globex's.
    expect(await sql`select 1 from memberships where role = 'admin' and org_id = ${ids.org.globex}`).toHaveLength(0);
  });
});
