import "server-only";
import { sql, type Table } from "drizzle-orm";
import { rows, type Db } from "@/db/client";
import type { Viewer } from "@/lib/auth/viewer-type";
import { AppError, notFound } from "@/lib/errors";

/** What someone editing a plan item deleted meanwhile (often in another tab) is told. */
const GONE = "This item is not there any more: it may have been deleted, for example in another tab. Reload to see the plan as it is now.";
import { authorize, isUuid, type Action, type Relation } from "@/lib/policy";

/** The policy gate for a person's plan: 404 when the viewer may not read it, 403 when they may read but not write. */
export function authorizePlan(db: Db, viewer: Viewer, action: Action, personId: string): Promise<Relation> {
  return authorize(db, viewer, "plan", action, personId);
}

/**
 * The gate for one plan row (goal, learning item, …) addressed by its own id:
 * finds whose plan it belongs to inside the viewer's organization, then asks
 * the policy. A row of another organization, or a made-up id, is 404.
 */
export async function authorizePlanRow(
  db: Db,
  viewer: Viewer,
  table: Table,
  id: string,
  action: Action,
): Promise<{ personId: string; rel: Relation }> {
  if (!isUuid(id)) throw notFound(GONE);
  const found = rows<{ person_id: string }>(
    await db.execute(sql`SELECT person_id FROM ${table} WHERE id = ${id} AND org_id = ${viewer.orgId}`),
  );
  const personId = found[0]?.person_id;
  if (!personId) throw notFound(GONE);
  try {
    const rel = await authorizePlan(db, viewer, action, personId);
    return { personId, rel };
  } catch (err) {
    // The same words whether the row is gone or not the viewer's to see: the answer reveals nothing.
    if (err instanceof AppError && err.status === 404) throw notFound(GONE);
    throw err;
  }
}
