import "server-only";
import { sql } from "drizzle-orm";
import { rows, type Db } from "@/db/client";
import type { Viewer } from "@/lib/auth/viewer-type";
import { authorizeOrg } from "@/lib/policy";
import { type RadarPerson, getRadarSettings, radarPersonFor } from "./index";
import { loadRadarRows } from "./query";
import type { RadarSettings } from "./rules";
import { loadOrgPulse, type OrgPulse } from "./org-pulse-query";
import { compareTeamNames } from "./team-names";

export { MIN_AGGREGATE_GROUP } from "./org-pulse";

export type OrgRadarPage = { people: RadarPerson[]; total: number; page: number; pageSize: number; pages: number; settings: RadarSettings };

/**
 * One page of the org-wide radar for an admin: the flags an admin may see
 * (no pulse- or stuck-derived flags unless the person included HR), one
 * query for the page's facts and one for the count, whatever the org's size.
 * `lastPageIfPast` (the page, not the API): a page past the end shows the
 * last one instead of an organization that looks empty.
 */
export async function radarForOrg(
  db: Db,
  viewer: Viewer | null,
  opts: { page?: number; pageSize?: number; team?: string; now?: Date; lastPageIfPast?: boolean } = {},
): Promise<OrgRadarPage> {
  const v = authorizeOrg(viewer, "orgAdmin", "read");
  const now = opts.now ?? new Date();
  const pageSize = Math.min(Math.max(opts.pageSize ?? 50, 1), 200);
  const page = Math.max(opts.page ?? 1, 1);
  const [settings, found, countRows] = await Promise.all([
    getRadarSettings(db, v),
    loadRadarRows(db, v.orgId, { kind: "org", limit: pageSize, offset: (page - 1) * pageSize, team: opts.team }, now),
    db.execute(sql`SELECT count(*)::int AS n FROM memberships WHERE org_id = ${v.orgId} AND deactivated_at IS NULL
                   ${opts.team ? sql`AND team = ${opts.team}` : sql``}`),
  ]);
  const total = Number(rows<{ n: number }>(countRows)[0]?.n ?? 0);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (opts.lastPageIfPast && page > pages) return radarForOrg(db, v, { ...opts, now, page: pages, lastPageIfPast: false });
  const adminRel = { sameOrg: true, self: false, manager: false, skipLevel: false, admin: true };
  return {
    people: found.map((r) => radarPersonFor(r, adminRel, settings, now)),
    total,
    page,
    pageSize,
    pages,
    settings,
  };
}

export type TeamAggregate = {
  team: string;
  people: number;
  avgMonthsInRole: number;
  pastNotice: number;
  pastWarning: number;
  withRotation: number;
  withStretchGoal: number;
};

type AggRaw = {
  team: string;
  people: number;
  avg_months: number | null;
  past_notice: number;
  past_warning: number;
  with_rotation: number;
  with_goal: number;
};

export type OrgAggregates = { teams: TeamAggregate[]; total: TeamAggregate; settings: RadarSettings; pulse: OrgPulse };

/**
 * Team-level aggregates over the whole org in ONE set-based query: time in
 * role against the thresholds, rotation and stretch-goal participation, per
 * current team of the active members, plus an org-wide total row. The pulse
 * is a second set-based statement with groups of its own (loadOrgPulse): a
 * closed window, by the team each person was in when answering.
 */
export async function orgAggregates(db: Db, viewer: Viewer | null, now = new Date()): Promise<OrgAggregates> {
  const v = authorizeOrg(viewer, "orgAdmin", "read");
  const today = now.toISOString().slice(0, 10);
  // One pass over the org's people and their precomputed radar facts (no probe
  // into any history table, except the rare person whose latest role event is
  // still in the future), then grouped per team with a ROLLUP for the org
  // total. The thresholds come from the same query's organization row.
  const [settings, found, pulse] = await Promise.all([
    getRadarSettings(db, v),
    db.execute(sql`
      WITH t AS (
        SELECT (${today}::date - make_interval(months => o.role_notice_months))::date AS notice_on,
               (${today}::date - make_interval(months => o.role_warning_months))::date AS warning_on
          FROM organizations o WHERE o.id = ${v.orgId}
      ), p AS (
        SELECT m.team,
               coalesce(CASE WHEN f.role_latest IS NULL OR f.role_latest <= ${today}::date THEN f.role_latest
                             ELSE (SELECT max(e.effective_on) FROM role_events e
                                    WHERE e.org_id = ${v.orgId} AND e.person_id = m.id AND e.effective_on <= ${today}::date) END,
                        m.created_at::date) AS since,
               f.active_rotation IS NOT NULL AS has_rotation,
               coalesce(f.active_goals, 0) > 0 AS has_goal
          FROM memberships m
          LEFT JOIN radar_facts f ON f.person_id = m.id AND f.org_id = ${v.orgId}
         WHERE m.org_id = ${v.orgId} AND m.deactivated_at IS NULL
      )
      SELECT p.team, grouping(p.team) AS grp,
             count(*)::int AS people,
             avg((extract(year FROM age(${today}::date, p.since)) * 12 + extract(month FROM age(${today}::date, p.since))))::float8 AS avg_months,
             count(*) FILTER (WHERE p.since <= t.notice_on)::int AS past_notice,
             count(*) FILTER (WHERE p.since <= t.warning_on)::int AS past_warning,
             count(*) FILTER (WHERE p.has_rotation)::int AS with_rotation,
             count(*) FILTER (WHERE p.has_goal)::int AS with_goal
        FROM p CROSS JOIN t
       GROUP BY ROLLUP (p.team)
       ORDER BY grouping(p.team), p.team`),
    loadOrgPulse(db, v.orgId, now),
  ]);
  const result = rows<AggRaw & { grp: number }>(found);
  const toAgg = (r: AggRaw, team: string): TeamAggregate => ({
    team,
    people: Number(r.people),
    avgMonthsInRole: Math.round(Number(r.avg_months ?? 0) * 10) / 10,
    pastNotice: Number(r.past_notice),
    pastWarning: Number(r.past_warning),
    withRotation: Number(r.with_rotation),
    withStretchGoal: Number(r.with_goal),
  });
  // In the pulse table's order (compareTeamNames), whatever the database's collation.
  const teamRows = result.filter((r) => Number(r.grp) === 0).sort((a, b) => compareTeamNames(a.team, b.team));
  const totalRow = result.find((r) => Number(r.grp) === 1);
  const teams = teamRows.map((r) => toAgg(r, r.team || "No team"));
  const empty: AggRaw = { team: "", people: 0, avg_months: 0, past_notice: 0, past_warning: 0, with_rotation: 0, with_goal: 0 };
  return { teams, total: toAgg(totalRow ?? empty, "Whole organization"), settings, pulse };
}
