import { sql, type SQL } from "drizzle-orm";
import { rows, type Db } from "@/db/client";
import type { PersonFacts } from "./rules";
import { OVERDUE_AFTER_MS } from "@/lib/meetings/carry-over";

/** Which people a radar query covers. */
export type RadarScope =
  | { kind: "direct"; managerId: string } // a manager's direct reports
  | { kind: "subtree"; managerId: string } // everyone below a manager, any depth
  | { kind: "people"; ids: string[] }
  | { kind: "org"; limit: number; offset: number; team?: string };

/** What the rules and a subtree's table need of a person (loadRadarSummaries). */
export type RadarSummaryRow = {
  id: string;
  name: string;
  title: string;
  team: string;
  managerId: string | null;
  /** 1 = direct report of the scope's manager, 2+ = further down; 0 outside subtree scopes. */
  depth: number;
  /** Oldest open stuck signal that included the skip-level / HR (for their flag visibility). */
  oldestOpenStuckForSkip: Date | null;
  oldestOpenStuckForHr: Date | null;
  facts: PersonFacts;
};

/** A full radar row (loadRadarRows): the summary and what a card or a person's page shows. */
export type RadarRow = RadarSummaryRow & {
  userId: string;
  email: string;
  managerName: string | null;
  nextOneOnOne: Date | null;
  activeGoalTitles: string[];
};

const MAX_DEPTH = 64;

function scopeCte(orgId: string, scope: RadarScope): SQL {
  switch (scope.kind) {
    case "direct":
      return sql`scope AS (SELECT m.id, 1 AS depth FROM memberships m
                 WHERE m.org_id = ${orgId} AND m.manager_id = ${scope.managerId} AND m.deactivated_at IS NULL)`;
    case "subtree":
      // The walk goes through deactivated managers, and only the active are shown: the reports of a manager who left
      // still report to them until an admin records another, and they are the people a skip-level must not lose from
      // view (the policy's chain counts them as below, too).
      return sql`scope AS (
          WITH RECURSIVE sub AS (
            SELECT m.id, m.deactivated_at, 1 AS depth FROM memberships m
             WHERE m.org_id = ${orgId} AND m.manager_id = ${scope.managerId}
            UNION ALL
            SELECT m.id, m.deactivated_at, s.depth + 1 FROM memberships m JOIN sub s ON m.manager_id = s.id
             WHERE m.org_id = ${orgId} AND s.depth < ${MAX_DEPTH}
          ) SELECT id, min(depth) AS depth FROM sub WHERE deactivated_at IS NULL GROUP BY id)`;
    case "people":
      return scope.ids.length
        ? sql`scope AS (SELECT m.id, 0 AS depth FROM memberships m
               WHERE m.org_id = ${orgId} AND m.id IN ${scope.ids})`
        : sql`scope AS (SELECT NULL::uuid AS id, 0 AS depth WHERE false)`;
    case "org":
      // One page of the org in name order (the same order the rows come back in).
      return sql`scope AS (SELECT m.id, 0 AS depth FROM memberships m JOIN users su ON su.id = m.user_id
                 WHERE m.org_id = ${orgId} AND m.deactivated_at IS NULL
                 ${scope.team ? sql`AND m.team = ${scope.team}` : sql``}
                 ORDER BY su.name, m.id LIMIT ${scope.limit} OFFSET ${scope.offset})`;
  }
}

const ms = (v: number | null) => (v === null || v === undefined ? null : new Date(Number(v)));

/**
 * The facts' columns, written once for both shapes of the radar read: the
 * full rows (loadRadarRows) and the compact ones (loadRadarSummaries).
 * Expects `m` (the membership) and `f` (its radar_facts row) in scope.
 */
const FACT_KEYS = [
  "role_since",
  "role_known",
  "cadence_days",
  "active_goals",
  "active_rotation",
  "last_held_ms",
  "pulse_rust",
  "stuck_any_ms",
  "stuck_skip_ms",
  "stuck_hr_ms",
  "last_learning_ms",
  "unused_skills",
  "added_ms",
  "line_ms",
] as const;
type FactKey = (typeof FACT_KEYS)[number];

function factColumns(orgId: string, now: Date): Record<FactKey, SQL> {
  const nowIso = now.toISOString();
  const today = nowIso.slice(0, 10);
  return {
    role_since: sql`coalesce(CASE WHEN f.role_latest IS NULL OR f.role_latest <= (SELECT ${today}::date) THEN f.role_latest
                         -- The latest role event is still in the future: the latest one on or before today, live.
                         ELSE (SELECT max(e.effective_on) FROM role_events e
                                WHERE e.org_id = ${orgId} AND e.person_id = m.id AND e.effective_on <= (SELECT ${today}::date)) END,
                    m.created_at::date)::text`,
    // role_since came from a role event, not from m.created_at (the same cases as above, without the date).
    role_known: sql`(CASE WHEN f.role_latest IS NULL THEN false
                          WHEN f.role_latest <= (SELECT ${today}::date) THEN true
                          ELSE EXISTS (SELECT 1 FROM role_events e
                                        WHERE e.org_id = ${orgId} AND e.person_id = m.id AND e.effective_on <= (SELECT ${today}::date)) END)`,
    cadence_days: sql`m.cadence_days`,
    active_goals: sql`coalesce(f.active_goals, 0)::int`,
    active_rotation: sql`f.active_rotation`,
    last_held_ms: sql`(extract(epoch FROM f.last_held_at) * 1000)::float8`,
    pulse_rust: sql`f.pulse_rust`,
    stuck_any_ms: sql`(extract(epoch FROM f.stuck_any_at) * 1000)::float8`,
    stuck_skip_ms: sql`(extract(epoch FROM f.stuck_skip_at) * 1000)::float8`,
    stuck_hr_ms: sql`(extract(epoch FROM f.stuck_hr_at) * 1000)::float8`,
    last_learning_ms: sql`(extract(epoch FROM f.last_learning_at) * 1000)::float8`,
    unused_skills: sql`f.unused_skills`,
    added_ms: sql`(extract(epoch FROM m.created_at) * 1000)::float8`,
    line_ms: sql`(extract(epoch FROM coalesce(m.manager_since, m.created_at)) * 1000)::float8`,
  };
}

/** A compact row: [id, name, title, team, manager_id, depth, ...the facts in FACT_KEYS order]. */
const SUMMARY_COLUMNS = 6;
const AT = Object.fromEntries(FACT_KEYS.map((k, i) => [k, SUMMARY_COLUMNS + i])) as Record<FactKey, number>;

type RawFacts = {
  role_since: string;
  role_known: boolean;
  cadence_days: number | null;
  active_goals: number;
  active_rotation: string | null;
  last_held_ms: number | null;
  pulse_rust: number[] | null;
  stuck_any_ms: number | null;
  stuck_skip_ms: number | null;
  stuck_hr_ms: number | null;
  last_learning_ms: number | null;
  unused_skills: string[] | null;
  added_ms: number | null;
  line_ms: number | null;
};
type Raw = RawFacts & {
  id: string;
  name: string;
  title: string;
  team: string;
  manager_id: string | null;
  depth: number;
  user_id: string;
  email: string;
  manager_name: string | null;
  active_goal_titles: string[] | null;
  next_ms: number | null;
};


/** The facts of a raw row: a plain function, so both read shapes build them alike. */
function factsOf(r: RawFacts, hasManager: boolean): PersonFacts {
  return {
    roleSince: r.role_since,
    roleStartRecorded: !!r.role_known,
    activeGoals: Number(r.active_goals),
    activeRotation: r.active_rotation,
    hasManager,
    lastOneOnOne: ms(r.last_held_ms),
    cadenceDays: r.cadence_days,
    pulseRust: (r.pulse_rust ?? []).map(Number),
    oldestOpenStuck: ms(r.stuck_any_ms),
    lastLearning: ms(r.last_learning_ms),
    unusedSkills: r.unused_skills ?? [],
    addedAt: ms(r.added_ms),
    managerSince: ms(r.line_ms),
  };
}

/**
 * Everything the radar needs for a set of people, in ONE query: the number of
 * statements does not grow with team size. The facts come precomputed from
 * radar_facts (kept current by triggers, see db/schema/radar.ts), one row
 * per person and no probe into the history tables, except for an instant
 * before a row was last refreshed or a role event dated in the future.
 * Rules are then applied in plain code (rules.ts).
 *
 * The rows come back as one JSON array, not as rows: the driver decodes a
 * row column by column (arrays by hand), JSON.parse does the whole array
 * natively. For a director's 387 people that took the app's CPU for this read
 * from ~16 to ~7 ms on a 2-core machine, with the same database CPU.
 */
export async function loadRadarRows(db: Db, orgId: string, scope: RadarScope, now: Date = new Date()): Promise<RadarRow[]> {
  const nowIso = now.toISOString();
  // "Next 1:1" as the 1:1 pages count it: the first scheduled one not overdue (12 hours of grace), so at 10:30 a 1:1
  // of 10:00 not yet marked held is still the next one, on the card as on the person's page (migration 0019).
  const nextFrom = new Date(now.getTime() - OVERDUE_AFTER_MS).toISOString();
  const facts = factColumns(orgId, now);
  const columns = FACT_KEYS.map((k) => sql`${facts[k]} AS ${sql.raw(k)}`);
  const result = await db.execute(sql`
    WITH ${scopeCte(orgId, scope)}
    SELECT coalesce(json_agg(x ORDER BY x.name, x.id), '[]') AS rows FROM (
    SELECT m.id, m.user_id, u.name, u.email, m.title, m.team, m.manager_id, mu.name AS manager_name, s.depth,
           f.active_goal_titles,
           (extract(epoch FROM CASE
              -- A deactivated manager's 1:1s stay scheduled (a reactivation brings them back) but will not take place.
              WHEN mm.deactivated_at IS NOT NULL THEN NULL
              WHEN f.refreshed_at > (SELECT ${nowIso}::timestamptz) THEN
                -- An instant before the row was refreshed (tests, db:synth --now): ask the meetings.
                (SELECT mt.scheduled_at FROM meetings mt
                  WHERE mt.org_id = ${orgId} AND mt.report_id = m.id AND mt.manager_id = m.manager_id
                    AND mt.status = 'scheduled' AND mt.scheduled_at >= (SELECT ${nextFrom}::timestamptz)
                  ORDER BY mt.scheduled_at LIMIT 1)
              -- Almost always the first listed (one scheduled 1:1 ahead): no sub-plan per person.
              WHEN f.upcoming[1] >= (SELECT ${nextFrom}::timestamptz) THEN f.upcoming[1]
              ELSE (SELECT min(x) FROM unnest(f.upcoming) x WHERE x >= (SELECT ${nextFrom}::timestamptz)) END) * 1000)::float8 AS next_ms,
           ${sql.join(columns, sql`, `)}
      FROM scope s
      JOIN memberships m ON m.id = s.id AND m.org_id = ${orgId}
      JOIN users u ON u.id = m.user_id
      LEFT JOIN radar_facts f ON f.person_id = m.id AND f.org_id = ${orgId}
      LEFT JOIN memberships mm ON mm.id = m.manager_id AND mm.org_id = ${orgId}
      LEFT JOIN users mu ON mu.id = mm.user_id
    ) x`);

  // Spelled out rather than spread: this runs for every person of an org page.
  return (rows<{ rows: Raw[] }>(result)[0]?.rows ?? []).map((r) => ({
    id: r.id,
    userId: r.user_id,
    name: r.name,
    email: r.email,
    title: r.title,
    team: r.team,
    managerId: r.manager_id,
    managerName: r.manager_name,
    depth: Number(r.depth),
    nextOneOnOne: ms(r.next_ms),
    activeGoalTitles: r.active_goal_titles ?? [],
    oldestOpenStuckForSkip: ms(r.stuck_skip_ms),
    oldestOpenStuckForHr: ms(r.stuck_hr_ms),
    facts: factsOf(r, !!r.manager_id),
  }));
}

/**
 * The same people and facts as loadRadarRows, without what only a card or a
 * single person's page shows (email, manager's name, next 1:1, goal titles),
 * each row a JSON array instead of an object (no key repeated per person):
 * for a whole subtree, where the rules and the sort need every person but the
 * page shows 25 of them. For a director's 387 people, roughly a quarter of
 * the bytes, and neither the managers' names nor the next 1:1 looked up per
 * person; a subtree's managers are in the subtree (radarSubtree names them).
 */
export async function loadRadarSummaries(db: Db, orgId: string, scope: RadarScope, now: Date = new Date()): Promise<RadarSummaryRow[]> {
  const facts = factColumns(orgId, now);
  const result = await db.execute(sql`
    WITH ${scopeCte(orgId, scope)}
    SELECT coalesce(json_agg(json_build_array(m.id, u.name, m.title, m.team, m.manager_id, s.depth, ${sql.join(
      FACT_KEYS.map((k) => facts[k]),
      sql`, `,
    )}) ORDER BY u.name, m.id), '[]') AS rows
      FROM scope s
      JOIN memberships m ON m.id = s.id AND m.org_id = ${orgId}
      JOIN users u ON u.id = m.user_id
      LEFT JOIN radar_facts f ON f.person_id = m.id AND f.org_id = ${orgId}`);
  return (rows<{ rows: unknown[][] }>(result)[0]?.rows ?? []).map((a) => {
    const raw = {
      role_since: a[AT.role_since],
      role_known: a[AT.role_known],
      cadence_days: a[AT.cadence_days],
      active_goals: a[AT.active_goals],
      active_rotation: a[AT.active_rotation],
      last_held_ms: a[AT.last_held_ms],
      pulse_rust: a[AT.pulse_rust],
      stuck_any_ms: a[AT.stuck_any_ms],
      stuck_skip_ms: a[AT.stuck_skip_ms],
      stuck_hr_ms: a[AT.stuck_hr_ms],
      last_learning_ms: a[AT.last_learning_ms],
      unused_skills: a[AT.unused_skills],
      added_ms: a[AT.added_ms],
      line_ms: a[AT.line_ms],
    } as RawFacts;
    const managerId = a[4] as string | null;
    return {
      id: a[0] as string,
      name: a[1] as string,
      title: a[2] as string,
      team: a[3] as string,
      managerId,
      depth: Number(a[5]),
      oldestOpenStuckForSkip: ms(raw.stuck_skip_ms),
      oldestOpenStuckForHr: ms(raw.stuck_hr_ms),
      facts: factsOf(raw, !!managerId),
    };
  });
}
