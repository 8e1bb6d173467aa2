import "server-only";
import { sql } from "drizzle-orm";
import { rows, type Db } from "@/db/client";
import type { Viewer } from "@/lib/auth/viewer-type";
import { enforce, type Relation } from "@/lib/policy";
import type { RoleEventDto } from "./role-events";
import type { RotationDto } from "./rotations";

export type RoleHistory = { events: RoleEventDto[]; rotations: RotationDto[] };

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
  const [r] = rows<{ events: RoleEventDto[] | null; rotations: RotationDto[] | null }>(
    await db.execute(sql`
      SELECT
        (SELECT json_agg(json_build_object('id', e.id, 'personId', e.person_id, 'type', e.type, 'effectiveOn', e.effective_on,
                  'description', e.description, 'newTitle', e.new_title, 'newTeam', e.new_team, 'rotationId', e.rotation_id,
                  'version', e.version) ORDER BY e.effective_on DESC, e.created_at DESC)
           FROM role_events e WHERE e.org_id = ${orgId} AND e.person_id = ${personId}) AS events,
        (SELECT json_agg(json_build_object('id', r.id, 'personId', r.person_id, 'host', r.host, 'startOn', r.start_on,
                  'plannedEndOn', r.planned_end_on, 'endedOn', r.ended_on, 'status', r.status, 'learningGoal', r.learning_goal,
                  'version', r.version) ORDER BY r.start_on DESC)
           FROM rotations r WHERE r.org_id = ${orgId} AND r.person_id = ${personId}) AS rotations`),
  );
  return { events: r?.events ?? [], rotations: r?.rotations ?? [] };
}
