/**
 * Every HTTP entry point of the app (each `app/api/v1/**\/route.ts` method
 * and each server action), mapped to the access-matrix cells it serves, with
 * how to build the request for Eli's record. Entry points that cannot name
 * another person's record are classified instead ("own-only", "public",
 * "not-person-scoped") with the reason.
 *
 * tests/unit/access-entry-points.test.ts enumerates the route files on disk and
 * tests/e2e/access-matrix.spec.ts the build's server-action manifest; both
 * fail on an entry point missing here, so a new route needs a matrix row.
 */
import type { ActionArg, FormArg } from "../helpers/server-actions";
import type { Actor, MatrixAction, MatrixResource, Outcome } from "./matrix";

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
export const METHODS: Method[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/** The records of the matrix fixture (tests/access/fixture.ts), by id. */
export type MatrixIds = {
  orgId: string;
  eli: string;
  maya: string;
  omar: string;
  currentMeeting: string;
  oldMeeting: string;
  privateNote: string;
  oldPrivateNote: string;
  stuckPrivate: string;
  stuckShared: string;
};

/** Throwaway records for writes, so a write never changes what a later cell reads. */
export interface Fresh {
  roleEvent(): Promise<Row>;
  rotation(): Promise<Row>;
  goal(): Promise<Row>;
  learning(): Promise<Row>;
  connection(): Promise<Row>;
  skill(): Promise<Row>;
  win(): Promise<Row>;
  /** A scheduled 1:1 of Eli with the given manager (the cell's meeting manager). */
  meeting(managerId: string): Promise<Row>;
  agendaItem(meetingId: string): Promise<Row>;
  actionItem(meetingId: string): Promise<Row>;
  note(meetingId: string, visibility: "shared" | "private", authorId: string): Promise<Row>;
  stuckSignal(shared: boolean): Promise<Row>;
  /** Removes Eli's pulse for this week, so a permitted weekly pulse is not a 409. */
  clearEliPulseThisWeek(): Promise<void>;
  /** Acme's organization settings (version included). */
  acmeSettings(): Promise<Record<string, number>>;
  /** Whether an agenda item / action item is done now (for form actions that return nothing). */
  agendaItemDone(id: string): Promise<boolean>;
  actionItemDone(id: string): Promise<boolean>;
  /** The version a meeting has now (a check-in carries the version it was based on). */
  meetingVersion(id: string): Promise<number>;
  /** The version of Eli's purpose now (0 when none). */
  eliPurposeVersion(): Promise<number>;
  /** Eli's current title and team. */
  eliTitleTeam(): Promise<{ title: string; team: string }>;
  /** Whether an invitation for this email exists in Acme. */
  acmeInvited(email: string): Promise<boolean>;
  /** A pending invitation in Acme. */
  invitation(): Promise<Row>;
}
export type Row = { id: string; version: number };

export type EntryCtx = {
  actor: Actor;
  resource: MatrixResource;
  action: MatrixAction;
  ids: MatrixIds;
  /** The cell's meeting: the current Maya–Eli 1:1, or for the former manager the old Omar–Eli one. */
  meeting: string;
  meetingManager: string;
  fresh: Fresh;
  /** Per-request scratch space: what a request builder created, for its judge. */
  memo: Record<string, string>;
};

export type HttpRequest = { method: Method; path: string; body?: unknown; query?: Record<string, string> };

export type { ActionArg, FormArg };
export const form = (fields: Record<string, string>): FormArg => ({ form: fields });

/** What the request produced: the HTTP status (or action state) turned into an outcome, plus the body for judges. */
export type Observed = { outcome: Outcome | string; status: number; text: string; json?: unknown };
/** Refines the status-based outcome (e.g. a list that must (not) contain Eli's record). */
export type Judge = (o: Observed, c: EntryCtx) => Outcome | string | Promise<Outcome | string>;

type CellSpec = { resource: MatrixResource; action: MatrixAction };

type Common = {
  cells: CellSpec[];
  /**
   * Where the entry point is narrower than the matrix cell (never wider): the
   * outcome the entry point must give, with the reason. E.g. the 1:1 cadence is
   * the manager's setting although the employee may write the meeting.
   */
  narrower?: { actors: Partial<Record<Actor, Outcome>>; reason: string };
  judge?: Judge;
  /** Runs after every other request (it ends sessions or deactivates Eli). */
  last?: boolean;
};

export type RouteEntry = Common & {
  kind: "route";
  /** Route path as on disk, e.g. "/api/v1/people/[id]". */
  route: string;
  method: Method;
  /** A second use of the same route and method (e.g. `?format=csv`), named. */
  variant?: string;
  request: (c: EntryCtx) => HttpRequest | Promise<HttpRequest>;
};

export type ActionEntry = Common & {
  kind: "action";
  /** The file exporting it (the manifest's filename) and the export. */
  file: string;
  name: string;
  args: (c: EntryCtx) => ActionArg[] | Promise<ActionArg[]>;
  /** Page path hosting the action; default: the manifest's first worker with ids filled in. */
  page?: (c: EntryCtx) => string;
  /**
   * The action returns nothing (a plain form action): the outcome is read from
   * its effect in the database instead (true = it happened = allowed; false =
   * refused, which matches any expected 401/403/404).
   */
  effect?: (c: EntryCtx) => Promise<boolean>;
};

/** Signed-in pages that read a matrix cell (extra HTTP evidence; not part of the coverage enumeration). */
export type PageEntry = Common & { kind: "page"; path: (c: EntryCtx) => string };

export type Classified = {
  kind: "route" | "action";
  key: string; // "POST /api/v1/me/stuck-signals" or "app/(app)/shell-actions.ts#signOutAction"
  classification: "own-only" | "public" | "not-person-scoped";
  reason: string;
};

export type Entry = RouteEntry | ActionEntry | PageEntry;

export const routeKey = (e: { method: string; route: string }) => `${e.method} ${e.route}`;
export const actionKey = (e: { file: string; name: string }) => `${e.file}#${e.name}`;

// ---------------------------------------------------------------- judges

/** A list answered 200: allowed only if Eli's record is in it, otherwise it was hidden (404). */
const listContains =
  (pick: (c: EntryCtx) => string): Judge =>
  (o, c) =>
    o.outcome === "allow" ? (o.text.includes(pick(c)) ? "allow" : 404) : o.outcome;

/**
 * GET /people/{id} answers the directory entry; flags only when the viewer may
 * read them, and never a flag derived from pulse answers for someone who may
 * not read the pulse (skip-level, admin).
 */
const flagsPresent: Judge = (o, c) => {
  if (o.outcome !== "allow") return o.outcome;
  const flags = (o.json as { flags?: { code: string }[] } | undefined)?.flags;
  if (!Array.isArray(flags)) return 404;
  if (c.actor !== "self" && c.actor !== "manager" && flags.some((f) => f.code === "pulse_worsening")) return "leak: pulse_worsening flag";
  return "allow";
};

/**
 * Organization-level records are addressed through the viewer's active
 * organization; the request carries Acme's org cookie. Another organization's
 * member is answered about their own organization, which is correct only if
 * nothing of Acme shows or changes.
 */
const otherOrg = (c: EntryCtx) => c.actor === "otherOrgAdmin" || c.actor === "otherOrgMember";
const acmeOnly: Judge = async (o, c) => {
  if (o.outcome !== "allow" || !otherOrg(c)) return o.outcome;
  // Acme's name, its people's names or ids (not "@acme.example", which the import form's example uses).
  const acme = [/Acme Robotics/, /Eli Employee/, /Ada Admin/, /Maya Manager/, /Dana Director/];
  return acme.some((re) => re.test(o.text)) || o.text.includes(c.ids.orgId) || o.text.includes(c.ids.eli) ? "allow" : 404;
};

const today = () => new Date().toISOString().slice(0, 10);
/** A time `d` days ahead in a minute of its own: each actor allowed to schedule or reschedule puts a 1:1 there, and a pair's second 1:1 in one minute is refused as a duplicate. */
let scheduled = 0;
const newSlot = (d: number) => new Date(Date.now() + d * 86_400_000 + ++scheduled * 60_000).toISOString();
const shared = (c: EntryCtx) => c.resource === "stuckSignalShared";
const stuckId = (c: EntryCtx) => (shared(c) ? c.ids.stuckShared : c.ids.stuckPrivate);
const eliPage = (c: EntryCtx) => `/people/${c.ids.eli}`;

const plan = (action: MatrixAction): CellSpec[] => [{ resource: "plan", action }];
const roleHistory = (action: MatrixAction): CellSpec[] => [{ resource: "roleHistory", action }];
const meeting = (action: MatrixAction): CellSpec[] => [{ resource: "meeting", action }];
const stuck = (action: MatrixAction): CellSpec[] => [
  { resource: "stuckSignal", action },
  { resource: "stuckSignalShared", action },
];

// ---------------------------------------------------------------- API routes

type PlanKind = "goal" | "learning" | "connection" | "skill" | "win";
let skillSeq = 0;
const planCreate: Record<PlanKind, { collection: string; body: (c: EntryCtx) => unknown; form: (c: EntryCtx) => Record<string, string> }> = {
  goal: {
    collection: "stretch-goals",
    body: () => ({ title: "Matrix goal", category: "mentoring" }),
    form: () => ({ title: "Matrix goal", category: "mentoring" }),
  },
  learning: {
    collection: "learning",
    body: () => ({ kind: "book", title: "Matrix book" }),
    form: () => ({ kind: "book", title: "Matrix book" }),
  },
  connection: {
    collection: "connections",
    body: () => ({ kind: "mentor", name: "Matrix mentor" }),
    form: () => ({ kind: "mentor", name: "Matrix mentor" }),
  },
  skill: {
    collection: "skills",
    // A person lists a skill once: every permitted create names a new one.
    body: () => ({ name: `Matrix skill ${++skillSeq}`, status: "want_to_build" }),
    form: () => ({ name: `Matrix skill ${++skillSeq}`, status: "want_to_build" }),
  },
  win: {
    collection: "wins",
    body: () => ({ title: "Matrix win", occurredOn: today(), linksPurpose: true }),
    form: () => ({ title: "Matrix win", occurredOn: today(), link: "purpose" }),
  },
};
const planRowPath: Record<PlanKind, string> = { goal: "stretch-goals", learning: "learning", connection: "connections", skill: "skills", win: "wins" };
const planPatch: Record<PlanKind, () => Record<string, unknown>> = {
  goal: () => ({ title: "Matrix goal, renamed" }),
  learning: () => ({ title: "Matrix book, renamed" }),
  connection: () => ({ purpose: "Matrix purpose" }),
  skill: () => ({ name: `Matrix skill ${++skillSeq}, renamed` }),
  win: () => ({ title: "Matrix win, renamed" }),
};

const planRoutes: RouteEntry[] = (Object.keys(planCreate) as PlanKind[]).flatMap((k): RouteEntry[] => [
  { kind: "route", method: "GET", route: `/api/v1/people/[id]/${planCreate[k].collection}`, cells: plan("read"), request: (c) => ({ method: "GET", path: `/api/v1/people/${c.ids.eli}/${planCreate[k].collection}` }) },
  { kind: "route", method: "POST", route: `/api/v1/people/[id]/${planCreate[k].collection}`, cells: plan("write"), request: (c) => ({ method: "POST", path: `/api/v1/people/${c.ids.eli}/${planCreate[k].collection}`, body: planCreate[k].body(c) }) },
  {
    kind: "route",
    method: "PATCH",
    route: `/api/v1/${planRowPath[k]}/[id]`,
    cells: plan("write"),
    request: async (c) => {
      const r = await c.fresh[k]();
      return { method: "PATCH", path: `/api/v1/${planRowPath[k]}/${r.id}`, body: { version: r.version, ...planPatch[k]() } };
    },
  },
  {
    kind: "route",
    method: "DELETE",
    route: `/api/v1/${planRowPath[k]}/[id]`,
    cells: plan("write"),
    request: async (c) => {
      const r = await c.fresh[k]();
      return { method: "DELETE", path: `/api/v1/${planRowPath[k]}/${r.id}`, query: { version: String(r.version) } };
    },
  },
]);

export const ROUTES: RouteEntry[] = [
  // directory and flags
  {
    kind: "route",
    method: "GET",
    route: "/api/v1/people",
    cells: [{ resource: "directory", action: "read" }],
    judge: listContains((c) => c.ids.eli),
    narrower: {
      actors: { formerManager: 404 },
      reason: "a manager's API list is their own subtree (with radar flags), not the whole directory; Eli's entry stays readable at GET /api/v1/people/{id}",
    },
    request: () => ({ method: "GET", path: "/api/v1/people", query: { limit: "200" } }),
  },
  {
    kind: "route",
    method: "GET",
    route: "/api/v1/people/[id]",
    cells: [
      { resource: "directory", action: "read" },
      { resource: "flags", action: "read" },
    ],
    judge: (o, c) => (c.resource === "flags" ? flagsPresent(o, c) : o.outcome),
    request: (c) => ({ method: "GET", path: `/api/v1/people/${c.ids.eli}` }),
  },

  // role history and rotations
  { kind: "route", method: "GET", route: "/api/v1/people/[id]/role-events", cells: roleHistory("read"), request: (c) => ({ method: "GET", path: `/api/v1/people/${c.ids.eli}/role-events` }) },
  { kind: "route", method: "POST", route: "/api/v1/people/[id]/role-events", cells: roleHistory("write"), request: (c) => ({ method: "POST", path: `/api/v1/people/${c.ids.eli}/role-events`, body: { type: "scope_change", effectiveOn: today(), description: "Matrix scope" } }) },
  { kind: "route", method: "GET", route: "/api/v1/role-events/[id]", cells: roleHistory("read"), request: async (c) => ({ method: "GET", path: `/api/v1/role-events/${(await c.fresh.roleEvent()).id}` }) },
  {
    kind: "route",
    method: "PATCH",
    route: "/api/v1/role-events/[id]",
    cells: roleHistory("write"),
    request: async (c) => {
      const r = await c.fresh.roleEvent();
      return { method: "PATCH", path: `/api/v1/role-events/${r.id}`, body: { version: r.version, description: "Matrix edit" } };
    },
  },
  {
    kind: "route",
    method: "DELETE",
    route: "/api/v1/role-events/[id]",
    cells: roleHistory("write"),
    request: async (c) => {
      const r = await c.fresh.roleEvent();
      return { method: "DELETE", path: `/api/v1/role-events/${r.id}`, query: { version: String(r.version) } };
    },
  },
  { kind: "route", method: "GET", route: "/api/v1/people/[id]/rotations", cells: roleHistory("read"), request: (c) => ({ method: "GET", path: `/api/v1/people/${c.ids.eli}/rotations` }) },
  {
    kind: "route",
    method: "POST",
    route: "/api/v1/people/[id]/rotations",
    cells: roleHistory("write"),
    request: (c) => ({ method: "POST", path: `/api/v1/people/${c.ids.eli}/rotations`, body: { host: "Matrix team", startOn: today(), status: "planned", learningGoal: "" } }),
  },
  { kind: "route", method: "GET", route: "/api/v1/rotations/[id]", cells: roleHistory("read"), request: async (c) => ({ method: "GET", path: `/api/v1/rotations/${(await c.fresh.rotation()).id}` }) },
  {
    kind: "route",
    method: "PATCH",
    route: "/api/v1/rotations/[id]",
    cells: roleHistory("write"),
    request: async (c) => {
      const r = await c.fresh.rotation();
      return { method: "PATCH", path: `/api/v1/rotations/${r.id}`, body: { version: r.version, learningGoal: "Matrix goal" } };
    },
  },
  {
    kind: "route",
    method: "DELETE",
    route: "/api/v1/rotations/[id]",
    cells: roleHistory("write"),
    request: async (c) => {
      const r = await c.fresh.rotation();
      return { method: "DELETE", path: `/api/v1/rotations/${r.id}`, query: { version: String(r.version) } };
    },
  },

  // growth plan
  { kind: "route", method: "GET", route: "/api/v1/people/[id]/plan", cells: plan("read"), request: (c) => ({ method: "GET", path: `/api/v1/people/${c.ids.eli}/plan` }) },
  // The connection picker's search: for those who may add to the plan.
  { kind: "route", method: "GET", route: "/api/v1/people/[id]/connectable", cells: plan("write"), request: (c) => ({ method: "GET", path: `/api/v1/people/${c.ids.eli}/connectable`, query: { q: "a" } }) },
  {
    kind: "route",
    method: "GET",
    route: "/api/v1/people/[id]/plan",
    variant: "export",
    cells: plan("read"),
    narrower: { actors: { manager: 403, skipLevel: 403 }, reason: "exporting a plan (a download of all of it) is for the person alone; the manager and skip-level read it on its page" },
    request: (c) => ({ method: "GET", path: `/api/v1/people/${c.ids.eli}/plan`, query: { format: "csv" } }),
  },
  { kind: "route", method: "GET", route: "/api/v1/people/[id]/purpose", cells: plan("read"), request: (c) => ({ method: "GET", path: `/api/v1/people/${c.ids.eli}/purpose` }) },
  { kind: "route", method: "PUT", route: "/api/v1/people/[id]/purpose", cells: plan("write"), request: async (c) => ({ method: "PUT", path: `/api/v1/people/${c.ids.eli}/purpose`, body: { drewMe: "Matrix why", impact: "", worthEffort: "", version: await c.fresh.eliPurposeVersion() } }) },
  ...planRoutes,
  {
    kind: "route",
    method: "POST",
    route: "/api/v1/stretch-goals/[id]/updates",
    cells: plan("write"),
    request: async (c) => {
      const g = await c.fresh.goal();
      return { method: "POST", path: `/api/v1/stretch-goals/${g.id}/updates`, body: { body: "Matrix progress", progress: 10, version: g.version } };
    },
  },

  // 1:1 meetings
  { kind: "route", method: "GET", route: "/api/v1/meetings/[id]", cells: meeting("read"), request: (c) => ({ method: "GET", path: `/api/v1/meetings/${c.meeting}` }) },
  {
    kind: "route",
    method: "PATCH",
    route: "/api/v1/meetings/[id]",
    cells: meeting("write"),
    request: async (c) => {
      const m = await c.fresh.meeting(c.meetingManager);
      return { method: "PATCH", path: `/api/v1/meetings/${m.id}`, body: { action: "reschedule", scheduledAt: newSlot(5), version: m.version } };
    },
  },
  { kind: "route", method: "GET", route: "/api/v1/people/[id]/meetings", cells: meeting("read"), request: (c) => ({ method: "GET", path: `/api/v1/people/${c.ids.eli}/meetings` }) },
  { kind: "route", method: "POST", route: "/api/v1/people/[id]/meetings", cells: meeting("write"), request: (c) => ({ method: "POST", path: `/api/v1/people/${c.ids.eli}/meetings`, body: { scheduledAt: newSlot(40) } }) },
  { kind: "route", method: "POST", route: "/api/v1/meetings/[id]/agenda-items", cells: meeting("write"), request: (c) => ({ method: "POST", path: `/api/v1/meetings/${c.meeting}/agenda-items`, body: { body: "Matrix talking point" } }) },
  {
    kind: "route",
    method: "PATCH",
    route: "/api/v1/agenda-items/[id]",
    cells: meeting("write"),
    request: async (c) => {
      const item = await c.fresh.agendaItem(c.meeting);
      return { method: "PATCH", path: `/api/v1/agenda-items/${item.id}`, body: { done: true, version: item.version } };
    },
  },
  {
    kind: "route",
    method: "DELETE",
    route: "/api/v1/agenda-items/[id]",
    cells: meeting("write"),
    request: async (c) => {
      const item = await c.fresh.agendaItem(c.meeting);
      return { method: "DELETE", path: `/api/v1/agenda-items/${item.id}`, query: { version: String(item.version) } };
    },
  },
  {
    kind: "route",
    method: "POST",
    route: "/api/v1/meetings/[id]/action-items",
    cells: meeting("write"),
    request: (c) => ({ method: "POST", path: `/api/v1/meetings/${c.meeting}/action-items`, body: { body: "Matrix action", ownerId: c.ids.eli } }),
  },
  {
    kind: "route",
    method: "PATCH",
    route: "/api/v1/action-items/[id]",
    cells: meeting("write"),
    request: async (c) => {
      const item = await c.fresh.actionItem(c.meeting);
      return { method: "PATCH", path: `/api/v1/action-items/${item.id}`, body: { done: true, version: item.version } };
    },
  },
  {
    kind: "route",
    method: "DELETE",
    route: "/api/v1/action-items/[id]",
    cells: meeting("write"),
    request: async (c) => {
      const item = await c.fresh.actionItem(c.meeting);
      return { method: "DELETE", path: `/api/v1/action-items/${item.id}?version=${item.version}` };
    },
  },
  {
    kind: "route",
    method: "POST",
    route: "/api/v1/meetings/[id]/notes",
    // Creating a note is a meeting write (a participant may start their own private
    // note too); the privateNote cells are about the existing note of its author.
    cells: meeting("write"),
    request: (c) => ({ method: "POST", path: `/api/v1/meetings/${c.meeting}/notes`, body: { visibility: "shared", body: "Matrix note" } }),
  },
  {
    kind: "route",
    method: "GET",
    route: "/api/v1/notes/[id]",
    cells: [
      { resource: "privateNote", action: "read" },
      { resource: "meeting", action: "read" },
    ],
    request: async (c) =>
      c.resource === "privateNote"
        ? { method: "GET", path: `/api/v1/notes/${c.actor === "formerManager" ? c.ids.oldPrivateNote : c.ids.privateNote}` }
        : { method: "GET", path: `/api/v1/notes/${(await c.fresh.note(c.meeting, "shared", c.meetingManager)).id}` },
  },
  {
    kind: "route",
    method: "PATCH",
    route: "/api/v1/notes/[id]",
    cells: [
      { resource: "privateNote", action: "write" },
      { resource: "meeting", action: "write" },
    ],
    request: async (c) => {
      const n = await c.fresh.note(c.meeting, c.resource === "privateNote" ? "private" : "shared", c.meetingManager);
      return { method: "PATCH", path: `/api/v1/notes/${n.id}`, body: { body: "Matrix edit", version: n.version } };
    },
  },
  {
    kind: "route",
    method: "DELETE",
    route: "/api/v1/notes/[id]",
    cells: [
      { resource: "privateNote", action: "write" },
      { resource: "meeting", action: "write" },
    ],
    request: async (c) => {
      const n = await c.fresh.note(c.meeting, c.resource === "privateNote" ? "private" : "shared", c.meetingManager);
      return { method: "DELETE", path: `/api/v1/notes/${n.id}`, query: { version: String(n.version) } };
    },
  },

  // pulse
  { kind: "route", method: "GET", route: "/api/v1/people/[id]/check-ins", cells: [{ resource: "pulse", action: "read" }], request: (c) => ({ method: "GET", path: `/api/v1/people/${c.ids.eli}/check-ins` }) },
  {
    kind: "route",
    method: "POST",
    route: "/api/v1/people/[id]/check-ins",
    cells: [{ resource: "pulse", action: "write" }],
    request: async (c) => {
      await c.fresh.clearEliPulseThisWeek();
      return { method: "POST", path: `/api/v1/people/${c.ids.eli}/check-ins`, body: { motivation: 3, skillsUsed: 3, variety: 3, purpose: 3, initiative: 3 } };
    },
  },

  // stuck signals
  { kind: "route", method: "GET", route: "/api/v1/stuck-signals", cells: stuck("read"), judge: listContains(stuckId), request: () => ({ method: "GET", path: "/api/v1/stuck-signals" }) },
  {
    kind: "route",
    method: "POST",
    route: "/api/v1/stuck-signals/[id]/acknowledge",
    cells: stuck("acknowledge"),
    request: async (c) => ({ method: "POST", path: `/api/v1/stuck-signals/${(await c.fresh.stuckSignal(shared(c))).id}/acknowledge`, body: { nextStep: "Explore a rotation" } }),
  },
  {
    kind: "route",
    method: "POST",
    route: "/api/v1/stuck-signals/[id]/withdraw",
    cells: stuck("write"),
    request: async (c) => ({ method: "POST", path: `/api/v1/stuck-signals/${(await c.fresh.stuckSignal(shared(c))).id}/withdraw` }),
  },

  // organization level
  { kind: "route", method: "GET", route: "/api/v1/audit", cells: [{ resource: "auditLog", action: "read" }], judge: acmeOnly, request: () => ({ method: "GET", path: "/api/v1/audit" }) },
];

export const CLASSIFIED: Classified[] = [
  { kind: "route", key: "POST /api/v1/account/password", classification: "own-only", reason: "changes the caller's own password; no other person can be named" },
  { kind: "route", key: "GET /api/v1/me/stuck-signals", classification: "own-only", reason: "lists the caller's own signals (personId = viewer)" },
  { kind: "route", key: "POST /api/v1/me/stuck-signals", classification: "own-only", reason: "raises the caller's own stuck signal; nobody can raise one for someone else" },
  { kind: "action", key: "app/(app)/shell-actions.ts#signOutAction", classification: "own-only", reason: "ends the caller's own session" },
  { kind: "action", key: "app/(app)/account/actions.ts#signOutEverywhereAction", classification: "own-only", reason: "ends every session of the caller's own account" },
  { kind: "action", key: "app/(app)/shell-actions.ts#switchOrgAction", classification: "own-only", reason: "switches only to an organization the caller belongs to" },
  { kind: "action", key: "app/(app)/account/actions.ts#changePasswordAction", classification: "own-only", reason: "changes the caller's own password" },
  { kind: "action", key: "components/pulse/actions.ts#submitPulseAction", classification: "own-only", reason: "always writes the caller's own pulse (viewer.personId)" },
  { kind: "action", key: "components/stuck/actions.ts#raiseStuckAction", classification: "own-only", reason: "raises the caller's own stuck signal" },
  { kind: "route", key: "GET /api/v1/[[...unknown]]", classification: "public", reason: "an address that is not in the API: 404 in the API's JSON shape, reads and writes nothing" },
  { kind: "route", key: "POST /api/v1/[[...unknown]]", classification: "public", reason: "an address that is not in the API: 404 in the API's JSON shape, reads and writes nothing" },
  { kind: "route", key: "PUT /api/v1/[[...unknown]]", classification: "public", reason: "an address that is not in the API: 404 in the API's JSON shape, reads and writes nothing" },
  { kind: "route", key: "PATCH /api/v1/[[...unknown]]", classification: "public", reason: "an address that is not in the API: 404 in the API's JSON shape, reads and writes nothing" },
  { kind: "route", key: "DELETE /api/v1/[[...unknown]]", classification: "public", reason: "an address that is not in the API: 404 in the API's JSON shape, reads and writes nothing" },
  { kind: "action", key: "app/(auth)/login/actions.ts#loginAction", classification: "public", reason: "sign-in form; needs no session" },
  { kind: "action", key: "app/invite/[token]/actions.ts#acceptInviteAction", classification: "public", reason: "the one-time invitation token is the credential" },
  { kind: "action", key: "app/(auth)/login/forgot/actions.ts#requestResetAction", classification: "public", reason: "asks for a link to set a new password; needs no session, answers the same for any address and mails only the address on record" },
  { kind: "action", key: "app/reset/[token]/actions.ts#resetPasswordAction", classification: "public", reason: "the one-time reset token, mailed to the account's address, is the credential" },
];

// ---------------------------------------------------------------- server actions

const ME = "app/(app)/me/actions.ts";
const PEOPLE = "app/(app)/people/[id]/actions.ts";
const ONES = "app/(app)/one-on-ones/actions.ts";
const STUCK = "components/stuck/actions.ts";
const meetingPage = (c: EntryCtx) => `/one-on-ones/${c.meeting}`;

const planActions: ActionEntry[] = [
  { kind: "action", file: ME, name: "savePurposeAction", cells: plan("write"), args: async (c) => [null, form({ personId: c.ids.eli, drewMe: "Matrix why", impact: "", worthEffort: "", version: String(await c.fresh.eliPurposeVersion()) })] },
  ...(Object.keys(planCreate) as PlanKind[]).map(
    (k): ActionEntry => ({
      kind: "action",
      file: ME,
      name: `create${k === "goal" ? "Goal" : k[0]!.toUpperCase() + k.slice(1)}Action`,
      cells: plan("write"),
      args: (c) => [null, form({ personId: c.ids.eli, ...planCreate[k].form(c) })],
    }),
  ),
  { kind: "action", file: ME, name: "updateGoalAction", cells: plan("write"), args: async (c) => { const r = await c.fresh.goal(); return [null, form({ id: r.id, version: String(r.version), status: "active" })]; } },
  { kind: "action", file: ME, name: "addGoalUpdateAction", cells: plan("write"), args: async (c) => { const r = await c.fresh.goal(); return [null, form({ id: r.id, body: "Matrix progress", progress: "20", version: String(r.version) })]; } },
  { kind: "action", file: ME, name: "updateLearningAction", cells: plan("write"), args: async (c) => { const r = await c.fresh.learning(); return [null, form({ id: r.id, version: String(r.version), status: "in_progress" })]; } },
  { kind: "action", file: ME, name: "updateSkillAction", cells: plan("write"), args: async (c) => { const r = await c.fresh.skill(); return [null, form({ id: r.id, version: String(r.version), status: "used" })]; } },
  { kind: "action", file: ME, name: "updateWinAction", cells: plan("write"), args: async (c) => { const r = await c.fresh.win(); return [null, form({ id: r.id, version: String(r.version), title: "Matrix win, renamed", occurredOn: today(), link: "purpose" })]; } },
  { kind: "action", file: ME, name: "updateConnectionAction", cells: plan("write"), args: async (c) => { const r = await c.fresh.connection(); return [null, form({ id: r.id, version: String(r.version), kind: "mentor", name: "Matrix mentor", purpose: "Matrix" })]; } },
  { kind: "action", file: ME, name: "deletePlanItemAction", cells: plan("write"), args: async (c) => { const r = await c.fresh.skill(); return [null, form({ id: r.id, kind: "skill", version: String(r.version) })]; } },
];

const peopleActions: ActionEntry[] = [
  { kind: "action", file: PEOPLE, name: "addRoleEventAction", cells: roleHistory("write"), page: eliPage, args: (c) => [c.ids.eli, null, form({ type: "scope_change", effectiveOn: today(), description: "Matrix scope" })] },
  { kind: "action", file: PEOPLE, name: "editRoleEventAction", cells: roleHistory("write"), page: eliPage, args: async (c) => { const r = await c.fresh.roleEvent(); return [c.ids.eli, r.id, null, form({ version: String(r.version), description: "Matrix edit" })]; } },
  { kind: "action", file: PEOPLE, name: "deleteRoleEventAction", cells: roleHistory("write"), page: eliPage, args: async (c) => { const r = await c.fresh.roleEvent(); return [c.ids.eli, r.id, null, form({ version: String(r.version) })]; } },
  { kind: "action", file: PEOPLE, name: "addRotationAction", cells: roleHistory("write"), page: eliPage, args: (c) => [c.ids.eli, null, form({ host: "Matrix team", startOn: today(), status: "planned", learningGoal: "" })] },
  { kind: "action", file: PEOPLE, name: "setRotationStatusAction", cells: roleHistory("write"), page: eliPage, args: async (c) => { const r = await c.fresh.rotation(); return [c.ids.eli, r.id, null, form({ version: String(r.version), status: "planned" })]; } },
  { kind: "action", file: PEOPLE, name: "editRotationAction", cells: roleHistory("write"), page: eliPage, args: async (c) => { const r = await c.fresh.rotation(); return [c.ids.eli, r.id, null, form({ version: String(r.version), host: "Matrix team (edited)", startOn: today(), plannedEndOn: "", learningGoal: "" })]; } },
  { kind: "action", file: PEOPLE, name: "deleteRotationAction", cells: roleHistory("write"), page: eliPage, args: async (c) => { const r = await c.fresh.rotation(); return [c.ids.eli, r.id, null, form({ version: String(r.version) })]; } },
  // Setting Eli's manager to the one he has changes nothing, and still has to pass the gate. The form sends the
  // manager it showed (Maya), as the page does.
  {
    kind: "action",
    file: PEOPLE,
    name: "changeManagerAction",
    cells: [{ resource: "directory", action: "write" }],
    page: eliPage,
    args: (c) => [c.ids.eli, null, form({ managerId: c.ids.maya, basedOnManagerId: c.ids.maya })],
  },
  // Eli's own title and team: "Nothing changed", after the gate.
  {
    kind: "action",
    file: PEOPLE,
    name: "changeTitleTeamAction",
    cells: [{ resource: "directory", action: "write" }],
    page: eliPage,
    args: async (c) => {
      // Sent as shown, and based on what is shown: the page's form sends both.
      const shown = await c.fresh.eliTitleTeam();
      return [c.ids.eli, null, form({ ...shown, basedOnTitle: shown.title, basedOnTeam: shown.team, effectiveOn: "" })];
    },
    judge: (o) => (o.outcome === "allow" && !o.text.includes("Nothing changed") ? "changed Eli's title or team" : o.outcome),
  },
  // Eli's directory already says what his timeline does: "already matches", after the gate.
  {
    kind: "action",
    file: PEOPLE,
    name: "adoptTimelineTitleAction",
    cells: [{ resource: "directory", action: "write" }],
    page: eliPage,
    args: (c) => [c.ids.eli, null, form({})],
    judge: (o) => (o.outcome === "allow" && !o.text.includes("already matches") ? "changed Eli's title or team" : o.outcome),
  },
  // Eli is a member: making him one "changes nothing", after the gate.
  {
    kind: "action",
    file: PEOPLE,
    name: "changeAccessAction",
    cells: [{ resource: "directory", action: "write" }],
    page: eliPage,
    args: (c) => [c.ids.eli, null, form({ role: "member" })],
    judge: (o) => (o.outcome === "allow" && !o.text.includes("Nothing changed") ? "changed Eli's access" : o.outcome),
  },
  // Eli is active: past the gate, the answer is "already active" (a reactivation would end his sessions).
  {
    kind: "action",
    file: PEOPLE,
    name: "reactivateAction",
    cells: [{ resource: "directory", action: "write" }],
    page: eliPage,
    args: (c) => [c.ids.eli, null, form({})],
    judge: (o) => (o.outcome !== "allow" && /already active/.test(o.text) ? "allow" : o.outcome === "allow" ? "reactivated an active Eli" : o.outcome),
  },
  // Deactivating Eli ends his sessions: it runs last, and the spec reactivates him.
  { kind: "action", file: PEOPLE, name: "deactivateAction", cells: [{ resource: "directory", action: "write" }], page: eliPage, last: true, args: (c) => [c.ids.eli, null, form({})] },
];

const meetingActions: ActionEntry[] = [
  // The employee's own open talking points, from a 1:1 with a former manager to one with the manager now. On the cell's
  // meeting (Eli's current one) the answer past the gate is that its talking points move on by themselves; the copy
  // itself is tested in tests/integration/meetings-bring-along.test.ts and tests/e2e/one-on-ones.spec.ts.
  {
    kind: "action",
    file: ONES,
    name: "bringTalkingPointsAction",
    cells: meeting("write"),
    page: meetingPage,
    narrower: { actors: { manager: 404 }, reason: "only the employee brings their own talking points to their new manager; the manager has none to bring" },
    args: (c) => [null, form({ meetingId: c.meeting })],
    judge: (o) => (o.outcome !== "allow" && /move on to your next 1:1 by themselves/.test(o.text) ? "allow" : o.outcome === "allow" ? "copied talking points of a current 1:1" : o.outcome),
  },
  { kind: "action", file: ONES, name: "addAgendaAction", cells: meeting("write"), page: meetingPage, args: (c) => [null, form({ meetingId: c.meeting, body: "Matrix talking point" })] },
  {
    kind: "action",
    file: ONES,
    name: "agendaItemAction",
    cells: meeting("write"),
    page: meetingPage,
    args: async (c) => {
      const item = await c.fresh.agendaItem(c.meeting);
      c.memo.item = item.id;
      return [null, form({ meetingId: c.meeting, itemId: item.id, op: "done", version: String(item.version) })];
    },
    effect: (c) => c.fresh.agendaItemDone(c.memo.item!),
  },
  {
    kind: "action",
    file: ONES,
    name: "editAgendaAction",
    cells: meeting("write"),
    page: meetingPage,
    args: async (c) => {
      const item = await c.fresh.agendaItem(c.meeting);
      return [null, form({ meetingId: c.meeting, itemId: item.id, body: "Matrix reworded", version: String(item.version) })];
    },
  },
  { kind: "action", file: ONES, name: "addActionItemAction", cells: meeting("write"), page: meetingPage, args: (c) => [null, form({ meetingId: c.meeting, body: "Matrix action", ownerId: c.ids.eli, dueOn: "" })] },
  {
    kind: "action",
    file: ONES,
    name: "actionItemAction",
    cells: meeting("write"),
    page: meetingPage,
    args: async (c) => {
      const item = await c.fresh.actionItem(c.meeting);
      c.memo.item = item.id;
      return [null, form({ meetingId: c.meeting, itemId: item.id, op: "done", version: String(item.version) })];
    },
    effect: (c) => c.fresh.actionItemDone(c.memo.item!),
  },
  {
    kind: "action",
    file: ONES,
    name: "editActionItemAction",
    cells: meeting("write"),
    page: meetingPage,
    args: async (c) => {
      const item = await c.fresh.actionItem(c.meeting);
      return [null, form({ meetingId: c.meeting, itemId: item.id, body: "Matrix action reworded", ownerId: c.ids.eli, dueOn: "", version: String(item.version) })];
    },
  },
  {
    kind: "action",
    file: ONES,
    name: "checkInAction",
    cells: meeting("write"),
    page: meetingPage,
    args: async (c) => [null, form({ meetingId: c.meeting, energy: "4", meaningful: "Matrix", goingThroughMotions: "", learnNext: "", version: String(await c.fresh.meetingVersion(c.meeting)) })],
  },
  {
    kind: "action",
    file: ONES,
    name: "changeMeetingAction",
    cells: meeting("write"),
    page: meetingPage,
    args: async (c) => {
      const m = await c.fresh.meeting(c.meetingManager);
      return [null, form({ meetingId: m.id, op: "reschedule", scheduledAt: newSlot(6), version: String(m.version) })];
    },
  },
  { kind: "action", file: ONES, name: "scheduleAction", cells: meeting("write"), page: (c) => `/people/${c.ids.eli}/one-on-ones`, args: (c) => [null, form({ personId: c.ids.eli, scheduledAt: newSlot(41) })] },
  {
    kind: "action",
    file: ONES,
    name: "cadenceAction",
    cells: meeting("write"),
    page: (c) => `/people/${c.ids.eli}/one-on-ones`,
    narrower: { actors: { self: 403 }, reason: "the 1:1 cadence is the manager's setting; the employee may write the meetings themselves" },
    args: (c) => [null, form({ personId: c.ids.eli, cadence: "default" })],
  },
];

const stuckActions: ActionEntry[] = [
  {
    kind: "action",
    file: STUCK,
    name: "withdrawStuckAction",
    cells: stuck("write"),
    page: () => "/me",
    args: async (c) => [null, form({ id: (await c.fresh.stuckSignal(shared(c))).id })],
  },
  {
    kind: "action",
    file: STUCK,
    name: "acknowledgeStuckAction",
    cells: stuck("acknowledge"),
    page: () => "/signals",
    args: async (c) => [null, form({ id: (await c.fresh.stuckSignal(shared(c))).id, choice: "Explore a rotation" })],
  },
];

const orgActions: ActionEntry[] = [
  {
    kind: "action",
    file: "app/(app)/settings/actions.ts",
    name: "saveSettingsAction",
    cells: [{ resource: "orgAdmin", action: "write" }],
    page: () => "/settings",
    // Saves Acme's current values (nothing changes but the version). Another
    // organization's admin is answered about their own organization: the
    // judge checks Acme's settings stayed as they were.
    args: async (c) => {
      const s = await c.fresh.acmeSettings();
      c.memo.version = String(s.version);
      return [null, form(Object.fromEntries(Object.entries(s).map(([k, v]) => [k, String(v)])))];
    },
    judge: async (o, c) => {
      if (!otherOrg(c)) return o.outcome;
      // Answered about their own organization (saved, or a version conflict there): Acme must be untouched.
      if (o.outcome !== "allow" && !String(o.outcome).startsWith("conflict")) return o.outcome;
      return String((await c.fresh.acmeSettings()).version) === c.memo.version ? 404 : "allow";
    },
  },
  {
    kind: "action",
    file: "app/(app)/admin/people/actions.ts",
    name: "inviteAction",
    cells: [{ resource: "orgAdmin", action: "write" }],
    page: () => "/admin/people",
    args: (c) => {
      c.memo.email = `matrix-${c.actor.toLowerCase()}-${Math.random().toString(36).slice(2, 8)}@example.org`;
      return [null, form({ email: c.memo.email, name: "Matrix Invitee", role: "member" })];
    },
    judge: async (o, c) => (otherOrg(c) && o.outcome === "allow" ? ((await c.fresh.acmeInvited(c.memo.email!)) ? "allow" : 404) : o.outcome),
  },
  {
    kind: "action",
    file: "app/(app)/admin/people/actions.ts",
    name: "revokeInvitationAction",
    cells: [{ resource: "orgAdmin", action: "write" }],
    page: () => "/admin/people",
    args: async (c) => [null, form({ id: (await c.fresh.invitation()).id })],
  },
  {
    kind: "action",
    file: "app/(app)/admin/people/actions.ts",
    name: "importAction",
    cells: [{ resource: "orgAdmin", action: "write" }],
    page: () => "/admin/people",
    // A preview writes nothing but needs orgAdmin: write; matching rows by email shows Acme's members.
    args: () => [null, form({ intent: "preview", csv: "email,name,title,team,manager_email\neli@acme.example,Eli Employee,Engineer,Platform,maya@acme.example\n" })],
    // Eli is an existing member only in Acme: a preview answered about another organization plans to create him.
    judge: (o, c) => (otherOrg(c) && o.outcome === "allow" ? (/"action":"(update|unchanged)"/.test(o.text) ? "allow" : 404) : o.outcome),
  },
];

export const ACTIONS: ActionEntry[] = [...planActions, ...peopleActions, ...meetingActions, ...stuckActions, ...orgActions];

/**
 * Signed-in pages that read a cell: the only HTTP readers of organization
 * settings and members, and the pages of Eli's records (their answers must
 * agree with the API's). Not part of the coverage enumeration.
 */
export const PAGES: PageEntry[] = [
  { kind: "page", path: (c) => `/people/${c.ids.eli}`, cells: [{ resource: "directory", action: "read" }] },
  { kind: "page", path: (c) => `/people/${c.ids.eli}/plan`, cells: plan("read") },
  { kind: "page", path: (c) => `/people/${c.ids.eli}/one-on-ones`, cells: meeting("read") },
  {
    kind: "page",
    path: (c) => `/one-on-ones/${c.meeting}`,
    cells: [
      { resource: "meeting", action: "read" },
      { resource: "privateNote", action: "read" },
    ],
    // The meeting page (HTML and RSC payload) carries the private note's text only for its author.
    judge: (o, c) =>
      c.resource === "privateNote" && o.outcome === "allow" ? (o.text.includes(c.actor === "formerManager" ? "MARKER-OLD-PRIVATE" : "MARKER-PRIVATE maya") ? "allow" : 404) : o.outcome,
  },
  { kind: "page", path: () => "/settings", cells: [{ resource: "orgAdmin", action: "read" }], judge: acmeOnly },
  { kind: "page", path: () => "/admin/people", cells: [{ resource: "orgAdmin", action: "read" }], judge: acmeOnly },
  { kind: "page", path: () => "/admin/audit", cells: [{ resource: "auditLog", action: "read" }], judge: acmeOnly },
];

export const ENTRIES: Entry[] = [...ROUTES, ...ACTIONS, ...PAGES];

/** Registered keys, for the coverage checks. */
export function registeredRouteKeys(): Set<string> {
  return new Set([...ROUTES.map(routeKey), ...CLASSIFIED.filter((c) => c.kind === "route").map((c) => c.key)]);
}
export function registeredActionKeys(): Set<string> {
  return new Set([...ACTIONS.map(actionKey), ...CLASSIFIED.filter((c) => c.kind === "action").map((c) => c.key)]);
}

/** "app/api/v1/people/[id]/route.ts" → "/api/v1/people/[id]". */
export function routeOfFile(file: string): string {
  return "/" + file.replace(/^app\//, "").replace(/\/route\.ts$/, "");
}
