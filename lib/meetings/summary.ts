import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { meetings } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer-type";
import { decideAccess, type Relation } from "@/lib/policy";
import { currentManagerOf } from "./access";

/** Last held and next scheduled 1:1 of the person with their current manager; null when the viewer is not a participant. */
export async function lastAndNext(db: Db, viewer: Viewer, personId: string, rel: Relation): Promise<{ last: { id: string; at: string } | null; next: { id: string; at: string } | null } | null> {
  if (decideAccess("meeting", "read", rel, { viewerIsMeetingManager: true }) !== "allow") return null;
  const managerId = rel.manager ? viewer.personId : await currentManagerOf(db, viewer.orgId, personId);
  if (!managerId) return { last: null, next: null };
  const pair = and(eq(meetings.orgId, viewer.orgId), eq(meetings.reportId, personId), eq(meetings.managerId, managerId));
  const [last, next] = await Promise.all([
    db.select({ id: meetings.id, at: sql<Date>`coalesce(${meetings.heldAt}, ${meetings.scheduledAt})`.mapWith(meetings.scheduledAt) }).from(meetings).where(and(pair, eq(meetings.status, "held"))).orderBy(desc(meetings.scheduledAt)).limit(1),
    db.select({ id: meetings.id, at: meetings.scheduledAt }).from(meetings).where(and(pair, eq(meetings.status, "scheduled"))).orderBy(asc(meetings.scheduledAt)).limit(1),
  ]);
  const f = (r?: { id: string; at: Date }) => (r ? { id: r.id, at: r.at.toISOString() } : null);
  return { last: f(last[0]), next: f(next[0]) };
}
