import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships, users } from "@/db/schema";
import { applyImport } from "@/lib/people/csv-import";
import { acceptInvitation, createInvitation } from "@/lib/people/invitations";
import { checkCredentials } from "@/lib/auth/credentials";
import { setupTestDb, teardownTestDb } from "../helpers/db";
import { viewerFor } from "../helpers/viewers";

/**
 * One organization's admin must never act on an account beyond their own
 * organization (ACCESS.md principle 4): the users table is shared.
 */
let db: Db;
beforeAll(async () => {
  db = await setupTestDb({ demo: true });
  // Globex gets an admin of its own: the attacker in these tests.
  await db.execute(sql`UPDATE memberships SET role = 'admin' WHERE user_id = (SELECT id FROM users WHERE email = 'gina@globex.example')`);
});
afterAll(teardownTestDb);

describe("an account created by one organization's import, still without a password", () => {
  it("cannot get its password from another organization's invitation (whose admin holds the link)", async () => {
    const ada = await viewerFor(db, "ada@acme.example");
    const gina = await viewerFor(db, "gina@globex.example");
    // Acme imports Pat (no password yet: Acme will invite them).
    await applyImport(db, ada, "email,name,title,team\npat@acme.example,Pat Acme,Engineer,Core\n");
    // Globex's admin invites the same email and accepts the link themselves, choosing the password.
    const { token } = await createInvitation(db, gina, { email: "pat@acme.example", name: "Pat", title: "", team: "", role: "member", managerId: null });
    await expect(acceptInvitation(db, token, "globex owns pat now", { ip: "10.7.7.7" })).rejects.toMatchObject({ status: 409 });
    const [pat] = await db.select().from(users).where(eq(users.email, "pat@acme.example"));
    expect(pat!.passwordHash).toBeNull();
    // So that password signs nobody in to Acme as Pat.
    expect(await checkCredentials("pat@acme.example", "globex owns pat now", undefined)).toBeNull();
    const globexMembership = await db
      .select()
      .from(memberships)
      .where(and(eq(memberships.userId, pat!.id), eq(memberships.orgId, gina.orgId)));
    expect(globexMembership).toHaveLength(0);

    // Pat accepts Acme's invitation (the organization that created the account), then joins Globex with that password.
    const own = await createInvitation(db, ada, { email: "pat@acme.example", name: "Pat Acme", title: "", team: "", role: "member", managerId: null });
    await expect(acceptInvitation(db, own.token, "pats own passphrase")).resolves.toEqual({ email: "pat@acme.example", existingAccount: false });
    await expect(acceptInvitation(db, token, "pats own passphrase")).resolves.toEqual({ email: "pat@acme.example", existingAccount: true });
  });
});

describe("a person in two organizations", () => {
  it("is not signed out of the other organization when one deactivates and reactivates their membership", async () => {
    const { deactivateMember, reactivateMember } = await import("@/lib/people/structure");
    const ada = await viewerFor(db, "ada@acme.example");
    const { token } = await createInvitation(db, ada, { email: "hank@globex.example", name: "Hank Hill", title: "", team: "", role: "member", managerId: null });
    await acceptInvitation(db, token, "reignite-demo");
    const [hank] = await db.select().from(users).where(eq(users.email, "hank@globex.example"));
    const [inAcme] = await db.select().from(memberships).where(and(eq(memberships.userId, hank!.id), eq(memberships.orgId, ada.orgId)));
    const before = hank!.sessionsValidAfter.getTime();
    await deactivateMember(db, ada, inAcme!.id);
    await reactivateMember(db, ada, inAcme!.id);
    const [after] = await db.select().from(users).where(eq(users.id, hank!.id));
    // Acme's admin cannot end Hank's Globex sessions at will: his sessions were valid all along.
    expect(after!.sessionsValidAfter.getTime()).toBe(before);

    // Someone whose only membership it is still gets every earlier session refused on reactivation.
    const [omar] = await db.select().from(users).where(eq(users.email, "omar@acme.example"));
    const [omarM] = await db.select().from(memberships).where(eq(memberships.userId, omar!.id));
    await deactivateMember(db, ada, omarM!.id);
    await reactivateMember(db, ada, omarM!.id);
    const [omarAfter] = await db.select().from(users).where(eq(users.id, omar!.id));
    expect(omarAfter!.sessionsValidAfter.getTime()).toBeGreaterThan(omar!.sessionsValidAfter.getTime());
  });
});

describe("two invitations of one new person accepted at the same moment", () => {
  it("creates one account; the other acceptance is refused with a 4xx (409, or 422 once the account is there), never a 500", async () => {
    const ada = await viewerFor(db, "ada@acme.example");
    const gina = await viewerFor(db, "gina@globex.example");
    // Several people at once, so that the two acceptances of at least one of them do interleave.
    const emails = Array.from({ length: 8 }, (_, i) => `sam${i}@both.example`);
    const tokens = [];
    for (const email of emails) {
      const a = await createInvitation(db, ada, { email, name: "Sam Both", title: "", team: "", role: "member", managerId: null });
      const b = await createInvitation(db, gina, { email, name: "Sam Both", title: "", team: "", role: "member", managerId: null });
      tokens.push([a.token, b.token] as const);
    }
    const results = await Promise.all(
      tokens.map(([a, b]) => Promise.allSettled([acceptInvitation(db, a, "sams first passphrase"), acceptInvitation(db, b, "sams other passphrase")])),
    );
    for (const pair of results) {
      expect(pair.filter((r) => r.status === "fulfilled").length).toBeGreaterThanOrEqual(1);
      for (const r of pair) if (r.status === "rejected") expect([409, 422]).toContain((r.reason as { status?: number }).status);
    }
    for (const email of emails) expect(await db.select().from(users).where(eq(users.email, email))).toHaveLength(1);
  });
});

describe("a CSV import and an invitation of one new person at the same moment", () => {
  it("creates one account; the import is refused with a 409 (check the file again), never a 500", async () => {
    const ada = await viewerFor(db, "ada@acme.example");
    const gina = await viewerFor(db, "gina@globex.example");
    const emails = Array.from({ length: 8 }, (_, i) => `raced${i}@both.example`);
    const tokens = [];
    for (const email of emails) tokens.push((await createInvitation(db, gina, { email, name: "Ray Raced", title: "", team: "", role: "member", managerId: null })).token);
    const csv = `email,name\n${emails.map((e) => `${e},Ray Raced`).join("\n")}\n`;
    const results = await Promise.allSettled([applyImport(db, ada, csv), ...tokens.map((t) => acceptInvitation(db, t, "rays own passphrase"))]);
    for (const r of results) if (r.status === "rejected") expect([409, 422]).toContain((r.reason as { status?: number }).status);
    for (const email of emails) expect(await db.select().from(users).where(eq(users.email, email))).toHaveLength(1);
  });
});
