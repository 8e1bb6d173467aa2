import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { Tx } from "@/lib/transaction";

/**
 * Refuses something new for a deactivated member: a role change or a rotation is planned with a person, and someone
 * deactivated has left the organization as far as Reignite knows. What is on record stays correctable (edits and
 * deletes), and reactivating them opens it again. `doing` completes "reactivate them before …".
 */
export async function assertStillActive(db: Db | Tx, orgId: string, personId: string, doing: string): Promise<void> {
  const [gone] = await db
    .select({ name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.id, personId), eq(memberships.orgId, orgId), isNotNull(memberships.deactivatedAt)));
  if (gone) throw new AppError(409, "conflict", `${gone.name} is deactivated: reactivate them before ${doing}.`);
}
