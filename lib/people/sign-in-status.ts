import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { invitations, memberships, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer-type";
import { authorizeOrg } from "@/lib/policy";

export type SignInStatus = { email: string; hasSignIn: boolean; invitedUntil: Date | null };

/**
 * Whether a member can sign in yet (orgAdmin: read, as invitations are). A CSV
 * import creates people without a password or an invitation, so nothing else
 * tells an admin that they still need one.
 */
export async function signInStatus(db: Db, viewer: Viewer | null, personId: string): Promise<SignInStatus | null> {
  const v = authorizeOrg(viewer, "orgAdmin", "read");
  const [row] = await db
    .select({
      email: users.email,
      hasSignIn: sql<boolean>`${users.passwordHash} IS NOT NULL`,
      invitedUntil: sql<string | null>`(SELECT max(i.expires_at) FROM ${invitations} i
        WHERE i.org_id = ${v.orgId} AND lower(i.email) = lower(${users.email}) AND i.accepted_at IS NULL AND i.expires_at > now())`,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, v.orgId), eq(memberships.id, personId), isNull(memberships.deactivatedAt)));
  if (!row) return null;
  return { email: row.email, hasSignIn: row.hasSignIn, invitedUntil: row.invitedUntil ? new Date(row.invitedUntil) : null };
}
