import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { invitations, organizations } from "@/db/schema";
import { hashToken } from "./invitations";

/**
 * Why an invitation link no longer opens, for its page: "used", "revoked" (an admin's Revoke), "replaced" (a newer
 * invitation to the same address in the same organization), "expired", or "unknown" (no such link). Only whoever
 * holds the link can ask, and it is theirs to know: "already used or expired" sent someone whose link was revoked
 * back to an admin for a new one, and someone who had joined looking for another link.
 */
export type EndedInvitation = { why: "used" | "revoked" | "replaced" | "expired"; orgName: string } | { why: "unknown" };

export async function whyInvitationEnded(db: Db, token: string): Promise<EndedInvitation> {
  const [inv] = await db
    .select({
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
      orgName: organizations.name,
      newer: sql<boolean>`EXISTS (SELECT 1 FROM invitations n WHERE n.org_id = ${invitations.orgId} AND n.email = ${invitations.email} AND n.created_at > ${invitations.createdAt})`,
    })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.orgId))
    .where(eq(invitations.tokenHash, hashToken(token)));
  if (!inv) return { why: "unknown" };
  const why = inv.acceptedAt ? "used" : inv.revokedAt ? "revoked" : inv.newer ? "replaced" : "expired";
  return { why, orgName: inv.orgName };
}
