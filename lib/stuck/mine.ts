import "server-only";
import { and, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { memberships, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer-type";
import { listVisibleSignals, whoCouldRead } from "./signals";

/**
 * `managerInactive`: a manager is on record but deactivated (until an admin reassigns), so the form tells HR instead.
 * `hrReachable`: for someone with no active manager (the top of the organization, or while theirs is deactivated),
 * whether an active admin other than themselves would see a signal to HR: without one, nobody would.
 */
export type MyStuckData = { mine: Awaited<ReturnType<typeof listVisibleSignals>>; manager: string | null; managerInactive: boolean; hrReachable: boolean };

/** The viewer's own signals and their manager's name (whom the form tells). */
export async function loadMyStuck(db: Db, viewer: Viewer): Promise<MyStuckData> {
  const [mine, mgr] = await Promise.all([listVisibleSignals(db, viewer, { personId: viewer.personId }), managerOf(db, viewer)]);
  // Asked only without an active manager, so a report's page (and the bench's) runs no extra statement.
  const hrReachable = mgr.manager ? true : (await whoCouldRead(db, viewer)).hr;
  return { mine, ...mgr, hrReachable };
}

async function managerOf(db: Db, viewer: Viewer): Promise<{ manager: string | null; managerInactive: boolean }> {
  // Read with the viewer on page requests (its name only while active); viewers built elsewhere (tests) read it here.
  if (viewer.nav?.managerName !== undefined) return { manager: viewer.nav.managerName, managerInactive: viewer.nav.hasManager && viewer.nav.managerName === null };
  // The viewer's current manager's name, in one read (me → my manager → their user).
  const mgr = alias(memberships, "mgr");
  const [m] = await db
    .select({ name: users.name, deactivatedAt: mgr.deactivatedAt })
    .from(memberships)
    .innerJoin(mgr, and(eq(mgr.id, memberships.managerId), eq(mgr.orgId, viewer.orgId)))
    .innerJoin(users, eq(users.id, mgr.userId))
    .where(and(eq(memberships.id, viewer.personId), eq(memberships.orgId, viewer.orgId)));
  if (!m) return { manager: null, managerInactive: false };
  return m.deactivatedAt ? { manager: null, managerInactive: true } : { manager: m.name, managerInactive: false };
}
