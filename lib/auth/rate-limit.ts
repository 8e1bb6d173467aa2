import { and, eq, gt, lt, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { loginAttempts } from "@/db/schema";

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const LOGIN_MAX_FAILURES_PER_ACCOUNT = 10;
// One shared bucket per address: higher, since an office may share one address.
export const LOGIN_MAX_FAILURES_PER_IP = 50;

export async function isRateLimited(email: string, ip: string | null): Promise<boolean> {
  const db = await getDb();
  const since = new Date(Date.now() - LOGIN_WINDOW_MS);
  const keys = [`email:${email}`, ...(ip ? [`ip:${ip}`] : [])];
  const counts = await db
    .select({ key: loginAttempts.key, n: sql<number>`count(*)::int` })
    .from(loginAttempts)
    .where(and(or(...keys.map((k) => eq(loginAttempts.key, k))), gt(loginAttempts.createdAt, since)))
    .groupBy(loginAttempts.key);
  return counts.some((c) =>
    c.key.startsWith("email:") ? c.n >= LOGIN_MAX_FAILURES_PER_ACCOUNT : c.n >= LOGIN_MAX_FAILURES_PER_IP,
  );
}

/** Seconds until the oldest failure in the window expires. */
export async function retryAfterSeconds(email: string): Promise<number> {
  const db = await getDb();
  const since = new Date(Date.now() - LOGIN_WINDOW_MS);
  const [r] = await db
    .select({ oldest: sql<string | null>`min(${loginAttempts.createdAt})` })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.key, `email:${email}`), gt(loginAttempts.createdAt, since)));
  if (!r?.oldest) return 60;
  return Math.max(1, Math.ceil((new Date(r.oldest).getTime() + LOGIN_WINDOW_MS - Date.now()) / 1000));
}

export async function recordFailure(email: string, ip: string | null): Promise<void> {
  const db = await getDb();
  await db.insert(loginAttempts).values([{ key: `email:${email}` }, ...(ip ? [{ key: `ip:${ip}` }] : [])]);
  // Keep the table small: old attempts no longer count.
  await db.delete(loginAttempts).where(lt(loginAttempts.createdAt, new Date(Date.now() - 2 * LOGIN_WINDOW_MS)));
}
