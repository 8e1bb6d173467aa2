import "server-only";
import { sql } from "drizzle-orm";
import { rows, type Db } from "@/db/client";
import { isoOf } from "@/db/sql-json";
import type { PlanDto } from "./dto";

type Row = { [K in keyof Omit<PlanDto, "purpose">]: PlanDto[K] | null } & { purpose: PlanDto["purpose"]["history"] | null };

/**
 * Every section of a person's plan in one statement (one round trip instead
 * of ten): the same rows, order and shapes as the per-section loaders
 * (loadGoals, loadLearning, … — which the writes still use to return what they
 * changed), checked against them by tests/integration/plan-read.test.ts.
 * No policy check: the caller authorized the plan read; `withRoles` says
 * whether the viewer may also read role history and rotations.
 */
export async function readPlan(db: Db, orgId: string, personId: string, withRoles: boolean): Promise<PlanDto | null> {
  const [r] = rows<Row>(
    await db.execute(sql`
      SELECT
        (SELECT json_build_object('id', m.id, 'name', u.name, 'title', m.title, 'team', m.team)
           FROM memberships m JOIN users u ON u.id = m.user_id
          WHERE m.id = ${personId} AND m.org_id = ${orgId}) AS person,
        (SELECT json_agg(json_build_object('id', ps.id, 'drewMe', ps.drew_me, 'impact', ps.impact, 'worthEffort', ps.worth_effort,
                  'version', ps.version, 'authorName', au.name, 'createdAt', ${isoOf("ps.created_at")})
                  ORDER BY ps.created_at DESC, ps.version DESC)
           FROM purpose_statements ps
           LEFT JOIN memberships am ON am.id = ps.author_id AND am.org_id = ${orgId}
           LEFT JOIN users au ON au.id = am.user_id
          WHERE ps.org_id = ${orgId} AND ps.person_id = ${personId}) AS purpose,
        (SELECT json_agg(json_build_object('id', g.id, 'title', g.title, 'description', g.description, 'category', g.category,
                  'status', g.status, 'targetOn', g.target_on, 'progress', g.progress, 'servesPurpose', g.serves_purpose,
                  'version', g.version, 'createdAt', ${isoOf("g.created_at")}, 'updatedAt', ${isoOf("g.updated_at")},
                  'updates', coalesce((
                    SELECT json_agg(json_build_object('id', su.id, 'body', su.body, 'progress', su.progress, 'authorName', uu.name,
                             'createdAt', ${isoOf("su.created_at")}) ORDER BY su.created_at)
                      FROM stretch_goal_updates su
                      LEFT JOIN memberships um ON um.id = su.author_id AND um.org_id = ${orgId}
                      LEFT JOIN users uu ON uu.id = um.user_id
                     WHERE su.org_id = ${orgId} AND su.goal_id = g.id), '[]'::json))
                  ORDER BY array_position(array['active','proposed','done','dropped']::goal_status[], g.status), g.updated_at DESC)
           FROM stretch_goals g WHERE g.org_id = ${orgId} AND g.person_id = ${personId}) AS goals,
        (SELECT json_agg(json_build_object('id', l.id, 'kind', l.kind, 'title', l.title, 'status', l.status, 'startedOn', l.started_on,
                  'completedOn', l.completed_on, 'takeaways', l.takeaways, 'version', l.version, 'updatedAt', ${isoOf("l.updated_at")})
                  ORDER BY array_position(array['in_progress','planned','done']::learning_status[], l.status), l.updated_at DESC)
           FROM learning_items l WHERE l.org_id = ${orgId} AND l.person_id = ${personId}) AS learning,
        (SELECT json_agg(json_build_object('id', c.id, 'kind', c.kind, 'otherPersonId', c.other_person_id, 'otherPersonName', cu.name,
                  'name', c.name, 'purpose', c.purpose, 'version', c.version) ORDER BY c.kind, c.created_at)
           FROM connections c
           LEFT JOIN memberships cm ON cm.id = c.other_person_id AND cm.org_id = ${orgId}
           LEFT JOIN users cu ON cu.id = cm.user_id
          WHERE c.org_id = ${orgId} AND c.person_id = ${personId}) AS connections,
        (SELECT json_agg(json_build_object('id', k.id, 'name', k.name, 'status', k.status, 'version', k.version) ORDER BY k.status, lower(k.name))
           FROM skills k WHERE k.org_id = ${orgId} AND k.person_id = ${personId}) AS skills,
        (SELECT json_agg(json_build_object('id', w.id, 'title', w.title, 'description', w.description, 'occurredOn', w.occurred_on,
                  'goalId', w.goal_id, 'goalTitle', wg.title, 'rotationId', w.rotation_id, 'rotationHost', wr.host,
                  'linksPurpose', w.links_purpose, 'authorName', wu.name, 'version', w.version) ORDER BY w.occurred_on DESC, w.created_at DESC)
           FROM wins w
           LEFT JOIN stretch_goals wg ON wg.id = w.goal_id AND wg.org_id = ${orgId}
           LEFT JOIN rotations wr ON wr.id = w.rotation_id AND wr.org_id = ${orgId}
           LEFT JOIN memberships wm ON wm.id = w.author_id AND wm.org_id = ${orgId}
           LEFT JOIN users wu ON wu.id = wm.user_id
          WHERE w.org_id = ${orgId} AND w.person_id = ${personId}) AS wins,
        ${
          withRoles
            ? sql`(SELECT json_agg(json_build_object('id', r.id, 'host', r.host, 'startOn', r.start_on, 'plannedEndOn', r.planned_end_on,
                      'endedOn', r.ended_on, 'status', r.status, 'learningGoal', r.learning_goal) ORDER BY r.start_on DESC)
                 FROM rotations r WHERE r.org_id = ${orgId} AND r.person_id = ${personId}) AS rotations,
              (SELECT json_agg(json_build_object('id', e.id, 'type', e.type, 'effectiveOn', e.effective_on, 'description', e.description,
                      'newTitle', e.new_title, 'newTeam', e.new_team) ORDER BY e.effective_on DESC, e.created_at)
                 FROM role_events e WHERE e.org_id = ${orgId} AND e.person_id = ${personId}) AS "roleEvents"`
            : sql`NULL::json AS rotations, NULL::json AS "roleEvents"`
        }`),
  );
  if (!r?.person) return null;
  const history = r.purpose ?? [];
  return {
    person: r.person,
    purpose: { current: history[0] ?? null, history },
    goals: r.goals ?? [],
    learning: r.learning ?? [],
    connections: r.connections ?? [],
    skills: r.skills ?? [],
    wins: r.wins ?? [],
    rotations: r.rotations ?? [],
    roleEvents: r.roleEvents ?? [],
  };
}
