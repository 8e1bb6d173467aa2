/** Synth steps for weekly pulse check-ins and "I feel stuck" signals. */
import type { SynthContext } from "./context";
import { r, rint, uid } from "./sql-helpers";

/**
 * Weekly pulses for two years (or since joining); each person answers in
 * 40–95% of weeks. Answers centre on the person's rust tendency; 8% of
 * people get worse over their last six weeks. The team answered from is the
 * person's team (the synth's role events never move anyone between teams).
 */
export function pulseSql(c: SynthContext): string {
  const k = "sp.idx || '-' || w";
  const answer = (salt: string) =>
    `greatest(1, least(5, round(x.base + ${r(k, salt)} * 0.9 - 0.45)))::smallint`;
  return `INSERT INTO pulse_checkins (id, org_id, person_id, week_start, team, motivation, skills_used, variety, purpose, initiative, comment, created_at)
    SELECT ${uid(`'pc-' || ${k}`)}, ${c.orgId}, sp.id, x.week, sp.team, ${answer("a1")}, ${answer("a2")}, ${answer("a3")}, ${answer("a4")}, ${answer("a5")},
           '', x.week::timestamptz + interval '2 days'
      FROM sp
     CROSS JOIN generate_series(0, 103) w
     CROSS JOIN LATERAL (SELECT (date_trunc('week', ${c.now})::date - w * 7) AS week,
                                4.4 - sp.rust * 2.2 - CASE WHEN sp.worsening AND w < 6 THEN (6 - w) * 0.45 ELSE 0 END AS base) x
     WHERE x.week >= sp.hire_date AND ${r(k, "answered")} < 0.4 + 0.55 * ${r("sp.idx", "rate")}`;
}

/** 1.5% of people have an open signal, 3% an acknowledged one, 0.5% withdrew one. */
export function stuckSql(c: SynthContext): string {
  return `INSERT INTO stuck_signals (id, org_id, person_id, message, include_skip_level, include_hr, status, acknowledged_at, acknowledged_by, next_step, withdrawn_at, created_at)
    SELECT ${uid("'stuck-' || sp.idx")}, ${c.orgId}, sp.id, 'I have been doing the same work for a long time and would like to talk about what is next.',
           ${r("sp.idx", "sks")} < 0.4, ${r("sp.idx", "skh")} < 0.25, x.status::stuck_status,
           CASE WHEN x.status = 'acknowledged' THEN x.at + interval '2 days' END,
           CASE WHEN x.status = 'acknowledged' THEN sp.manager_id END,
           CASE WHEN x.status = 'acknowledged' THEN 'Talk about a rotation at the next 1:1.' END,
           CASE WHEN x.status = 'withdrawn' THEN x.at + interval '1 day' END,
           x.at
      FROM sp
     CROSS JOIN LATERAL (SELECT CASE WHEN ${r("sp.idx", "stuck")} < 0.015 THEN 'open'
                                     WHEN ${r("sp.idx", "stuck")} < 0.045 THEN 'acknowledged' ELSE 'withdrawn' END AS status,
                                ${c.now} - make_interval(days => CASE WHEN ${r("sp.idx", "stuck")} < 0.015 THEN ${rint("sp.idx", "sd", 1, 20)}
                                                                      ELSE ${rint("sp.idx", "sd", 30, 400)} END) AS at) x
     WHERE sp.manager_id IS NOT NULL AND ${r("sp.idx", "stuck")} < 0.05`;
}
