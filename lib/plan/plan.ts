import "server-only";
import type { Db } from "@/db/client";
import type { Viewer } from "@/lib/auth/viewer-type";
import { notFound } from "@/lib/errors";
import { decideAccess, type Relation } from "@/lib/policy";
import { authorizePlan } from "./access";
import type { PlanDto } from "./dto";
import { readPlan } from "./read-plan";

/**
 * The whole plan of a person as the viewer may see it: self, manager and
 * skip-levels (read); everyone else 404. Role history and rotations are
 * included when the viewer may read them (the plan's readers always may).
 * Returns the relation so callers know whether to offer editing. One
 * statement for all sections (lib/plan/read-plan.ts).
 */
export async function getPlan(db: Db, viewer: Viewer, personId: string): Promise<{ plan: PlanDto; rel: Relation; canEdit: boolean }> {
  const rel = await authorizePlan(db, viewer, "read", personId);
  const seesRoles = decideAccess("roleHistory", "read", rel) === "allow";
  const plan = await readPlan(db, viewer.orgId, personId, seesRoles);
  if (!plan) throw notFound();
  return {
    plan,
    rel,
    canEdit: decideAccess("plan", "write", rel) === "allow",
  };
}
