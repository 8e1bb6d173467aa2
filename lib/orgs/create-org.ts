import { randomBytes } from "node:crypto";
import { like, or, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { auditEvents, invitations, organizations } from "@/db/schema";
import { validationError } from "@/lib/errors";
import { hashToken, INVITE_TTL_MS } from "@/lib/people/invitations";

/**
 * A new organization and its first admin: how a real team starts on Reignite
 * (the demo data never loads into PostgreSQL unless asked). An operator runs
 * it on the server (`npm run org:create`); nobody can do it over HTTP, so a
 * fresh instance cannot be claimed by whoever reaches it first. The admin is
 * invited, not created: they set their own password through the one-time
 * link, as every invited member does, and then invite or import everyone else.
 */
export const orgCreateInput = z.object({
  name: z.string().trim().min(1, "Give the organization a name.").max(120, "Keep the name under 120 characters."),
  adminEmail: z.email("Enter the first admin's email address.").trim().toLowerCase(),
  adminName: z.string().trim().min(1, "Give the first admin's name.").max(120, "Keep the name under 120 characters."),
});
export type OrgCreateInput = z.input<typeof orgCreateInput>;

/** "Acme Robotics, Inc." → "acme-robotics-inc": the organization's short name in URLs and logs. */
export function slugOf(name: string): string {
  const s = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  return s || "org";
}

/** The first of slug, slug-2, slug-3, … not in `taken`. */
export function freeSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export async function createOrganization(
  db: Db,
  raw: OrgCreateInput,
  now = new Date(),
): Promise<{ orgId: string; slug: string; name: string; token: string; expiresAt: Date }> {
  const parsed = orgCreateInput.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  const input = parsed.data;
  const base = slugOf(input.name);
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + INVITE_TTL_MS);
  return db.transaction(async (tx) => {
    const taken = await tx
      .select({ slug: organizations.slug })
      .from(organizations)
      .where(or(eq(organizations.slug, base), like(organizations.slug, `${base}-%`)));
    const slug = freeSlug(base, new Set(taken.map((t) => t.slug)));
    const [org] = await tx.insert(organizations).values({ slug, name: input.name }).returning({ id: organizations.id });
    const [inv] = await tx
      .insert(invitations)
      .values({ orgId: org!.id, email: input.adminEmail, name: input.adminName, title: "", team: "", role: "admin", managerId: null, tokenHash: hashToken(token), expiresAt })
      .returning({ id: invitations.id });
    await tx.insert(auditEvents).values({ orgId: org!.id, actorUserId: null, action: "org.created", targetType: "invitation", targetId: inv!.id, meta: { slug, adminEmail: input.adminEmail } });
    return { orgId: org!.id, slug, name: input.name, token, expiresAt };
  });
}
