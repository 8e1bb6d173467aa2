import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberships, organizations, users } from "@/db/schema";
import { audit } from "@/lib/audit/log";
import { dummyHash, verifyPassword } from "./password";
import { clientIp } from "./client-ip";
import { beginLoginAttempt, loginRetryAfter, type LoginAttempt } from "./rate-limit";

/**
 * Checks an email + password. Unknown email and wrong password take the same
 * time and give the same answer; failures count towards per-account and
 * per-IP limits kept in PostgreSQL (so they hold across app instances).
 */
export async function checkCredentials(
  email: string,
  password: string,
  request: Request | undefined,
): Promise<{ id: string; name: string; email: string; landingOrgId: string | null } | null | "rate_limited"> {
  const db = await getDb();
  const ip = request ? clientIp(request.headers) : null;
  const attempt = await startLoginAttempt(email, ip);
  if (attempt.wait !== null) return "rate_limited";
  const [user] = await db
    .select({ id: users.id, name: users.name, email: users.email, passwordHash: users.passwordHash, lastOrgId: users.lastOrgId })
    .from(users)
    .where(sql`lower(${users.email}) = ${email}`)
    .limit(1);
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
  // In the viewer's order (lib/auth/viewer.ts): by the organization's name, so active[0] is its default.
  const active = user
    ? await db
        .select({ orgId: memberships.orgId })
        .from(memberships)
        .innerJoin(organizations, eq(organizations.id, memberships.orgId))
        .where(and(eq(memberships.userId, user.id), isNull(memberships.deactivatedAt)))
        .orderBy(organizations.name)
    : [];
  // Where this session starts: the organization last switched to or joined, if still an active membership, else
  // the viewer's default (first by name). Fixed for the session (a claim of its token), so switching in another
  // browser never moves this one between two clicks.
  const landingOrgId = user && active.some((m) => m.orgId === user.lastOrgId) ? user.lastOrgId : null;
  // Audited in that organization only. A shared account's sign-in into Acme, with its IP address, is not Globex's
  // business; Globex's log gets its own "Signed in" when the session is switched there (switchOrgAction).
  const auditOrgId = landingOrgId ?? active[0]?.orgId ?? null;
  if (!user || !ok || active.length === 0) {
    // The attempt stays recorded: it was a failure.
    await audit({ orgId: auditOrgId, actorUserId: user?.id ?? null, action: "auth.sign_in_failed", meta: { email }, ip });
    return null;
  }
  await attempt.succeeded();
  await audit({ orgId: auditOrgId, actorUserId: user.id, action: "auth.sign_in", ip });
  return { id: user.id, name: user.name, email: user.email, landingOrgId };
}

/**
 * Seconds until this email (from this address) may try to sign in again, or
 * null when it may now. A refusal is audited.
 */
export async function loginBlockedFor(email: string, ip: string | null): Promise<number | null> {
  const wait = await loginRetryAfter(email, ip);
  if (wait !== null) await audit({ orgId: null, actorUserId: null, action: "auth.rate_limited", meta: { email }, ip });
  return wait;
}

/**
 * Takes this password check's slot in the rate limit (see beginLoginAttempt):
 * every check of a password, at sign-in or elsewhere, starts here. A refusal
 * is audited. The attempt counts as a failure unless `succeeded()` is called.
 */
export async function startLoginAttempt(email: string, ip: string | null): Promise<LoginAttempt> {
  const attempt = await beginLoginAttempt(email, ip);
  if (attempt.wait !== null) await audit({ orgId: null, actorUserId: null, action: "auth.rate_limited", meta: { email }, ip });
  return attempt;
}
