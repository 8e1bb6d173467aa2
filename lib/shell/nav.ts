import "server-only";
import { cache } from "react";
import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberships } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer-type";

import type { NavItem } from "./nav-type";
export type { NavItem };

/** What the signed-in shell offers this viewer, and where their home is: no query of its own when the viewer carries the facts (getViewer reads them), cached per request. */
export const navFor = cache(async (viewer: Viewer): Promise<{ items: NavItem[]; home: string; managesPeople: boolean; hasManager: boolean }> => {
  const facts = viewer.nav ?? (await navFacts(viewer));
  const { managesPeople, hasManager } = facts;
  const items: NavItem[] = [];
  if (managesPeople) items.push({ href: "/team", label: "Team" });
  items.push({ href: "/me", label: "My growth" });
  if (hasManager) items.push({ href: "/me/one-on-ones", label: "My 1:1s" });
  items.push({ href: "/people", label: "People" });
  if (managesPeople || viewer.role === "admin") items.push({ href: "/signals", label: "Signals" });
  if (viewer.role === "admin") {
    items.push({ href: "/org", label: "Org insights" });
    items.push({ href: "/settings", label: "Settings" });
    items.push({ href: "/admin/audit", label: "Audit log" });
  }
  const home = managesPeople ? "/team" : viewer.role === "admin" ? "/org" : "/me";
  return { items, home, managesPeople, hasManager };
});

/** For a viewer built without the navigation facts (the viewer query normally reads them). */
async function navFacts(viewer: Viewer): Promise<{ managesPeople: boolean; hasManager: boolean }> {
  const db = await getDb();
  const [r] = await db
    .select({
      reports: sql<number>`(select count(*)::int from ${memberships} r where r.org_id = ${viewer.orgId} and r.manager_id = ${viewer.personId} and r.deactivated_at is null)`,
      managerId: memberships.managerId,
    })
    .from(memberships)
    .where(and(eq(memberships.id, viewer.personId), eq(memberships.orgId, viewer.orgId), isNull(memberships.deactivatedAt)));
  return { managesPeople: (r?.reports ?? 0) > 0, hasManager: !!r?.managerId };
}
