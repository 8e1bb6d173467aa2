import "server-only";
import { sql } from "drizzle-orm";
import { rows, type Db } from "@/db/client";
import type { Viewer } from "@/lib/auth/viewer-type";
import { decideAccess, enforce, type Relation } from "@/lib/policy";
import type { RoleEventDto } from "./role-events";
import type { RotationDto } from "./rotations";

export type RoleHistory = {
  events: RoleEventDto[];
  rotations: RotationDto[];
  /**
   * How many wins are linked to each rotation (a delete keeps them, unlinked, and says so); null for a viewer who may
   * not read wins (an admin), whom a count would tell that there are some.
   */
  winsByRotation: Record<string, number> | null;
};

/**
 * A person's role timeline and rotations in one statement (the person page
 * shows both): the same rows, order and shapes as listRoleEvents and
 * listRotations, which the API and the writes keep using — held to them by
 * tests/integration/people-role-history.test.ts. roleHistory: read, decided
 * on the relation the caller already has from relationTo().
 */
export async function readRoleHistory(db: Db, viewer: Viewer, personId: string, rel: Relation): Promise<RoleHistory> {
  enforce(viewer, "roleHistory", "read", rel, {}, personId);
  const orgId = viewer.orgId;
  const seesWins = decideAccess("plan", "read", rel) === "allow";
  const [r] = rows<{ events: RoleEventDto[] | null; rotations: RotationDto[] | null; wins: Record<string, number> | null }>(
    await db.execute(sql`
      SELECT
        (SELECT json_agg(json_build_object('id', e.id, 'personId', e.person_id, 'type', e.type, 'effectiveOn', e.effective_on,
                  'description', e.description, 'newTitle', e.new_title, 'newTeam', e.new_team, 'rotationId', e.rotation_id,
                  'version', e.version) ORDER BY e.effective_on DESC, e.created_at DESC)
           FROM role_events e WHERE e.org_id = ${orgId} AND e.person_id = ${personId}) AS events,
        (SELECT json_agg(json_build_object('id', r.id, 'personId', r.person_id, 'host', r.host, 'startOn', r.start_on,
                  'plannedEndOn', r.planned_end_on, 'endedOn', r.ended_on, 'status', r.status, 'learningGoal', r.learning_goal,
                  'version', r.version) ORDER BY r.start_on DESC)
           FROM rotations r WHERE r.org_id = ${orgId} AND r.person_id = ${personId}) AS rotations,
        ${
          seesWins
            ? sql`(SELECT json_object_agg(w.rotation_id, w.n) FROM (
                     SELECT rotation_id, count(*)::int AS n FROM wins
                      WHERE org_id = ${orgId} AND person_id = ${personId} AND rotation_id IS NOT NULL GROUP BY rotation_id) w)`
            : sql`NULL::json`
        } AS wins`),
  );
  return { events: r?.events ?? [], rotations: r?.rotations ?? [], winsByRotation: seesWins ? (r?.wins ?? {}) : null };
}
