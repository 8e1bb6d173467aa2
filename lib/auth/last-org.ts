import { and, eq, exists, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships, users } from "@/db/schema";

/**
 * Remembers the organization a user switched to, for their next sign-in
 * (lib/auth/viewer.ts). Written only where the user has an active membership,
 * checked in the same statement: it is a landing place, never an access grant.
 */
export async function rememberLastOrg(db: Db, userId: string, orgId: string): Promise<void> {
  await db
    .update(users)
    .set({ lastOrgId: orgId })
    .where(
      and(
        eq(users.id, userId),
        exists(db.select({ one: memberships.id }).from(memberships).where(and(eq(memberships.userId, userId), eq(memberships.orgId, orgId), isNull(memberships.deactivatedAt)))),
      ),
    );
}
