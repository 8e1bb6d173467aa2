import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { invitations, memberships, organizations, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer-type";
import { hashPassword, PASSWORD_MAX, PASSWORD_MIN, verifyPassword } from "@/lib/auth/password";
import { PERSON_TEXT_MAX } from "./schemas";
import { validateNewPassword } from "@/lib/auth/password-policy";
import { audit } from "@/lib/audit/log";
import { startLoginAttempt } from "@/lib/auth/credentials";
import { AppError, notFound } from "@/lib/errors";
import { authorizeOrg, isUuid } from "@/lib/policy";
import { teamAsSpelled } from "./team-spelling";

export const INVITE_TTL_MS = 7 * 24 * 3600 * 1000;

export const inviteInput = z.object({
  // An empty field is asked for, not called invalid.
  email: z.email({ error: (issue) => (issue.input === "" || issue.input === undefined ? "Enter their email address." : "Enter a valid email address.") }).trim().toLowerCase(),
  name: z.string().trim().min(1, "Enter their name.").max(PERSON_TEXT_MAX, `At most ${PERSON_TEXT_MAX} characters.`),
  title: z.string().trim().max(PERSON_TEXT_MAX, `At most ${PERSON_TEXT_MAX} characters.`).default(""),
  team: z.string().trim().max(PERSON_TEXT_MAX, `At most ${PERSON_TEXT_MAX} characters.`).default(""),
  role: z.enum(["admin", "member"]).default("member"),
  managerId: z.union([z.uuid(), z.literal("")]).optional().transform((v) => (v ? v : null)),
});
export type InviteInput = z.infer<typeof inviteInput>;

export const acceptInput = z
  .object({
    token: z.string().min(10),
    password: z.string().min(1, { error: "Enter a password.", abort: true }).min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`).max(PASSWORD_MAX),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { message: "The passwords don't match.", path: ["confirm"] });

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * Admin: invite someone by email. Returns the one-time token (only its hash is stored). `endedEarlier`: a link still
 * pending for this address stopped working, so the admin can say so to whoever holds it.
 */
export async function createInvitation(db: Db, viewer: Viewer | null, input: InviteInput): Promise<{ token: string; id: string; expiresAt: Date; endedEarlier: boolean }> {
  const v = authorizeOrg(viewer, "orgAdmin", "write");
  // A member imported from CSV has no password yet: inviting them is how they get one.
  const [existing] = await db
    .select({
      id: memberships.id,
      hasPassword: sql<boolean>`${users.passwordHash} IS NOT NULL`,
      deactivated: sql<boolean>`${memberships.deactivatedAt} IS NOT NULL`,
      role: memberships.role,
      title: memberships.title,
      team: memberships.team,
      managerId: memberships.managerId,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, v.orgId), eq(sql`lower(${users.email})`, input.email)));
  if (existing?.deactivated) {
    throw new AppError(422, "validation_failed", "Some fields need attention.", { email: ["This person was deactivated: reactivate them on their page instead of inviting them."] });
  }
  if (existing?.hasPassword) throw new AppError(422, "validation_failed", "Some fields need attention.", { email: ["This person is already a member of the organization."] });
  if (existing) input = forDirectoryMember(input, existing);
  // A directory member's manager is theirs already (forDirectoryMember), whatever became of that manager since.
  if (input.managerId && !existing) {
    const [m] = await db
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.id, input.managerId), eq(memberships.orgId, v.orgId), isNull(memberships.deactivatedAt)));
    if (!m) throw new AppError(422, "validation_failed", "Unknown manager.", { managerId: ["Choose a manager from this organization."] });
  }
  // "platform" for a team spelled "Platform" would start a second team beside it.
  const team = input.team ? await teamAsSpelled(db, v.orgId, input.team) : input.team;
  const token = randomBytes(32).toString("base64url");
  const now = new Date();
  const expiresAt = new Date(now.getTime() + INVITE_TTL_MS);
  const row = await db.transaction(async (tx) => {
    // One live link per person: inviting them again (a typo fixed, another role) ends the earlier one.
    const ended = await tx
      .update(invitations)
      .set({ expiresAt: now })
      .where(and(eq(invitations.orgId, v.orgId), eq(invitations.email, input.email), isNull(invitations.acceptedAt), gt(invitations.expiresAt, now)))
      .returning({ id: invitations.id });
    const [r] = await tx
      .insert(invitations)
      .values({ orgId: v.orgId, ...input, team, tokenHash: hashToken(token), expiresAt, createdBy: v.personId })
      .returning({ id: invitations.id });
    return { id: r!.id, endedEarlier: ended.length > 0 };
  });
  const meta = row.endedEarlier ? { email: input.email, earlierLink: "ended" } : { email: input.email };
  await audit({ orgId: v.orgId, actorUserId: v.userId, action: "member.invited", targetType: "invitation", targetId: row.id, meta });
  return { token, id: row.id, expiresAt, endedEarlier: row.endedEarlier };
}

/**
 * Someone already in the directory (imported, no sign-in yet): the link gives them a sign-in and changes nothing else.
 * Accepting it keeps their membership as it is, so a title, team, manager or access chosen here would be dropped
 * unseen (the pending list even showed "Admin"): a different one is refused at its field, pointing to their page,
 * where such a change is recorded and audited as one. An empty title, team or manager means "as they are".
 */
function forDirectoryMember(input: InviteInput, m: { role: "admin" | "member"; title: string; team: string; managerId: string | null }): InviteInput {
  const onTheirPage = "this link only gives them a sign-in";
  const fields: Record<string, string[]> = {};
  if (input.title && input.title !== m.title) fields.title = [`They are in the directory as “${m.title || "no title"}”: change it on their page; ${onTheirPage}.`];
  if (input.team && input.team.toLowerCase() !== m.team.toLowerCase()) fields.team = [`They are in the directory in team “${m.team || "none"}”: change it on their page; ${onTheirPage}.`];
  if (input.managerId && input.managerId !== m.managerId) fields.managerId = [`Their manager is set on their page; ${onTheirPage}.`];
  if (input.role !== m.role) fields.role = [`They are ${m.role === "admin" ? "an admin" : "a member"} in the directory: change access on their page; ${onTheirPage}.`];
  if (Object.keys(fields).length) throw new AppError(422, "validation_failed", "Some fields need attention.", fields);
  return { ...input, role: m.role, title: m.title, team: m.team, managerId: m.managerId };
}

/**
 * Admin: ends a pending invitation now (sent to the wrong address, or with the
 * wrong role): its link stops working at once. Audited; 404 when it is not
 * pending in the viewer's organization (used, expired, revoked or unknown).
 */
export async function revokeInvitation(db: Db, viewer: Viewer | null, id: string): Promise<{ email: string }> {
  const v = authorizeOrg(viewer, "orgAdmin", "write");
  if (!isUuid(id)) throw notFound("This invitation is not pending any more.");
  const now = new Date();
  const [row] = await db
    .update(invitations)
    .set({ expiresAt: now, revokedAt: now })
    .where(and(eq(invitations.id, id), eq(invitations.orgId, v.orgId), isNull(invitations.acceptedAt), gt(invitations.expiresAt, now)))
    .returning({ id: invitations.id, email: invitations.email });
  if (!row) throw notFound("This invitation is not pending any more.");
  await audit({ orgId: v.orgId, actorUserId: v.userId, action: "member.invitation_revoked", targetType: "invitation", targetId: row.id, meta: { email: row.email } });
  return { email: row.email };
}

/** Pending invitations of the org (admin). */
export async function listInvitations(db: Db, viewer: Viewer | null) {
  const v = authorizeOrg(viewer, "orgAdmin", "read");
  return db
    .select({ id: invitations.id, email: invitations.email, name: invitations.name, role: invitations.role, expiresAt: invitations.expiresAt })
    .from(invitations)
    .where(and(eq(invitations.orgId, v.orgId), isNull(invitations.acceptedAt), gt(invitations.expiresAt, new Date())))
    .orderBy(invitations.createdAt);
}

/** What the public invite page shows before accepting: no secrets, 404 for unknown/expired/used tokens. */
export async function findInvitation(db: Db, token: string) {
  const [inv] = await db
    .select({
      id: invitations.id,
      email: invitations.email,
      name: invitations.name,
      orgName: organizations.name,
      // Someone who already signs in to Reignite (another organization) joins with their password, not a new one.
      hasAccount: sql<boolean>`EXISTS (SELECT 1 FROM users u WHERE lower(u.email) = lower(${invitations.email}) AND u.password_hash IS NOT NULL)`,
    })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.orgId))
    .where(and(eq(invitations.tokenHash, hashToken(token)), isNull(invitations.acceptedAt), gt(invitations.expiresAt, new Date())));
  if (!inv) throw notFound("This invitation link is not valid any more.");
  return inv;
}

/**
 * A password set through an invitation (including an org's first admin) meets
 * the same rule as one changed on /account. Thrown inside the transaction, so
 * the invitation stays unused and the person can try another password.
 */
function refuseWeakPassword(password: string, context: { email: string; name: string }): void {
  const problems = validateNewPassword(password, context);
  if (problems.length) throw new AppError(422, "validation_failed", "Some fields need attention.", { password: problems });
}

/**
 * An account without a password was created by an organization's CSV import,
 * and whoever first sets its password through an invitation owns it: signs in
 * as that person to every organization it belongs to. Only an invitation of an
 * organization it already belongs to (or of none) may set it. Otherwise the
 * admin of any other organization could invite the same email, open the link
 * (the admin holds it) and choose the password of someone else's member. The
 * person accepts the invitation of the organization that added them first,
 * then joins this one with that password. The other organization is not named.
 */
async function refuseAccountOfAnotherOrg(tx: Pick<Db, "select">, userId: string, orgId: string): Promise<void> {
  const [elsewhere] = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), ne(memberships.orgId, orgId)))
    .limit(1);
  if (elsewhere) {
    throw new AppError(
      409,
      "conflict",
      "Another organization on Reignite added this email and has not been joined yet. Accept that organization's invitation first (ask its admin), then open this link again and enter the password you chose.",
    );
  }
}

/**
 * An invitation to someone who already has an account is accepted with that
 * account's password. Whoever holds the link — the invitee, but also the admin
 * who created it, of any organization on this instance — could otherwise try
 * passwords against another organization's member without limit (a wrong one
 * rolls back and leaves the link usable). So the check counts exactly like a
 * sign-in: the same per-account and per-address buckets, paused together, and
 * audited as a failed sign-in.
 */
async function checkExistingAccountPassword(db: Db, token: string, password: string, ip: string | null): Promise<string | null> {
  const [found] = await db
    .select({ email: invitations.email, userId: users.id, passwordHash: users.passwordHash })
    .from(invitations)
    .innerJoin(users, sql`lower(${users.email}) = lower(${invitations.email})`)
    .where(and(eq(invitations.tokenHash, hashToken(token)), isNull(invitations.acceptedAt), gt(invitations.expiresAt, new Date())));
  if (!found?.passwordHash) return null; // a new person, or one imported without a password: they set one below
  const email = found.email.toLowerCase();
  const attempt = await startLoginAttempt(email, ip);
  if (attempt.wait !== null) {
    const wait = attempt.wait;
    const mins = Math.ceil(wait / 60);
    throw new AppError(429, "rate_limited", `Too many wrong passwords for this account. For your security, joining and signing in are paused: try again in ${mins} minute${mins === 1 ? "" : "s"}.`, undefined, { retryAfter: wait });
  }
  if (!(await verifyPassword(found.passwordHash, password))) {
    // The attempt stays recorded as a failure.
    await audit({ orgId: null, actorUserId: found.userId, action: "auth.sign_in_failed", meta: { email, via: "invitation" }, ip });
    throw new AppError(422, "validation_failed", "Some fields need attention.", {
      password: ["That isn't the password of your Reignite account. Enter the one you sign in with."],
    });
  }
  await attempt.succeeded();
  return found.passwordHash;
}

/**
 * Accepts an invitation: creates the user (or, for an existing user, checks
 * their current password) and the membership, and marks the invitation used,
 * in one transaction. The token works once.
 */
export async function acceptInvitation(db: Db, token: string, password: string, opts: { ip?: string | null } = {}): Promise<{ email: string; existingAccount: boolean }> {
  // argon2 is slow: the existing password is verified once, and a new one hashed only when one is set.
  const verifiedHash = await checkExistingAccountPassword(db, token, password, opts.ip ?? null);
  const newHash = verifiedHash ? null : await hashPassword(password);
  const passwordHash = async () => newHash ?? (await hashPassword(password));
  const result = await db.transaction(async (tx) => {
    const [inv] = await tx
      .update(invitations)
      .set({ acceptedAt: new Date() })
      .where(and(eq(invitations.tokenHash, hashToken(token)), isNull(invitations.acceptedAt), gt(invitations.expiresAt, new Date())))
      .returning();
    if (!inv) throw notFound("This invitation link is not valid any more.");
    let [user] = await tx.select().from(users).where(eq(sql`lower(${users.email})`, inv.email.toLowerCase()));
    const existingAccount = !!user?.passwordHash;
    if (user) {
      // Already in this organization but deactivated (e.g. imported, then deactivated): joining would set a password
      // and say "ready" while the membership stays off. Only an admin's reactivation brings them back.
      const [here] = await tx
        .select({ deactivatedAt: memberships.deactivatedAt })
        .from(memberships)
        .where(and(eq(memberships.userId, user.id), eq(memberships.orgId, inv.orgId)));
      if (here?.deactivatedAt) {
        throw new AppError(409, "conflict", "Your membership of this organization is deactivated. Ask one of its admins to reactivate it; this link is not needed for that.");
      }
      // Checked again only if the password changed since (or was set by a concurrent acceptance).
      if (user.passwordHash && user.passwordHash !== verifiedHash && !(await verifyPassword(user.passwordHash, password))) {
        throw new AppError(422, "validation_failed", "You already have an account.", {
          password: ["You already have a Reignite account: enter its current password to join."],
        });
      }
      if (!user.passwordHash) {
        await refuseAccountOfAnotherOrg(tx, user.id, inv.orgId);
        refuseWeakPassword(password, { email: inv.email, name: user.name });
        await tx.update(users).set({ passwordHash: await passwordHash() }).where(eq(users.id, user.id));
      }
    } else {
      refuseWeakPassword(password, { email: inv.email, name: inv.name });
      [user] = await tx.insert(users).values({ email: inv.email.toLowerCase(), name: inv.name, passwordHash: await passwordHash() }).onConflictDoNothing().returning();
      // Another invitation (or an import) created this account a moment ago: this link stays usable for it.
      if (!user) throw new AppError(409, "conflict", "Your account was created a moment ago through another invitation. Open this link again and enter the password you chose there.");
    }
    await tx
      .insert(memberships)
      .values({ orgId: inv.orgId, userId: user!.id, role: inv.role, managerId: inv.managerId, title: inv.title, team: inv.team })
      .onConflictDoNothing();
    // The next sign-in lands in the organization just joined, not the alphabetically first of the user's organizations.
    await tx.update(users).set({ lastOrgId: inv.orgId }).where(eq(users.id, user!.id));
    return { orgId: inv.orgId, userId: user!.id, email: inv.email, id: inv.id, existingAccount };
  });
  await audit({ orgId: result.orgId, actorUserId: result.userId, action: "member.invitation_accepted", targetType: "invitation", targetId: result.id });
  return { email: result.email, existingAccount: result.existingAccount };
}
