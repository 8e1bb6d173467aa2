import "server-only";
import { sql } from "drizzle-orm";
import { rows, type Db } from "@/db/client";
import { compareTeamNames } from "./team-names";
import { groupsToShow, MIN_AGGREGATE_GROUP, protectPulse, pulseWindow, type PulseAggregate, type PulseWindow } from "./org-pulse";

export type PulseGroup = {
  /** The team recorded with the answers ("No team" where none was). */
  team: string;
  /** Average rust (1 good .. 5 bad) of each respondent's latest answer in the window; null below the minimum group. */
  pulse: PulseAggregate | null;
  /** True when the average is not shown: fewer than MIN_AGGREGATE_GROUP responses, none included, or too few left over (see groupsToShow). */
  pulseSuppressed: boolean;
};

export type OrgPulse = { window: PulseWindow; teams: PulseGroup[]; total: PulseGroup };

type GroupRaw = { team: string | null; grp: number; n: number; rust_sum: number | null; current: boolean };

/**
 * Pulse averages per team for an org, in ONE set-based statement over a
 * closed window (pulseWindow), grouped by the team each respondent was in when
 * answering, with an org-wide total from the same rows. It reads only
 * pulse_checkins: no join to memberships, so nothing an admin later does to
 * people (a move, a rename, a deactivation) changes a window already shown.
 * Every current team is listed too, with no numbers of its own: were only
 * the teams with answers listed, a team of one would appear exactly when its
 * person answered. For the same reason a team nobody is in now is listed only
 * with enough answers to show (below).
 * Unchecked: the caller has authorized the org-wide read.
 */
export async function loadOrgPulse(db: Db, orgId: string, now: Date): Promise<OrgPulse> {
  const window = pulseWindow(now);
  // Each respondent once: their latest answer in the window, scored with the
  // rust formula of radar_facts_refresh (db/migrations/0002_radar_facts.sql).
  // '' and NULL are both "no team": one group, not two.
  const found = await db.execute(sql`
    WITH latest AS (
      SELECT DISTINCT ON (pc.person_id)
             nullif(pc.team, '') AS team,
             (6 - (pc.motivation + pc.skills_used + pc.variety + pc.purpose + pc.initiative) / 5.0)::float8 AS rust
        FROM pulse_checkins pc
       WHERE pc.org_id = ${orgId} AND pc.week_start BETWEEN ${window.firstWeek}::date AND ${window.lastWeek}::date
       ORDER BY pc.person_id, pc.week_start DESC
    )
    SELECT team, grouping(team) AS grp, count(*)::int AS n, sum(rust)::float8 AS rust_sum, false AS current
      FROM latest
     GROUP BY ROLLUP (team)
    UNION ALL
    SELECT DISTINCT nullif(m.team, '') AS team, 0 AS grp, 0 AS n, NULL::float8 AS rust_sum, true AS current
      FROM memberships m
     WHERE m.org_id = ${orgId} AND m.deactivated_at IS NULL
     ORDER BY grp, team`);
  const result = rows<GroupRaw>(found);
  const current = new Set(result.filter((r) => r.current).map((r) => r.team));
  // A team nobody is in now (all moved or deactivated) is listed only when it would be for its answers alone, with at
  // least MIN_AGGREGATE_GROUP of them: listed for any answer, a team of one that an admin emptied showed up exactly
  // when its person had answered. Its answers still count in the whole organization, and in what complementary
  // suppression leaves over, where a small team's answers were anyway (its own row never counted as shown).
  const answered = result.filter((r) => Number(r.grp) === 0 && !r.current && (current.has(r.team) || Number(r.n) >= MIN_AGGREGATE_GROUP));
  const seen = new Set(answered.map((r) => r.team));
  // Current teams without an answer in the window join the list, in name order (the teams table's), looking like any small group.
  const teamRows = [...answered, ...result.filter((r) => r.current && !seen.has(r.team))].sort((a, b) => compareTeamNames(a.team, b.team));
  const totalRow = result.find((r) => Number(r.grp) === 1);
  // Complementary suppression: no team is shown if the whole minus the shown teams would reveal a small group.
  const shown = groupsToShow(teamRows.map((r) => Number(r.n)), Number(totalRow?.n ?? 0));
  const group = (team: string, n: number, sum: number | null, show: boolean): PulseGroup => {
    const { pulse, pulseSuppressed } = protectPulse(n, show ? sum : null);
    return { team, pulse, pulseSuppressed };
  };
  return {
    window,
    teams: teamRows.map((r, i) => group(r.team ?? "No team", Number(r.n), r.rust_sum === null ? null : Number(r.rust_sum), shown[i] ?? false)),
    total: group("Whole organization", Number(totalRow?.n ?? 0), totalRow?.rust_sum == null ? null : Number(totalRow.rust_sum), true),
  };
}
