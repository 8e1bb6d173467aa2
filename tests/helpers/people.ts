import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships } from "@/db/schema";

/**
 * What an admin's person page would show now, as its forms send it (`basedOn`): a change made through the domain
 * functions in a test is one made from a freshly read page.
 */
export async function shownManager(db: Db, personId: string): Promise<{ managerId: string | null }> {
  const [m] = await db.select({ managerId: memberships.managerId }).from(memberships).where(eq(memberships.id, personId));
  if (!m) throw new Error(`No membership ${personId}`);
  return m;
}

export async function shownTitleTeam(db: Db, personId: string): Promise<{ title: string; team: string }> {
  const [m] = await db.select({ title: memberships.title, team: memberships.team }).from(memberships).where(eq(memberships.id, personId));
  if (!m) throw new Error(`No membership ${personId}`);
  return m;
}
