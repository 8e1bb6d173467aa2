import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditEvents, loginAttempts, memberships, users } from "@/db/schema";
import { changePassword } from "@/lib/auth/change-password";
import { verifyPassword } from "@/lib/auth/password";
import { acceptInvitation, createInvitation, findInvitation } from "@/lib/people/invitations";
import { LOGIN_MAX_FAILURES_PER_ACCOUNT, loginRetryAfter } from "@/lib/auth/rate-limit";
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

describe("changePassword", () => {
  it("needs the current password; a wrong one is a field error that counts towards the rate limit", async () => {
    const eli = await viewerFor(db, "eli@acme.example");
    const before = await userRow("eli@acme.example");
    await expect(changePassword(db, eli, { currentPassword: "nope-nope", newPassword: "marmalade tugboat" }, "10.1.1.1")).rejects.toMatchObject({
      status: 422,
      fields: { currentPassword: ["That is not your current password."] },
    });
    const after = await userRow("eli@acme.example");
    expect(after.passwordHash).toBe(before.passwordHash);
    expect(after.sessionsValidAfter.getTime()).toBe(before.sessionsValidAfter.getTime());
    const attempts = await db.select().from(loginAttempts).where(eq(loginAttempts.key, "email:eli@acme.example"));
    expect(attempts).toHaveLength(1);
  });

  it("refuses a short, common or unchanged new password with the reason", async () => {
    const eli = await viewerFor(db, "eli@acme.example");
    for (const [pw, msg] of [
      ["short", /at least 8/],
      ["Password1", /too common/],
      ["reignite-demo", /different from your current/],
    ] as const) {
      await expect(changePassword(db, eli, { currentPassword: "reignite-demo", newPassword: pw })).rejects.toMatchObject({
        status: 422,
        fields: { newPassword: expect.arrayContaining([expect.stringMatching(msg)]) },
      });
    }
  });

  it("stores an argon2id hash of the new password and ends every earlier session", async () => {
    const omar = await viewerFor(db, "omar@acme.example");
    const t0 = Date.now();
    const at = await changePassword(db, omar, { currentPassword: "reignite-demo", newPassword: "a 70-character passphrase is welcome here, with spaces and ünïcödé ✓✓" });
    const u = await userRow("omar@acme.example");
    expect(u.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(u.passwordHash, "a 70-character passphrase is welcome here, with spaces and ünïcödé ✓✓")).toBe(true);
    expect(await verifyPassword(u.passwordHash, "reignite-demo")).toBe(false);
    expect(u.sessionsValidAfter.getTime()).toBe(at.getTime());
    expect(at.getTime()).toBeGreaterThanOrEqual(t0);
    const ev = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "auth.password_changed"), eq(auditEvents.actorUserId, omar.userId)));
    expect(ev).toHaveLength(1);
    expect(JSON.stringify(ev[0]!.meta)).not.toContain("passphrase");
  });
});

describe("acceptInvitation", () => {
  it("holds a password set through an invitation to the same rule, and leaves the invitation usable after a refusal", async () => {
    const ada = await viewerFor(db, "ada@acme.example");
    const { token } = await createInvitation(db, ada, { email: "quinn@acme.example", name: "Quinn Quist", title: "", team: "", role: "admin", managerId: null });
    for (const [pw, msg] of [
      ["password123", /too common/],
      ["quinn@acme.example", /email address, your name/],
      ["Quinn Quist", /email address, your name/],
      ["zzzzzzzzzz", /One character repeated/],
    ] as const) {
      await expect(acceptInvitation(db, token, pw), pw).rejects.toMatchObject({
        status: 422,
        fields: { password: [expect.stringMatching(msg)] },
      });
    }
    expect(await db.select().from(users).where(eq(users.email, "quinn@acme.example"))).toHaveLength(0);
    // Still unused: the same link takes an acceptable password.
    await acceptInvitation(db, token, "marmalade tugboat");
    expect(await verifyPassword((await userRow("quinn@acme.example")).passwordHash, "marmalade tugboat")).toBe(true);
  });

  it("asks a member imported without a password for an acceptable one too", async () => {
    const ada = await viewerFor(db, "ada@acme.example");
    const [u] = await db.insert(users).values({ email: "rory@acme.example", name: "Rory Reyes", passwordHash: null }).returning();
    await db.insert(memberships).values({ orgId: ada.orgId, userId: u!.id, role: "member", title: "", team: "" });
    const { token } = await createInvitation(db, ada, { email: "rory@acme.example", name: "Rory Reyes", title: "", team: "", role: "member", managerId: null });
    await expect(acceptInvitation(db, token, "qwerty123")).rejects.toMatchObject({ status: 422, fields: { password: [expect.stringMatching(/too common/)] } });
    expect((await userRow("rory@acme.example")).passwordHash).toBeNull();
  });

  it("lets someone with an account in another organization join with their password, counted like a sign-in so the link is no way to guess it", async () => {
    // Ada, admin of Acme, invites Hank, who signs in to Globex: she holds the link, so she must not be able to try passwords on it.
    const ada = await viewerFor(db, "ada@acme.example");
    const { token } = await createInvitation(db, ada, { email: "hank@globex.example", name: "Hank Hill", title: "", team: "", role: "member", managerId: null });
    expect(await findInvitation(db, token)).toMatchObject({ orgName: "Acme Robotics", hasAccount: true });
    const fresh = await createInvitation(db, ada, { email: "newcomer@acme.example", name: "New Comer", title: "", team: "", role: "member", managerId: null });
    expect(await findInvitation(db, fresh.token)).toMatchObject({ hasAccount: false });

    const before = await userRow("hank@globex.example");
    await db.delete(loginAttempts);
    for (let i = 0; i < LOGIN_MAX_FAILURES_PER_ACCOUNT; i++) {
      await expect(acceptInvitation(db, token, `wrong guess ${i}`, { ip: "10.9.9.9" })).rejects.toMatchObject({
        status: 422,
        fields: { password: [expect.stringMatching(/isn't the password of your Reignite account/)] },
      });
    }
    // Paused like a sign-in, for the account everywhere: now even the right password waits, on the link and at /login.
    await expect(acceptInvitation(db, token, "reignite-demo", { ip: "10.9.9.9" })).rejects.toMatchObject({ status: 429, code: "rate_limited" });
    expect(await loginRetryAfter("hank@globex.example", "10.1.2.3")).not.toBeNull();
    const failed = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "auth.sign_in_failed"), eq(auditEvents.actorUserId, before.id)));
    expect(failed).toHaveLength(LOGIN_MAX_FAILURES_PER_ACCOUNT);
    expect(JSON.stringify(failed[0]!.meta)).toContain("invitation");
    expect(await db.select().from(memberships).where(and(eq(memberships.userId, before.id), eq(memberships.orgId, ada.orgId)))).toHaveLength(0);

    // Once the pause is over, the right password joins; the account and its password are unchanged.
    await db.delete(loginAttempts);
    await expect(acceptInvitation(db, token, "reignite-demo", { ip: "10.9.9.9" })).resolves.toEqual({ email: "hank@globex.example", existingAccount: true });
    expect(await db.select().from(memberships).where(and(eq(memberships.userId, before.id), eq(memberships.orgId, ada.orgId)))).toHaveLength(1);
    expect((await userRow("hank@globex.example")).passwordHash).toBe(before.passwordHash);
    await expect(findInvitation(db, token)).rejects.toMatchObject({ status: 404 });
  });
});
