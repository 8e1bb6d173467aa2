/**
 * Synth steps for the organization, its people and their role timelines.
 * The tree (who reports to whom, names, titles) arrives as arrays from
 * tree.ts; everything else is derived in SQL from hashes of the person index.
 */
import { r, rint, uid } from "./sql-helpers";
import type { SynthContext } from "./context";

export function organizationSql(c: SynthContext): string {
  return `INSERT INTO organizations (id, slug, name, created_at, updated_at)
          VALUES (${c.orgId}, 'synth', 'Synthetic Corp', ${c.now} - interval '8 years', ${c.now})`;
}

/**
 * sp: one row per person with the derived facts every later step needs.
 * role_months is skewed towards short tenures with a tail to 60 months
 * (about a third past the default 24-month warning); extra_months is time in
 * earlier roles at the company (0 for a quarter of people: still in the role
 * they joined in).
 */
export function peopleTempSql(c: SynthContext): string {
  return `
    CREATE TEMP TABLE sp ON COMMIT PRESERVE ROWS AS
    SELECT t.idx, t.manager_idx, t.depth, t.first, t.last, t.email, t.title, t.team, t.admin::boolean AS admin,
           ${uid("'p' || t.idx")} AS id,
           ${uid("'u' || t.idx")} AS user_id,
           CASE WHEN t.manager_idx IS NULL THEN NULL ELSE ${uid("'p' || t.manager_idx")} END AS manager_id,
           x.role_months, x.extra_months,
           (${c.today} - make_interval(months => x.role_months + x.extra_months, days => x.jitter))::date AS hire_date,
           (${c.today} - make_interval(months => x.role_months, days => x.jitter))::date AS role_since,
           CASE WHEN ${r("t.idx", "cad")} < 0.25 THEN 7 WHEN ${r("t.idx", "cad")} < 0.85 THEN 14 ELSE NULL END AS cadence,
           CASE WHEN ${r("t.idx", "gap")} < 0.12 THEN ${rint("t.idx", "gapd", 25, 75)} ELSE 0 END AS gap_days,
           ${r("t.idx", "rust")} AS rust,
           ${r("t.idx", "worse")} < 0.08 AS worsening
      FROM unnest($1::int[], $2::int[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
           AS t(idx, manager_idx, depth, first, last, email, title, team, admin)
     CROSS JOIN LATERAL (
       SELECT least(60, 1 + floor(power(${r("t.idx", "role")}, 2) * 60)::int) AS role_months,
              CASE WHEN t.depth <= 2 THEN ${rint("t.idx", "extra", 12, 60)}
                   WHEN ${r("t.idx", "joined")} < 0.25 THEN 0 ELSE ${rint("t.idx", "extra", 1, 48)} END AS extra_months,
              ${rint("t.idx", "jit", 0, 27)} AS jitter
     ) x`;
}

export function usersSql(): string {
  return `INSERT INTO users (id, email, name, password_hash, sessions_valid_after, created_at)
          SELECT user_id, email, first || ' ' || last, $1, hire_date::timestamptz, hire_date::timestamptz FROM sp`;
}

export function membershipsSql(c: SynthContext): string {
  return `INSERT INTO memberships (id, org_id, user_id, role, manager_id, title, team, cadence_days, created_at, updated_at)
          SELECT id, ${c.orgId}, user_id, CASE WHEN admin THEN 'admin' ELSE 'member' END::member_role,
                 manager_id, title, team, cadence, hire_date::timestamptz, role_since::timestamptz
            FROM sp ORDER BY idx`;
}

const LATEST_TYPES = `CASE WHEN ${r("idx", "lt")} < 0.5 THEN 'promotion' WHEN ${r("idx", "lt")} < 0.7 THEN 'title_change'
                           WHEN ${r("idx", "lt")} < 0.85 THEN 'team_change' ELSE 'scope_change' END`;

/** Joining event, an optional middle scope change, and the event that started the current role. */
export function roleEventsSql(c: SynthContext): string {
  return `INSERT INTO role_events (id, org_id, person_id, type, effective_on, description, new_title, new_team, created_by, created_at, updated_at)
    SELECT ${uid("'re-join-' || idx")}, ${c.orgId}, id, 'title_change'::role_event_type, hire_date,
           'Joined Synthetic Corp on ' || team || '.', CASE WHEN extra_months = 0 THEN title END, team, manager_id,
           hire_date::timestamptz, hire_date::timestamptz
      FROM sp
    UNION ALL
    SELECT ${uid("'re-mid-' || idx")}, ${c.orgId}, id, 'scope_change'::role_event_type, hire_date + (role_since - hire_date) / 2,
           'Took on a wider scope within ' || team || '.', NULL, NULL, manager_id,
           (hire_date + (role_since - hire_date) / 2)::timestamptz, (hire_date + (role_since - hire_date) / 2)::timestamptz
      FROM sp WHERE extra_months >= 18 AND ${r("idx", "mid")} < 0.5
    UNION ALL
    SELECT ${uid("'re-cur-' || idx")}, ${c.orgId}, id, (${LATEST_TYPES})::role_event_type, role_since,
           CASE ${LATEST_TYPES} WHEN 'promotion' THEN 'Promoted to ' || title || '.'
                                WHEN 'title_change' THEN 'Moved into the ' || title || ' role.'
                                WHEN 'team_change' THEN 'Moved to the ' || team || ' team.'
                                ELSE 'Scope changed: now owns a new area in ' || team || '.' END,
           CASE WHEN ${LATEST_TYPES} IN ('promotion', 'title_change') THEN title END,
           CASE WHEN ${LATEST_TYPES} = 'team_change' THEN team END,
           manager_id, role_since::timestamptz, role_since::timestamptz
      FROM sp WHERE extra_months > 0`;
}

/**
 * Rotations: 4% of individual contributors are on one now (its start is a
 * role event, so their time in role is short), 8% did one before their
 * current role.
 */
export function rotationsSql(c: SynthContext): string {
  return `
    WITH active AS (
      SELECT sp.*, (${c.today} - make_interval(months => ${rint("idx", "rs", 1, 5)}))::date AS start_on
        FROM sp WHERE depth > 2 AND ${r("idx", "rot")} < 0.04
    ), done AS (
      SELECT sp.*, (role_since - make_interval(months => ${rint("idx", "rd", 6, 10)}))::date AS start_on
        FROM sp WHERE depth > 2 AND ${r("idx", "rot")} BETWEEN 0.04 AND 0.12
    ), ins AS (
      INSERT INTO rotations (id, org_id, person_id, host, start_on, planned_end_on, ended_on, status, learning_goal, created_by, created_at, updated_at)
      SELECT ${uid("'rot-a-' || idx")}, ${c.orgId}, id, 'Data Platform', start_on, start_on + 120, NULL, 'active'::rotation_status,
             'Learn how the streaming ingestion works end to end.', manager_id, start_on::timestamptz, start_on::timestamptz FROM active
      UNION ALL
      SELECT ${uid("'rot-d-' || idx")}, ${c.orgId}, id, 'Customer Success', start_on, start_on + 120, start_on + 120, 'done'::rotation_status,
             'See the product through the eyes of our support team.', manager_id, start_on::timestamptz, (start_on + 120)::timestamptz
        FROM done WHERE hire_date < start_on
      RETURNING id, person_id, start_on, ended_on, status
    )
    INSERT INTO role_events (id, org_id, person_id, type, effective_on, description, rotation_id, created_at, updated_at)
    SELECT ${uid("'re-rs-' || id")}, ${c.orgId}, person_id, 'rotation_start'::role_event_type, start_on, 'Started a rotation.', id, start_on::timestamptz, start_on::timestamptz FROM ins
    UNION ALL
    SELECT ${uid("'re-re-' || id")}, ${c.orgId}, person_id, 'rotation_end'::role_event_type, ended_on, 'Finished a rotation.', id, ended_on::timestamptz, ended_on::timestamptz
      FROM ins WHERE status = 'done'`;
}
