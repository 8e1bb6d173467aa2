import "server-only";
import { sql } from "drizzle-orm";
import { rows, type Db } from "@/db/client";
import type { Viewer } from "@/lib/auth/viewer-type";
import { decideAccess, type Relation } from "@/lib/policy";
import { currentManagerOf } from "./access";
import { OVERDUE_AFTER_MS } from "./carry-over";

/**
 * Last held and next scheduled 1:1 of the person with their current manager
 * (null when the viewer is not a participant). "Next" is the one carried items
 * go to: the first scheduled 1:1 that is not overdue (see OVERDUE_AFTER_MS).
 */
export type PairSummary = {
  last: { id: string; at: string } | null;
  next: { id: string; at: string } | null;
  /** False for someone with no manager (the top of the organization): there is nobody to schedule a 1:1 with. */
  hasManager: boolean;
};

export async function lastAndNext(db: Db, viewer: Viewer, personId: string, rel: Relation, now = new Date()): Promise<PairSummary | null> {
  if (decideAccess("meeting", "read", rel, { viewerIsMeetingManager: true }) !== "allow") return null;
  const managerId = rel.manager ? viewer.personId : await currentManagerOf(db, viewer.orgId, personId);
  if (!managerId) return { last: null, next: null, hasManager: false };
  // Both ends of the pair's history in one statement: each branch walks the pair/status/date index from one end.
  const found = rows<{ k: "last" | "next"; id: string; at_ms: number }>(
    await db.execute(sql`
      (SELECT 'last' AS k, id, (extract(epoch FROM coalesce(held_at, scheduled_at)) * 1000)::float8 AS at_ms FROM meetings
        WHERE org_id = ${viewer.orgId} AND report_id = ${personId} AND manager_id = ${managerId} AND status = 'held'
        ORDER BY scheduled_at DESC LIMIT 1)
      UNION ALL
      (SELECT 'next' AS k, id, (extract(epoch FROM scheduled_at) * 1000)::float8 AS at_ms FROM meetings
        WHERE org_id = ${viewer.orgId} AND report_id = ${personId} AND manager_id = ${managerId} AND status = 'scheduled'
          AND scheduled_at >= ${new Date(now.getTime() - OVERDUE_AFTER_MS).toISOString()}::timestamptz
        ORDER BY scheduled_at ASC LIMIT 1)`),
  );
  const f = (k: "last" | "next") => {
    const r = found.find((x) => x.k === k);
    return r ? { id: r.id, at: new Date(Number(r.at_ms)).toISOString() } : null;
  };
  return { last: f("last"), next: f("next"), hasManager: true };
}
