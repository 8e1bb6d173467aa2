import { randomBytes } from "node:crypto";
import { and, count, eq, gt, isNull, lt, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { loginAttempts, memberships, passwordResets, users } from "@/db/schema";
import { audit } from "@/lib/audit/log";
import { AppError } from "@/lib/errors";
import { hashToken } from "@/lib/people/invitations";
import { type Tx } from "@/lib/transaction";
import { hashPassword } from "./password";
import { validateNewPassword } from "./password-policy";
import { LOGIN_WINDOW_MS } from "./rate-limit";

export const RESET_TTL_MS = 60 * 60 * 1000;
/** Links one account may be sent per hour: enough to retry a lost email, too few to flood an inbox. */
export const RESET_MAX_PER_HOUR = 3;

export const requestResetInput = z.object({
  email: z.string().trim().toLowerCase().min(1, "Enter the email you sign in with.").max(320).pipe(z.email("Enter an email address, like name@example.com.")),
});

export const resetInput = z
  .object({
    token: z.string().min(20).max(200),
    password: z.string().min(1, "Enter a new password.").max(1024),
    confirm: z.string().max(1024),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The two passwords differ." });

type Account = { id: string; email: string; name: string; orgIds: string[] };

/** A login that may set a new password: it has one (an imported person without a sign-in needs an invitation) and an active membership. */
async function accountFor(db: Db | Tx, where: SQL): Promise<Account | null> {
  const rows = await db
    .select({ id: users.id, email: users.email, name: users.name, orgId: memberships.orgId })
    .from(users)
    .innerJoin(memberships, and(eq(memberships.userId, users.id), isNull(memberships.deactivatedAt)))
    .where(and(where, sql`${users.passwordHash} IS NOT NULL`));
  if (!rows.length) return null;
  return { id: rows[0]!.id, email: rows[0]!.email, name: rows[0]!.name, orgIds: rows.map((r) => r.orgId) };
}

/**
 * A new one-time link for this login: ends any earlier one not yet used. Returns the token (only its hash is
 * stored). Used by "Forgot your password?" and by the operator's `npm run user:reset-link`.
 */
export async function createPasswordReset(db: Db, userId: string, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + RESET_TTL_MS);
  await db.transaction(async (tx) => {
    await endPasswordResets(tx, userId, now);
    // Kept a day, for the hourly count; nothing older is of use.
    await tx.delete(passwordResets).where(lt(passwordResets.createdAt, new Date(now.getTime() - 24 * 60 * 60 * 1000)));
    await tx.insert(passwordResets).values({ userId, tokenHash: hashToken(token), expiresAt, createdAt: now });
  });
  return { token, expiresAt };
}

/**
 * "Forgot your password?": a link for the account with this email, or null for an email with no account that may
 * reset (unknown, no password yet, deactivated everywhere) and for an account sent its RESET_MAX_PER_HOUR already.
 * The caller answers the same in every case, so the form tells nobody whether an address has an account.
 */
export async function requestPasswordReset(
  db: Db,
  email: string,
  opts: { ip?: string | null; now?: Date } = {},
): Promise<{ token: string; expiresAt: Date; email: string; name: string } | null> {
  const now = opts.now ?? new Date();
  const account = await accountFor(db, sql`lower(${users.email}) = ${email.trim().toLowerCase()}`);
  if (!account) return null;
  // Ended links count too: a link is ended, not deleted, when a newer one replaces it.
  const [recent] = await db
    .select({ n: count() })
    .from(passwordResets)
    .where(and(eq(passwordResets.userId, account.id), gt(passwordResets.createdAt, new Date(now.getTime() - 60 * 60 * 1000))));
  if ((recent?.n ?? 0) >= RESET_MAX_PER_HOUR) return null;
  const { token, expiresAt } = await createPasswordReset(db, account.id, now);
  for (const orgId of account.orgIds) await audit({ orgId, actorUserId: account.id, action: "auth.password_reset_requested", ip: opts.ip ?? null });
  return { token, expiresAt, email: account.email, name: account.name };
}

/** Whose link this is, while it still works: for the page that asks for the new password. */
export async function findPasswordReset(db: Db, token: string, now = new Date()): Promise<{ email: string; name: string } | null> {
  if (token.length < 20 || token.length > 200) return null;
  const [row] = await db
    .select({ userId: passwordResets.userId })
    .from(passwordResets)
    .where(and(eq(passwordResets.tokenHash, hashToken(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)))
    .limit(1);
  if (!row) return null;
  const account = await accountFor(db, eq(users.id, row.userId));
  return account ? { email: account.email, name: account.name } : null;
}

const GONE = "This link was already used or has expired. Ask for a new one from the sign-in page.";

/**
 * Sets a new password through a one-time link. The link is spent, every session of the login ends (as with a
 * password change: whoever knew the old password is out), and the account's paused sign-ins are lifted, since
 * its owner just proved they read its email. Returns the email, to sign in with.
 */
export async function resetPassword(db: Db, input: z.infer<typeof resetInput>, opts: { ip?: string | null; now?: Date } = {}): Promise<{ email: string }> {
  const now = opts.now ?? new Date();
  const who = await findPasswordReset(db, input.token, now);
  if (!who) throw new AppError(404, "not_found", GONE);
  const problems = validateNewPassword(input.password, who);
  if (problems.length) throw new AppError(422, "validation_failed", "Some fields need attention.", { password: problems });
  // argon2 takes tens of milliseconds: hashed before the transaction, which then only writes.
  const hash = await hashPassword(input.password);
  const account = await db.transaction(async (tx) => {
    const [spent] = await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.tokenHash, hashToken(input.token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)))
      .returning({ userId: passwordResets.userId });
    // Used by a second tab a moment ago: the update above found nothing to spend.
    if (!spent) return null;
    await tx.update(users).set({ passwordHash: hash, sessionsValidAfter: now }).where(eq(users.id, spent.userId));
    await endPasswordResets(tx, spent.userId, now);
    return accountFor(tx, eq(users.id, spent.userId));
  });
  if (!account) throw new AppError(404, "not_found", GONE);
  await db.delete(loginAttempts).where(eq(loginAttempts.key, `email:${account.email.toLowerCase()}`));
  for (const orgId of account.orgIds) await audit({ orgId, actorUserId: account.id, action: "auth.password_reset", targetType: "user", targetId: account.id, ip: opts.ip ?? null });
  return { email: account.email };
}

/**
 * Ends a login's links still out: when a newer one is made, when one is used, and when the password is changed on
 * /account (a link could sit in a mailbox someone else reads).
 */
export async function endPasswordResets(db: Db | Tx, userId: string, now = new Date()): Promise<void> {
  await db.update(passwordResets).set({ expiresAt: now }).where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)));
}

/** Requests for links from one client address per sign-in window: a script trying addresses is slowed down. */
export const RESET_MAX_PER_IP = 20;

/**
 * Counts this request against its client address (kept with the sign-in counts, under a key of its own) and returns
 * null, or the seconds to wait when the address has made RESET_MAX_PER_IP requests in the window. Says nothing
 * about any account, so it may be shown as it is.
 */
export async function resetRequestWait(db: Db, ip: string | null, now = Date.now()): Promise<number | null> {
  if (!ip) return null;
  const key = `reset-ip:${ip}`;
  const since = new Date(now - LOGIN_WINDOW_MS);
  const [row] = await db
    .select({ n: count(), oldest: sql<number | null>`(extract(epoch from min(${loginAttempts.createdAt})) * 1000)::float8` })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.key, key), gt(loginAttempts.createdAt, since)));
  if ((row?.n ?? 0) >= RESET_MAX_PER_IP) {
    const oldest = row?.oldest == null ? now : Number(row.oldest);
    return Math.max(1, Math.ceil((oldest + LOGIN_WINDOW_MS - now) / 1000));
  }
  await db.insert(loginAttempts).values({ key, createdAt: new Date(now) });
  return null;
}
