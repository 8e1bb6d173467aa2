import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditEvents, loginAttempts } from "@/db/schema";
import { checkCredentials } from "@/lib/auth/credentials";
import { clientIp } from "@/lib/auth/client-ip";
import {
  LOGIN_MAX_FAILURES_PER_ACCOUNT,
  LOGIN_MAX_FAILURES_PER_IP,
  LOGIN_WINDOW_MS,
  isRateLimited,
  loginRetryAfter,
  recordFailure,
} from "@/lib/auth/rate-limit";
import { resetEnvForTests } from "@/lib/env";
import { setupTestDb, teardownTestDb } from "../helpers/db";

let db: Db;
beforeAll(async () => {
  db = await setupTestDb({ demo: true });
});
afterAll(teardownTestDb);
afterEach(async () => {
  await db.delete(loginAttempts);
  delete process.env.TRUSTED_PROXIES;
  resetEnvForTests();
});

const req = (headers: Record<string, string> = {}) => new Request("http://app.test/api/auth/callback/credentials", { method: "POST", headers });

describe("login rate limit (PostgreSQL-backed)", () => {
  it("allows 9 failures of an account, blocks at the 10th, and says for how long", async () => {
    expect(LOGIN_MAX_FAILURES_PER_ACCOUNT).toBe(10);
    for (let i = 0; i < 9; i++) await recordFailure("maya@acme.example", "10.0.0.1");
    expect(await loginRetryAfter("maya@acme.example", "10.0.0.1")).toBeNull();
    await recordFailure("maya@acme.example", "10.0.0.9");
    const wait = await loginRetryAfter("MAYA@acme.example ", "10.0.0.2");
    expect(wait).not.toBeNull();
    expect(wait!).toBeGreaterThan(14 * 60);
    expect(wait!).toBeLessThanOrEqual(15 * 60);
    // Another account from another address is not affected.
    expect(await isRateLimited("omar@acme.example", "10.0.0.3")).toBe(false);
  });

  it("forgets failures older than the 15-minute window, and the wait ends when the oldest counted one expires", async () => {
    const old = new Date(Date.now() - LOGIN_WINDOW_MS - 60_000);
    await db.insert(loginAttempts).values(Array.from({ length: 10 }, () => ({ key: "email:eli@acme.example", createdAt: old })));
    expect(await loginRetryAfter("eli@acme.example", null)).toBeNull();
    const tenMinAgo = new Date(Date.now() - 10 * 60_000);
    await db.insert(loginAttempts).values(Array.from({ length: 10 }, () => ({ key: "email:eli@acme.example", createdAt: tenMinAgo })));
    const wait = await loginRetryAfter("eli@acme.example", null);
    expect(wait).toBeGreaterThan(4 * 60);
    expect(wait).toBeLessThanOrEqual(5 * 60 + 1);
  });

  it("limits an address across accounts (credential stuffing)", async () => {
    for (let i = 0; i < LOGIN_MAX_FAILURES_PER_IP; i++) await recordFailure(`nobody${i}@acme.example`, "203.0.113.7");
    expect(await isRateLimited("fresh@acme.example", "203.0.113.7")).toBe(true);
    expect(await isRateLimited("fresh@acme.example", "203.0.113.8")).toBe(false);
  });

  it("ignores X-Forwarded-For unless a trusted proxy is configured", async () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "1.2.3.4" }))).toBe("direct");
    expect(clientIp(new Headers({ "x-forwarded-for": "5.6.7.8", "x-real-ip": "5.6.7.8" }))).toBe("direct");
    process.env.TRUSTED_PROXIES = "10.0.0.1";
    resetEnvForTests();
    // The client is the right-most address that is not one of our proxies; anything left of it is the client's claim.
    expect(clientIp(new Headers({ "x-forwarded-for": "6.6.6.6, 198.51.100.4, 10.0.0.1" }))).toBe("198.51.100.4");
  });

  it("a spoofed X-Forwarded-For does not reset the per-IP limit", async () => {
    for (let i = 0; i < LOGIN_MAX_FAILURES_PER_IP; i++) {
      await checkCredentials(`stuffing${i}@acme.example`, "guess", req({ "x-forwarded-for": `192.0.2.${i}` }));
    }
    const r = await checkCredentials("maya@acme.example", "reignite-demo", req({ "x-forwarded-for": "198.51.100.200" }));
    expect(r).toBe("rate_limited");
  });

  it("answers the same for an unknown email and a wrong password, audits both, and refuses the right password once limited", async () => {
    expect(await checkCredentials("nobody@acme.example", "whatever-1", req())).toBeNull();
    expect(await checkCredentials("omar@acme.example", "whatever-1", req())).toBeNull();
    const failed = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "auth.sign_in_failed"), sql`${auditEvents.meta}->>'email' in ('nobody@acme.example', 'omar@acme.example')`));
    expect(failed[0]!.n).toBe(2);

    for (let i = 0; i < 9; i++) expect(await checkCredentials("omar@acme.example", `wrong-${i}`, req())).toBeNull();
    expect(await checkCredentials("omar@acme.example", "reignite-demo", req())).toBe("rate_limited");
    const limited = await db.select({ n: sql<number>`count(*)::int` }).from(auditEvents).where(eq(auditEvents.action, "auth.rate_limited"));
    expect(limited[0]!.n).toBeGreaterThanOrEqual(1);
  });

  it("parallel guesses cannot all pass the check before a failure is recorded: at most the limit are checked", async () => {
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => checkCredentials("dana@acme.example", `parallel-guess-${i}`, req())));
    expect(results.filter((r) => r === null).length).toBeLessThanOrEqual(LOGIN_MAX_FAILURES_PER_ACCOUNT);
    expect(results.filter((r) => r === "rate_limited").length).toBeGreaterThanOrEqual(30 - LOGIN_MAX_FAILURES_PER_ACCOUNT);
    const [recorded] = await db.select({ n: sql<number>`count(*)::int` }).from(loginAttempts).where(eq(loginAttempts.key, "email:dana@acme.example"));
    expect(recorded!.n).toBeLessThanOrEqual(LOGIN_MAX_FAILURES_PER_ACCOUNT);
  });

  it("a right password is not counted as a failure", async () => {
    for (let i = 0; i < LOGIN_MAX_FAILURES_PER_ACCOUNT + 2; i++) {
      expect(await checkCredentials("eli@acme.example", "reignite-demo", req())).toMatchObject({ email: "eli@acme.example" });
    }
    expect(await db.select().from(loginAttempts).where(eq(loginAttempts.key, "email:eli@acme.example"))).toHaveLength(0);
  });

  it("prunes attempts too old to count, on every password check, so failures do not pile up", async () => {
    await db.insert(loginAttempts).values({ key: "email:someone-long-ago@acme.example", createdAt: new Date(Date.now() - 3 * LOGIN_WINDOW_MS) });
    await checkCredentials("omar@acme.example", "reignite-demo", req());
    expect(await db.select().from(loginAttempts).where(eq(loginAttempts.key, "email:someone-long-ago@acme.example"))).toHaveLength(0);
  });

  it("signs in with the right password when not limited", async () => {
    const r = await checkCredentials("omar@acme.example", "reignite-demo", req());
    expect(r).toMatchObject({ email: "omar@acme.example", name: "Omar Manager" });
  });
});
