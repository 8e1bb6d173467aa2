import { and, eq, gt, inArray, lt, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { loginAttempts } from "@/db/schema";

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const LOGIN_MAX_FAILURES_PER_ACCOUNT = 10;
// One shared bucket per address: higher, since an office may share one address.
export const LOGIN_MAX_FAILURES_PER_IP = 50;

function keysFor(email: string, ip: string | null): string[] {
  return [`email:${email.trim().toLowerCase()}`, ...(ip ? [`ip:${ip}`] : [])];
}

/**
 * Null when a sign-in may be tried; otherwise the seconds until it may (the
 * oldest failure of a full bucket leaves the 15-minute window). One indexed
 * query over (key, created_at).
 */
export async function loginRetryAfter(email: string, ip: string | null, now = Date.now()): Promise<number | null> {
  const db = await getDb();
  const since = new Date(now - LOGIN_WINDOW_MS);
  const keys = keysFor(email, ip);
  const buckets = await db
    .select({
      key: loginAttempts.key,
      n: sql<number>`count(*)::int`,
      // The failure whose expiry frees one slot: for a bucket over the limit, the (n - max + 1)-th oldest.
      times: sql<string[]>`array_agg((extract(epoch from ${loginAttempts.createdAt}) * 1000)::float8::text order by ${loginAttempts.createdAt})`,
    })
    .from(loginAttempts)
    .where(and(or(...keys.map((k) => eq(loginAttempts.key, k))), gt(loginAttempts.createdAt, since)))
    .groupBy(loginAttempts.key);
  let wait: number | null = null;
  for (const b of buckets) {
    const max = b.key.startsWith("email:") ? LOGIN_MAX_FAILURES_PER_ACCOUNT : LOGIN_MAX_FAILURES_PER_IP;
    if (b.n < max) continue;
    const freeing = Number(b.times[b.n - max] ?? b.times[0]);
    const secs = Math.max(1, Math.ceil((freeing + LOGIN_WINDOW_MS - now) / 1000));
    wait = Math.max(wait ?? 0, secs);
  }
  return wait;
}

export async function isRateLimited(email: string, ip: string | null): Promise<boolean> {
  return (await loginRetryAfter(email, ip)) !== null;
}

export async function recordFailure(email: string, ip: string | null): Promise<void> {
  const db = await getDb();
  await db.insert(loginAttempts).values(keysFor(email, ip).map((key) => ({ key })));
  await pruneOldAttempts(Date.now());
}

/** Keeps the table small: attempts older than two windows no longer count (a failure is never deleted otherwise). */
async function pruneOldAttempts(now: number): Promise<void> {
  const db = await getDb();
  await db.delete(loginAttempts).where(lt(loginAttempts.createdAt, new Date(now - 2 * LOGIN_WINDOW_MS)));
}

export type LoginAttempt = { wait: number } | { wait: null; succeeded(): Promise<void> };

/**
 * Takes a slot in the buckets before a password is checked, so that parallel
 * guesses cannot all pass the check before any failure is recorded (argon2
 * takes tens of milliseconds: a burst of 200 requests would otherwise get 200
 * guesses instead of 10). The attempt is written first and counted as a
 * failure; a bucket holding more than its limit refuses it (and forgets it,
 * as a refused attempt never counted). Of attempts racing each other, the
 * last to count sees all earlier ones, so at most the limit go ahead. Call
 * `succeeded()` when the password was right: a success is not a failure.
 */
export async function beginLoginAttempt(email: string, ip: string | null, now = Date.now()): Promise<LoginAttempt> {
  const db = await getDb();
  const keys = keysFor(email, ip);
  await pruneOldAttempts(now);
  const ids = (await db.insert(loginAttempts).values(keys.map((key) => ({ key }))).returning({ id: loginAttempts.id })).map((r) => r.id);
  const forget = async () => {
    await db.delete(loginAttempts).where(inArray(loginAttempts.id, ids));
  };
  const buckets = await db
    .select({ key: loginAttempts.key, n: sql<number>`count(*)::int` })
    .from(loginAttempts)
    .where(and(inArray(loginAttempts.key, keys), gt(loginAttempts.createdAt, new Date(now - LOGIN_WINDOW_MS))))
    .groupBy(loginAttempts.key);
  const over = buckets.some((b) => b.n > (b.key.startsWith("email:") ? LOGIN_MAX_FAILURES_PER_ACCOUNT : LOGIN_MAX_FAILURES_PER_IP));
  if (!over) return { wait: null, succeeded: forget };
  await forget();
  return { wait: (await loginRetryAfter(email, ip, now)) ?? 1 };
}
