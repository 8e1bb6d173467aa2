import "server-only";
import { and, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { memberships, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer-type";
import { listVisibleSignals } from "./signals";

export type MyStuckData = { mine: Awaited<ReturnType<typeof listVisibleSignals>>; manager: string | null };

/** The viewer's own signals and their manager's name (whom the form tells). */
export async function loadMyStuck(db: Db, viewer: Viewer): Promise<MyStuckData> {
  const [mine, manager] = await Promise.all([listVisibleSignals(db, viewer, { personId: viewer.personId }), managerName(db, viewer)]);
  return { mine, manager };
}

async function managerName(db: Db, viewer: Viewer): Promise<string | null> {
  // Read with the viewer on page requests; viewers built elsewhere (tests) read it here.
  if (viewer.nav?.managerName !== undefined) return viewer.nav.managerName;
  // The viewer's current manager's name, in one read (me → my manager → their user).
  const mgr = alias(memberships, "mgr");
  const [m] = await db
    .select({ name: users.name })
    .from(memberships)
    .innerJoin(mgr, and(eq(mgr.id, memberships.managerId), eq(mgr.orgId, viewer.orgId)))
    .innerJoin(users, eq(users.id, mgr.userId))
    .where(and(eq(memberships.id, viewer.personId), eq(memberships.orgId, viewer.orgId)));
  return m?.name ?? null;
}
