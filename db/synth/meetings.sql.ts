/**
 * Synth steps for 1:1s: two years of weekly or biweekly meetings per
 * manager–report pair (about 500,000 for 10,000 people), their agenda items,
 * shared and private notes (about 1,000,000) and action items. 12% of people
 * have a gap of 25–75 days since their last 1:1 (so "1:1 overdue" has work).
 */
import { ACTIONS, AGENDA, CHECKIN, DISCUSSED, PRIVATE, UPDATES } from "../seed/meeting-text";
import type { SynthContext } from "./context";
import { fillExpr, pick, r, rint, uid } from "./sql-helpers";

export function meetingsSql(c: SynthContext): string {
  const k = "sp.idx || '-' || n";
  return `
    INSERT INTO meetings (id, org_id, manager_id, report_id, scheduled_at, status, held_at, cancelled_at, energy,
                          meaningful, going_through_motions, learn_next, created_at, updated_at)
    SELECT ${uid(`'mt-' || ${k}`)}, ${c.orgId}, sp.manager_id, sp.id, x.at,
           (CASE WHEN x.cancelled THEN 'cancelled' ELSE 'held' END)::meeting_status,
           CASE WHEN x.cancelled THEN NULL ELSE x.at + interval '30 minutes' END,
           CASE WHEN x.cancelled THEN x.at - interval '1 day' END,
           CASE WHEN x.cancelled THEN NULL ELSE greatest(1, least(5, round(4.6 - sp.rust * 3 + ${r(k, "en")} - 0.5)))::smallint END,
           CASE WHEN NOT x.cancelled AND x.checkin THEN ${fillExpr(pick(CHECKIN.good.meaningful, k, "cm"), k, "sp.first")} ELSE '' END,
           CASE WHEN NOT x.cancelled AND x.checkin THEN ${fillExpr(pick([...CHECKIN.good.motions, ...CHECKIN.flat.motions], k, "cg"), k, "sp.first")} ELSE '' END,
           CASE WHEN NOT x.cancelled AND x.checkin THEN ${fillExpr(pick(CHECKIN.good.learnNext, k, "cl"), k, "sp.first")} ELSE '' END,
           x.at - interval '7 days', x.at + interval '1 hour'
      FROM sp
     CROSS JOIN LATERAL (SELECT coalesce(sp.cadence, 14) AS cad,
                                ${rint("sp.idx", "off", 1, 6)} + sp.gap_days AS off,
                                greatest(sp.hire_date, ${c.today} - 730) AS first_day) p
     CROSS JOIN LATERAL generate_series(0, greatest(-1, ((${c.today} - p.off - p.first_day) / p.cad)::int)) n
     CROSS JOIN LATERAL (SELECT date_trunc('day', ${c.now}) - make_interval(days => p.off + n * p.cad)
                                  + make_interval(hours => ${rint("sp.idx", "hr", 9, 16)}) AS at,
                                ${r(k, "cx")} < 0.08 AS cancelled,
                                ${r(k, "ci")} < 0.3 AS checkin) x
     WHERE sp.manager_id IS NOT NULL
    UNION ALL
    SELECT ${uid("'mt-next-' || sp.idx")}, ${c.orgId}, sp.manager_id, sp.id,
           date_trunc('day', ${c.now}) + make_interval(days => ${rint("sp.idx", "nx", 1, 13)}, hours => ${rint("sp.idx", "hr", 9, 16)}),
           'scheduled'::meeting_status, NULL, NULL, NULL, '', '', '', ${c.now} - interval '7 days', ${c.now} - interval '7 days'
      FROM sp WHERE sp.manager_id IS NOT NULL AND ${r("sp.idx", "hasnext")} < 0.92`;
}

/** Agenda items: 1–2 on held meetings (done), 1–3 on upcoming ones. */
export function agendaSql(c: SynthContext): string {
  const k = "m.id || '-' || a";
  return `INSERT INTO agenda_items (id, org_id, meeting_id, author_id, body, position, done, created_at, updated_at)
    SELECT ${uid(`'ag-' || ${k}`)}, ${c.orgId}, m.id, CASE WHEN ${r(k, "aa")} < 0.5 THEN m.manager_id ELSE m.report_id END,
           ${fillExpr(pick(AGENDA, k, "ab"), k, "''")}, a, m.status = 'held', m.created_at, m.updated_at
      FROM meetings m
     CROSS JOIN LATERAL generate_series(1, CASE WHEN m.status = 'scheduled' THEN ${rint("m.id", "na", 1, 3)} ELSE ${rint("m.id", "na", 1, 2)} END) a
     WHERE m.org_id = ${c.orgId} AND m.status <> 'cancelled'`;
}

/** A shared note on every held meeting, and the manager's private note on 95% of them. */
export function notesSql(c: SynthContext): string {
  const k = "m.id";
  const shared = `${fillExpr(pick(UPDATES.good, k, "n1"), k, "u.name")} || E'\\n\\n' || ${fillExpr(pick(DISCUSSED.good, k, "n2"), k, "u.name")}
                  || CASE WHEN ${r(k, "n3")} < 0.3 THEN E'\\n\\n' || ${fillExpr(pick([...UPDATES.flat, ...DISCUSSED.flat], k, "n4"), k, "u.name")} ELSE '' END`;
  return `INSERT INTO notes (id, org_id, meeting_id, author_id, visibility, body, updated_by, created_at, updated_at)
    SELECT ${uid("'ns-' || m.id")}, ${c.orgId}, m.id, CASE WHEN ${r(k, "na")} < 0.7 THEN m.manager_id ELSE m.report_id END,
           'shared'::note_visibility, ${shared}, m.manager_id, m.held_at, m.held_at
      FROM meetings m JOIN memberships rm ON rm.id = m.report_id JOIN users u ON u.id = rm.user_id
     WHERE m.org_id = ${c.orgId} AND m.status = 'held'
    UNION ALL
    SELECT ${uid("'np-' || m.id")}, ${c.orgId}, m.id, m.manager_id, 'private'::note_visibility,
           ${fillExpr(pick([...PRIVATE.good, ...PRIVATE.flat], k, "p1"), k, "split_part(u.name, ' ', 1)")}, m.manager_id, m.held_at, m.held_at
      FROM meetings m JOIN memberships rm ON rm.id = m.report_id JOIN users u ON u.id = rm.user_id
     WHERE m.org_id = ${c.orgId} AND m.status = 'held' AND ${r(k, "hasp")} < 0.95`;
}

/** 0–2 action items per held meeting; old ones mostly done, recent ones often open (some overdue). */
export function actionItemsSql(c: SynthContext): string {
  const k = "m.id || '-' || a";
  return `INSERT INTO action_items (id, org_id, meeting_id, owner_id, body, due_on, done_at, created_by, created_at, updated_at)
    SELECT ${uid(`'ai-' || ${k}`)}, ${c.orgId}, m.id, CASE WHEN ${r(k, "ao")} < 0.7 THEN m.report_id ELSE m.manager_id END,
           ${fillExpr(pick(ACTIONS, k, "ab"), k, "''")}, x.due,
           CASE WHEN ${r(k, "ad")} < CASE WHEN x.due < ${c.today} - 14 THEN 0.92 ELSE 0.4 END
                THEN least(${c.now}, x.due::timestamptz - make_interval(days => ${rint(k, "add", -3, 5)})) END,
           m.manager_id, m.held_at, m.held_at
      FROM meetings m
     CROSS JOIN LATERAL generate_series(1, CASE WHEN ${r("m.id", "nai")} < 0.5 THEN 0 WHEN ${r("m.id", "nai")} < 0.85 THEN 1 ELSE 2 END) a
     CROSS JOIN LATERAL (SELECT (m.scheduled_at::date + ${rint(k, "due", 5, 14)}) AS due) x
     WHERE m.org_id = ${c.orgId} AND m.status = 'held'`;
}
