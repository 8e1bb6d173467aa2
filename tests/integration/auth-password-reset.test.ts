import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditEvents, loginAttempts, memberships, passwordResets, users } from "@/db/schema";
import { changePassword } from "@/lib/auth/change-password";
import { verifyPassword } from "@/lib/auth/password";
import { passwordResetMail } from "@/lib/auth/password-reset-mail";
import { findPasswordReset, requestPasswordReset, RESET_MAX_PER_HOUR, RESET_MAX_PER_IP, RESET_TTL_MS, resetPassword, resetRequestWait } from "@/lib/auth/password-reset";
import { LOGIN_MAX_FAILURES_PER_ACCOUNT, loginRetryAfter, recordFailure } from "@/lib/auth/rate-limit";
import { setupTestDb, teardownTestDb } from "../helpers/db";
import { viewerFor } from "../helpers/viewers";

let db: Db;
beforeAll(async () => {
  db = await setupTestDb({ demo: true });
});
afterAll(teardownTestDb);

async function userRow(email: string) {
  const [u] = await db.select().from(users).where(eq(users.email, email));
  return u!;
}
const NEW = "harbour lantern pebble";
const reset = (token: string, password = NEW, confirm = password, now?: Date) => resetPassword(db, { token, password, confirm }, { ip: "10.9.9.9", now });

describe("password reset links", () => {
  it("gives a link only for an address that may sign in: not an unknown one, one without a password, or one deactivated everywhere", async () => {
    expect(await requestPasswordReset(db, "nobody@acme.example")).toBeNull();
    await db.insert(users).values({ email: "imported@acme.example", name: "Imported Person" });
    expect(await requestPasswordReset(db, "imported@acme.example")).toBeNull();
    const hiro = await userRow("hiro@acme.example");
    await db.update(memberships).set({ deactivatedAt: new Date() }).where(eq(memberships.userId, hiro.id));
    expect(await requestPasswordReset(db, "hiro@acme.example")).toBeNull();
    await db.update(memberships).set({ deactivatedAt: null }).where(eq(memberships.userId, hiro.id));
    // Typed in other capitals, with spaces: the account's own address, to which the mail goes.
    const link = await requestPasswordReset(db, "  Hiro@ACME.example ", { ip: "10.0.0.1" });
    expect(link).toMatchObject({ email: "hiro@acme.example", name: hiro.name });
    expect(link!.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    // Only a hash is stored.
    expect(await db.select().from(passwordResets).where(eq(passwordResets.tokenHash, link!.token))).toHaveLength(0);
    expect(await findPasswordReset(db, link!.token)).toEqual({ email: "hiro@acme.example", name: hiro.name });
    // Audited in the person's organization, with the address it came from.
    const [ev] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorUserId, hiro.id), eq(auditEvents.action, "auth.password_reset_requested")));
    expect(ev).toMatchObject({ ip: "10.0.0.1" });
  });

  it("sets the password once: sessions end, other links end, a paused sign-in is lifted, and it is audited", async () => {
    const fatima = await userRow("fatima@acme.example");
    const first = (await requestPasswordReset(db, "fatima@acme.example"))!;
    const second = (await requestPasswordReset(db, "fatima@acme.example"))!;
    // The newer link ends the earlier one.
    expect(await findPasswordReset(db, first.token)).toBeNull();
    await expect(reset(first.token)).rejects.toMatchObject({ status: 404 });
    for (let i = 0; i < LOGIN_MAX_FAILURES_PER_ACCOUNT; i++) await recordFailure("fatima@acme.example", null);
    expect(await loginRetryAfter("fatima@acme.example", null)).not.toBeNull();

    expect(await reset(second.token)).toEqual({ email: "fatima@acme.example" });
    const after = await userRow("fatima@acme.example");
    expect(await verifyPassword(after.passwordHash!, NEW)).toBe(true);
    expect(after.sessionsValidAfter.getTime()).toBeGreaterThan(fatima.sessionsValidAfter.getTime());
    expect(await loginRetryAfter("fatima@acme.example", null)).toBeNull();
    expect(await db.select().from(auditEvents).where(and(eq(auditEvents.actorUserId, fatima.id), eq(auditEvents.action, "auth.password_reset")))).toHaveLength(1);
    // Spent: the page says so and a second use changes nothing.
    expect(await findPasswordReset(db, second.token)).toBeNull();
    await expect(reset(second.token, "another fine phrase")).rejects.toMatchObject({ status: 404, message: expect.stringContaining("already used or has expired") });
    expect(await verifyPassword((await userRow("fatima@acme.example")).passwordHash!, NEW)).toBe(true);
  });

  it("refuses a weak or mistyped password at its field and keeps the link", async () => {
    const link = (await requestPasswordReset(db, "gus@acme.example"))!;
    await expect(reset(link.token, "password1")).rejects.toMatchObject({ status: 422, fields: { password: [expect.stringMatching(/common/i)] } });
    await expect(reset(link.token, "gus@acme.example")).rejects.toMatchObject({ status: 422, fields: { password: [expect.any(String)] } });
    await expect(reset(link.token, "short")).rejects.toMatchObject({ status: 422, fields: { password: ["Use at least 8 characters."] } });
    const { resetInput } = await import("@/lib/auth/password-reset");
    expect(resetInput.safeParse({ token: link.token, password: NEW, confirm: "harbour lantern pebbel" }).error?.issues[0]).toMatchObject({ path: ["confirm"] });
    expect(await findPasswordReset(db, link.token)).not.toBeNull();
    expect(await verifyPassword((await userRow("gus@acme.example")).passwordHash!, "reignite-demo")).toBe(true);
  });

  it("works for an hour", async () => {
    const t0 = new Date();
    const link = (await requestPasswordReset(db, "ines@acme.example", { now: t0 }))!;
    const late = new Date(t0.getTime() + RESET_TTL_MS + 1000);
    expect(await findPasswordReset(db, link.token, late)).toBeNull();
    await expect(reset(link.token, NEW, NEW, late)).rejects.toMatchObject({ status: 404 });
    expect(await findPasswordReset(db, link.token, new Date(t0.getTime() + RESET_TTL_MS - 1000))).not.toBeNull();
  });

  it("sends an account at most RESET_MAX_PER_HOUR links an hour, then none until the hour has passed", async () => {
    const t0 = new Date(Date.now() + 10 * 60_000);
    for (let i = 0; i < RESET_MAX_PER_HOUR; i++) expect(await requestPasswordReset(db, "jonah@acme.example", { now: new Date(t0.getTime() + i * 1000) })).not.toBeNull();
    expect(await requestPasswordReset(db, "jonah@acme.example", { now: new Date(t0.getTime() + 60_000) })).toBeNull();
    expect(await requestPasswordReset(db, "jonah@acme.example", { now: new Date(t0.getTime() + 61 * 60_000) })).not.toBeNull();
  });

  it("slows down one address asking for many links, whatever the emails", async () => {
    const now = Date.now();
    for (let i = 0; i < RESET_MAX_PER_IP; i++) expect(await resetRequestWait(db, "10.7.7.7", now)).toBeNull();
    const wait = await resetRequestWait(db, "10.7.7.7", now);
    expect(wait).toBeGreaterThan(14 * 60);
    expect(await resetRequestWait(db, "10.7.7.8", now)).toBeNull();
    // Kept apart from sign-in failures: asking for links never pauses anyone's sign-in.
    expect(await loginRetryAfter("x@acme.example", "10.7.7.7")).toBeNull();
    expect(await db.select().from(loginAttempts).where(eq(loginAttempts.key, "ip:10.7.7.7"))).toHaveLength(0);
  });

  it("a password changed on /account ends the links still out", async () => {
    const link = (await requestPasswordReset(db, "eli@acme.example"))!;
    const eli = await viewerFor(db, "eli@acme.example");
    await changePassword(db, eli, { currentPassword: "reignite-demo", newPassword: "velvet compass orchard" });
    expect(await findPasswordReset(db, link.token)).toBeNull();
  });

  it("a person in two organizations gets one link; the reset is audited in both", async () => {
    const gina = await userRow("gina@globex.example");
    const acme = await viewerFor(db, "ada@acme.example");
    await db.insert(memberships).values({ orgId: acme.orgId, userId: gina.id, title: "Advisor", team: "Web" });
    const link = (await requestPasswordReset(db, "gina@globex.example"))!;
    await reset(link.token);
    const orgs = await db.select({ orgId: auditEvents.orgId }).from(auditEvents).where(and(eq(auditEvents.actorUserId, gina.id), eq(auditEvents.action, "auth.password_reset")));
    expect(orgs.map((o) => o.orgId)).toHaveLength(2);
    expect(new Set(orgs.map((o) => o.orgId)).has(acme.orgId)).toBe(true);
  });

  it("the email says what the link does, for how long, and what to do if it was not them", () => {
    const mail = passwordResetMail({ to: "eli@acme.example", name: "Eli <Employee>", link: "https://r.example/reset/abc", minutes: 60 });
    expect(mail).toMatchObject({ to: "eli@acme.example", subject: "Set a new password for Reignite" });
    expect(mail.text).toContain("https://r.example/reset/abc");
    expect(mail.text).toContain("It works once, for 60 minutes.");
    expect(mail.text).toContain("If you didn't ask for this, ignore this email");
    expect(mail.html).toContain('href="https://r.example/reset/abc"');
    expect(mail.html).toContain("Hi Eli,");
    expect(mail.html).not.toContain("<Employee>");
  });
});
