import "server-only";
import { cache } from "react";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships, organizations } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer-type";
import type { Relation } from "@/lib/policy/rules";
import { decideAccess, visibleFlagCodes, type FlagCode } from "@/lib/policy/rules";
import { computeFlags, monthsInRole, riskLevel, type Flag, type PersonFacts, type RadarSettings, type RiskLevel } from "./rules";
import { loadRadarRows, loadRadarSummaries, type RadarRow, type RadarScope, type RadarSummaryRow } from "./query";
import { radarSettingsColumns } from "./settings-columns";

export * from "./rules";
export { loadRadarRows, loadRadarSummaries, type RadarRow, type RadarScope, type RadarSummaryRow } from "./query";
export { formatMonths, monthsBetween } from "./months";

/** A person on the radar as a viewer may see them, from a summary row (a subtree's table). */
export type RadarSummaryPerson = Omit<RadarSummaryRow, "facts" | "oldestOpenStuckForSkip" | "oldestOpenStuckForHr"> & {
  roleSince: string;
  /** False: roleSince is when they were added, no role event dates the role (PersonFacts.roleStartRecorded). */
  roleStartRecorded: boolean;
  monthsInRole: number;
  activeRotation: string | null;
  lastOneOnOne: Date | null;
  flags: Flag[];
  risk: RiskLevel;
};

/** …and from a full row (cards, a person's page, the API). */
export type RadarPerson = RadarSummaryPerson & Omit<RadarRow, keyof RadarSummaryRow>;

/** A subtree's person: the summary and their manager's name (radarSubtree). */
export type RadarSubtreePerson = RadarSummaryPerson & { managerName: string | null };

/** The organization's radar settings: the viewer's copy when it has one (read with the viewer, this request), else one query. */
export async function getRadarSettings(db: Db, of: string | Viewer): Promise<RadarSettings> {
  if (typeof of !== "string" && of.settings) return of.settings;
  const orgId = typeof of === "string" ? of : of.orgId;
  const [o] = await db
    .select(radarSettingsColumns)
    .from(organizations)
    .where(eq(organizations.id, orgId));
  if (!o) throw new Error("organization not found");
  return o;
}

/** Applies the rules to one row as `rel` may see it (see visibleFlags). */
export function radarPersonFor(row: RadarRow, rel: Relation, settings: RadarSettings, now: Date): RadarPerson {
  const f = row.facts;
  const months = monthsInRole(f, now);
  const flags = visibleFlags(row, rel, settings, now, months);
  // Spelled out rather than a rest spread: this runs for every person of a subtree or an org page.
  return {
    id: row.id,
    userId: row.userId,
    name: row.name,
    email: row.email,
    title: row.title,
    team: row.team,
    managerId: row.managerId,
    managerName: row.managerName,
    depth: row.depth,
    nextOneOnOne: row.nextOneOnOne,
    activeGoalTitles: row.activeGoalTitles,
    roleSince: f.roleSince,
    roleStartRecorded: f.roleStartRecorded !== false,
    monthsInRole: months,
    activeRotation: f.activeRotation,
    lastOneOnOne: f.lastOneOnOne,
    flags,
    risk: riskLevel(flags),
  };
}

/** radarPersonFor for a summary row (a subtree's table): the same rules, the same visibility. */
export function radarSummaryFor(row: RadarSummaryRow, rel: Relation, settings: RadarSettings, now: Date, managerName: string | null): RadarSubtreePerson {
  const f = row.facts;
  const months = monthsInRole(f, now);
  const flags = visibleFlags(row, rel, settings, now, months);
  return {
    id: row.id,
    name: row.name,
    title: row.title,
    team: row.team,
    managerId: row.managerId,
    managerName,
    depth: row.depth,
    roleSince: f.roleSince,
    roleStartRecorded: f.roleStartRecorded !== false,
    monthsInRole: months,
    activeRotation: f.activeRotation,
    lastOneOnOne: f.lastOneOnOne,
    flags,
    risk: riskLevel(flags),
  };
}

/**
 * The flags of one row as `rel` may see them: inputs the viewer may not see
 * (pulse answers, stuck signals not addressed to them) are removed BEFORE the
 * rules run, so neither a flag nor the risk level can reveal them.
 */
function visibleFlags(row: RadarSummaryRow, rel: Relation, settings: RadarSettings, now: Date, months: number): Flag[] {
  const f = row.facts;
  const seesPulse = rel.self || rel.manager;
  // The oldest open signal addressed to this viewer (as participant, skip-level or HR), without building arrays per row.
  let oldest = rel.self || rel.manager ? f.oldestOpenStuck : null;
  for (const d of [rel.skipLevel ? row.oldestOpenStuckForSkip : null, rel.admin ? row.oldestOpenStuckForHr : null]) {
    if (d && (!oldest || d.getTime() < oldest.getTime())) oldest = d;
  }
  const visibleFacts: PersonFacts = { ...f, pulseRust: seesPulse ? f.pulseRust : [], oldestOpenStuck: oldest };
  const allowed = allowedFlagCodes(rel);
  // An admin reads flags but not skills (ACCESS.md): the skills flag counts them without their names.
  const skillNames = decideAccess("plan", "read", rel) === "allow";
  return computeFlags(visibleFacts, settings, now, months, { skillNames }).filter((fl) => allowed.has(fl.code));
}

/** visibleFlagCodes depends on the relation's five booleans only: computed once per combination. */
const allowedByRelation = new Map<string, ReadonlySet<FlagCode>>();
function allowedFlagCodes(rel: Relation): ReadonlySet<FlagCode> {
  const key = `${+rel.sameOrg}${+rel.self}${+rel.manager}${+rel.skipLevel}${+rel.admin}`;
  let set = allowedByRelation.get(key);
  if (!set) allowedByRelation.set(key, (set = visibleFlagCodes(rel, { includeSkipLevel: true, includeHr: true })));
  return set;
}

/**
 * The radar cards for a manager's direct reports: one query for the full rows
 * (email, next 1:1, goal titles), the viewer's relation known (manager).
 * A whole subtree is read by radarSubtree.
 */
export async function radarForManager(
  db: Db,
  viewer: Viewer,
  opts: { now?: Date; settings?: RadarSettings | Promise<RadarSettings> } = {},
): Promise<RadarPerson[]> {
  const now = opts.now ?? new Date();
  const scope: RadarScope = { kind: "direct", managerId: viewer.personId };
  const [settings, rowsFound] = await Promise.all([opts.settings ?? getRadarSettings(db, viewer), loadRadarRows(db, viewer.orgId, scope, now)]);
  const admin = viewer.role === "admin";
  return rowsFound.map((r) => radarPersonFor(r, { sameOrg: true, self: false, manager: true, skipLevel: false, admin }, settings, now));
}

/**
 * A manager's whole subtree as the /team table and the API list it: every
 * person with flags and risk (the page counts, filters and sorts all of them)
 * from the compact summary read, and each one's manager named from the
 * subtree itself — below the viewer's direct reports, a person's manager is
 * in the subtree one level up; a direct report's manager is the viewer.
 * Someone who manages no managers gets their direct reports: the plain scope
 * skips the recursive walk (the viewer statement said so, this request).
 */
export async function radarSubtree(
  db: Db,
  viewer: Viewer,
  opts: { now?: Date; settings?: RadarSettings | Promise<RadarSettings> } = {},
): Promise<RadarSubtreePerson[]> {
  const now = opts.now ?? new Date();
  const scope: RadarScope =
    viewer.nav?.managesManagers === false ? { kind: "direct", managerId: viewer.personId } : { kind: "subtree", managerId: viewer.personId };
  const [settings, rowsFound] = await Promise.all([opts.settings ?? getRadarSettings(db, viewer), loadRadarSummaries(db, viewer.orgId, scope, now)]);
  const names = new Map<string, string>([[viewer.personId, viewer.name]]);
  for (const r of rowsFound) names.set(r.id, r.name);
  const admin = viewer.role === "admin";
  return rowsFound.map((r) =>
    radarSummaryFor(
      r,
      { sameOrg: true, self: false, manager: r.depth === 1, skipLevel: r.depth > 1, admin },
      settings,
      now,
      r.managerId ? (names.get(r.managerId) ?? null) : null,
    ),
  );
}

/**
 * One person's radar facts, read once per request for a given instant: the
 * person page's flags and its plan-at-a-glance ask for the same row (pass the
 * same `now` to both). Unfiltered facts: callers apply radarPersonFor with the
 * viewer's relation. Outside a React request (tests, scripts) it just reads.
 */
export const personRadarRow = cache(async (db: Db, orgId: string, personId: string, nowMs: number): Promise<RadarRow | undefined> => {
  const [row] = await loadRadarRows(db, orgId, { kind: "people", ids: [personId] }, new Date(nowMs));
  return row;
});

/** One person's radar as the viewer may see it (the relation comes from the policy check the caller made). */
export async function radarForPerson(db: Db, viewer: Viewer, personId: string, rel: Relation, now = new Date(), knownSettings?: RadarSettings): Promise<RadarPerson | null> {
  const [settings, row] = await Promise.all([knownSettings ?? getRadarSettings(db, viewer), personRadarRow(db, viewer.orgId, personId, now.getTime())]);
  return row ? radarPersonFor(row, rel, settings, now) : null;
}

/**
 * Does the viewer manage anyone who manages someone (may switch /team to the whole subtree)? A direct report who
 * was deactivated counts while their reports still report to them: those people are the viewer's subtree.
 */
export async function isSkipLevelManager(db: Db, viewer: Viewer): Promise<boolean> {
  if (viewer.nav?.managesManagers !== undefined) return viewer.nav.managesManagers;
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(
      and(
        eq(memberships.orgId, viewer.orgId),
        isNull(memberships.deactivatedAt),
        sql`${memberships.managerId} IN (SELECT id FROM memberships WHERE org_id = ${viewer.orgId} AND manager_id = ${viewer.personId})`,
      ),
    );
  return (r?.n ?? 0) > 0;
}
