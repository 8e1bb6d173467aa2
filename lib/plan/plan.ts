import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships, roleEvents, rotations, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer-type";
import { notFound } from "@/lib/errors";
import { decideAccess, type Relation } from "@/lib/policy";
import { authorizePlan } from "./access";
import type { PlanDto, RoleEventDto, RotationDto } from "./dto";
import { loadConnections } from "./connections";
import { loadGoals } from "./goals";
import { loadLearning } from "./learning";
import { loadPurposeHistory } from "./purpose";
import { loadSkills } from "./skills";
import { loadWins } from "./wins";

async function loadRotations(db: Db, orgId: string, personId: string): Promise<RotationDto[]> {
  return db
    .select({
      id: rotations.id,
      host: rotations.host,
      startOn: rotations.startOn,
      plannedEndOn: rotations.plannedEndOn,
      endedOn: rotations.endedOn,
      status: rotations.status,
      learningGoal: rotations.learningGoal,
    })
    .from(rotations)
    .where(and(eq(rotations.orgId, orgId), eq(rotations.personId, personId)))
    .orderBy(desc(rotations.startOn));
}

async function loadRoleEvents(db: Db, orgId: string, personId: string): Promise<RoleEventDto[]> {
  return db
    .select({
      id: roleEvents.id,
      type: roleEvents.type,
      effectiveOn: roleEvents.effectiveOn,
      description: roleEvents.description,
      newTitle: roleEvents.newTitle,
      newTeam: roleEvents.newTeam,
    })
    .from(roleEvents)
    .where(and(eq(roleEvents.orgId, orgId), eq(roleEvents.personId, personId)))
    .orderBy(desc(roleEvents.effectiveOn), asc(roleEvents.createdAt));
}

/**
 * The whole plan of a person as the viewer may see it: self, manager and
 * skip-levels (read); everyone else 404. Role history and rotations are
 * included when the viewer may read them (the plan's readers always may).
 * Returns the relation so callers know whether to offer editing.
 */
export async function getPlan(db: Db, viewer: Viewer, personId: string): Promise<{ plan: PlanDto; rel: Relation; canEdit: boolean }> {
  const rel = await authorizePlan(db, viewer, "read", personId);
  const seesRoles = decideAccess("roleHistory", "read", rel) === "allow";
  const orgId = viewer.orgId;
  const [person, history, goals, learning, connections, skills, wins, rots, events] = await Promise.all([
    db
      .select({ id: memberships.id, name: users.name, title: memberships.title, team: memberships.team })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.id, personId), eq(memberships.orgId, orgId))),
    loadPurposeHistory(db, orgId, personId),
    loadGoals(db, orgId, personId),
    loadLearning(db, orgId, personId),
    loadConnections(db, orgId, personId),
    loadSkills(db, orgId, personId),
    loadWins(db, orgId, personId),
    seesRoles ? loadRotations(db, orgId, personId) : Promise.resolve([]),
    seesRoles ? loadRoleEvents(db, orgId, personId) : Promise.resolve([]),
  ]);
  const p = person[0];
  if (!p) throw notFound();
  return {
    plan: {
      person: p,
      purpose: { current: history[0] ?? null, history },
      goals,
      learning,
      connections,
      skills,
      wins,
      rotations: rots,
      roleEvents: events,
    },
    rel,
    canEdit: decideAccess("plan", "write", rel) === "allow",
  };
}
