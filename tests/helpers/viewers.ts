import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships, organizations, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer-type";

/** Builds the Viewer the app would build for a signed-in demo user (active org = the email's org unless given). */
export async function viewerFor(db: Db, email: string, orgSlug?: string): Promise<Viewer> {
  const found = await db
    .select({
      userId: users.id,
      email: users.email,
      name: users.name,
      personId: memberships.id,
      role: memberships.role,
      orgId: organizations.id,
      orgSlug: organizations.slug,
      orgName: organizations.name,
    })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  const active = orgSlug ? found.find((f) => f.orgSlug === orgSlug) : found[0];
  if (!active) throw new Error(`No demo user ${email}${orgSlug ? ` in ${orgSlug}` : ""}`);
  return {
    ...active,
    orgs: found.map((f) => ({ orgId: f.orgId, slug: f.orgSlug, name: f.orgName })),
    authTime: Date.now(),
  };
}

/** The membership ("person") id of a demo user inside their org. */
export async function personId(db: Db, email: string): Promise<string> {
  const [r] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(sql`lower(${users.email})`, email.toLowerCase())));
  if (!r) throw new Error(`No person ${email}`);
  return r.id;
}
