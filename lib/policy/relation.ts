import { sql } from "drizzle-orm";
import { rows, type Db } from "@/db/client";
import type { Viewer } from "@/lib/auth/viewer-type";
import { canonicalId, isUuidText } from "@/lib/http/canonical-ids";
import { NO_RELATION, type Relation } from "./rules";

// Reporting chains deeper than this are treated as broken data, not followed.
const MAX_DEPTH = 64;

/**
 * How `viewer` stands to person `personId`, in one query: walks E's current
 * manager chain upward inside the viewer's organization. A person of another
 * organization (or a made-up id) yields NO_RELATION, which the rules turn into 404.
 */
export async function relationTo(db: Db, viewer: Viewer, anyCaseId: string): Promise<Relation> {
  if (!isUuidText(anyCaseId)) return NO_RELATION;
  // Compared as strings below ("is this me?"): in the case the database writes.
  const personId = canonicalId(anyCaseId);
  // Oneself needs no walk: the viewer's membership in this organization was
  // read (and found active) with the viewer, this request, and nobody is
  // their own manager (reporting lines refuse cycles). /me asks this twice.
  if (personId === viewer.personId) return { sameOrg: true, self: true, manager: false, skipLevel: false, admin: viewer.role === "admin" };
  const result = rows<{ found: boolean; manager: boolean; skip: boolean }>(
    await db.execute(sql`
      WITH RECURSIVE chain AS (
        SELECT m.id, m.manager_id, 0 AS depth
          FROM memberships m
         WHERE m.id = ${personId} AND m.org_id = ${viewer.orgId}
        UNION ALL
        SELECT p.id, p.manager_id, c.depth + 1
          FROM memberships p
          JOIN chain c ON p.id = c.manager_id
         WHERE p.org_id = ${viewer.orgId} AND c.depth < ${MAX_DEPTH}
      )
      SELECT coalesce(bool_or(depth = 0), false) AS found,
             coalesce(bool_or(depth = 1 AND id = ${viewer.personId}), false) AS manager,
             coalesce(bool_or(depth >= 2 AND id = ${viewer.personId}), false) AS skip
        FROM chain`),
  );
  const r = result[0];
  if (!r?.found) return NO_RELATION;
  return {
    sameOrg: true,
    self: personId === viewer.personId,
    manager: r.manager,
    skipLevel: r.skip && !r.manager,
    admin: viewer.role === "admin",
  };
}

export { isUuidText as isUuid } from "@/lib/http/canonical-ids";
