/**
 * An admin makes a member an admin of the organization, or an admin a member
 * again: the viewer's next load has the new role, the organization always
 * keeps an active admin, and every change is audited.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditEvents, memberships } from "@/db/schema";
import { loadViewer } from "@/lib/auth/viewer";
import { changeMemberAccess, deactivateMember, reactivateMember } from "@/lib/people/structure";
import { setupTestDb, teardownTestDb } from "../helpers/db";
import { viewerFor } from "../helpers/viewers";

let db: Db;
beforeAll(async () => {
  db = await setupTestDb({ demo: true });
});
afterAll(teardownTestDb);

const activeAdmins = async (orgId: string) =>
  (await db.select({ n: sql<number>`count(*)::int` }).from(memberships).where(and(eq(memberships.orgId, orgId), eq(memberships.role, "admin"), isNull(memberships.deactivatedAt))))[0]!.n;

const isActive = async (personId: string) =>
  (await db.select({ off: memberships.deactivatedAt }).from(memberships).where(eq(memberships.id, personId)))[0]!.off === null;

describe("changing someone's access", () => {
  it("an admin makes Hiro an admin and a member again; his next load follows; each change is audited once", async () => {
    const ada = await viewerFor(db, "ada@acme.example");
    const hiro = await viewerFor(db, "hiro@acme.example");
    expect(hiro.role).toBe("member");
    expect(await changeMemberAccess(db, ada, hiro.personId, "admin")).toEqual({ changed: true });
    expect((await loadViewer(db, { userId: hiro.userId, authTime: Date.now() }))?.role).toBe("admin");
    expect(await changeMemberAccess(db, ada, hiro.personId, "admin")).toEqual({ changed: false });
    expect(await changeMemberAccess(db, ada, hiro.personId, "member")).toEqual({ changed: true });
    expect((await loadViewer(db, { userId: hiro.userId, authTime: Date.now() }))?.role).toBe("member");
    const events = await db
      .select({ meta: auditEvents.meta, actor: auditEvents.actorUserId })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "member.access_changed"), eq(auditEvents.targetId, hiro.personId)))
      .orderBy(auditEvents.createdAt);
    expect(events).toEqual([
      { meta: { access: "member → admin" }, actor: ada.userId },
      { meta: { access: "admin → member" }, actor: ada.userId },
    ]);
  });

  it("only an admin of the person's organization may change it", async () => {
    const hiro = await viewerFor(db, "hiro@acme.example");
    await expect(changeMemberAccess(db, await viewerFor(db, "maya@acme.example"), hiro.personId, "admin")).rejects.toMatchObject({ status: 403 });
    await expect(changeMemberAccess(db, hiro, hiro.personId, "admin")).rejects.toMatchObject({ status: 403 });
    await expect(changeMemberAccess(db, await viewerFor(db, "hank@globex.example"), hiro.personId, "admin")).rejects.toMatchObject({ status: 404 });
    expect((await viewerFor(db, "hiro@acme.example")).role).toBe("member");
  });

  it("the last active admin cannot make themselves a member; with a second admin they can", async () => {
    const ada = await viewerFor(db, "ada@acme.example");
    expect(await activeAdmins(ada.orgId)).toBe(1);
    await expect(changeMemberAccess(db, ada, ada.personId, "member")).rejects.toMatchObject({
      status: 422,
      fields: { role: [expect.stringContaining("at least one active admin")] },
    });
    expect((await viewerFor(db, "ada@acme.example")).role).toBe("admin");
    const omar = await viewerFor(db, "omar@acme.example");
    await changeMemberAccess(db, ada, omar.personId, "admin");
    expect(await changeMemberAccess(db, ada, ada.personId, "member")).toEqual({ changed: true });
    // Put back for the next test: Omar, now the admin, makes Ada one again and himself a member.
    const omarAdmin = await viewerFor(db, "omar@acme.example");
    await changeMemberAccess(db, omarAdmin, ada.personId, "admin");
    await changeMemberAccess(db, { ...omarAdmin }, omar.personId, "member");
    expect(await activeAdmins(ada.orgId)).toBe(1);
  });

  it("two admins making each other members at once leave one of them an admin", async () => {
    const ada = await viewerFor(db, "ada@acme.example");
    const dana = await viewerFor(db, "dana@acme.example");
    await changeMemberAccess(db, ada, dana.personId, "admin");
    const danaAdmin = await viewerFor(db, "dana@acme.example");
    const results = await Promise.allSettled([changeMemberAccess(db, ada, dana.personId, "member"), changeMemberAccess(db, danaAdmin, ada.personId, "member")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    // The second to take its turn is no longer an admin: refused as such.
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ status: 403, message: expect.stringContaining("no longer an admin") });
    expect(await activeAdmins(ada.orgId)).toBe(1);
  });

  it("an admin demoted while their request waited is refused when its turn comes", async () => {
    const admin = (await viewerFor(db, "ada@acme.example")).role === "admin" ? await viewerFor(db, "ada@acme.example") : await viewerFor(db, "dana@acme.example");
    const hiro = await viewerFor(db, "hiro@acme.example");
    await changeMemberAccess(db, admin, hiro.personId, "admin");
    const staleHiro = await viewerFor(db, "hiro@acme.example"); // loaded as an admin, at the start of his request
    await changeMemberAccess(db, admin, hiro.personId, "member");
    await expect(changeMemberAccess(db, staleHiro, admin.personId, "member")).rejects.toMatchObject({ status: 403 });
    expect((await viewerFor(db, admin.email)).role).toBe("admin");
  });

  it("an admin deactivated or demoted while their request waited can neither deactivate nor reactivate anyone", async () => {
    const admin = (await viewerFor(db, "ada@acme.example")).role === "admin" ? await viewerFor(db, "ada@acme.example") : await viewerFor(db, "dana@acme.example");
    const hiro = await viewerFor(db, "hiro@acme.example");
    const gus = await viewerFor(db, "gus@acme.example");
    await changeMemberAccess(db, admin, hiro.personId, "admin");
    const staleHiro = await viewerFor(db, "hiro@acme.example"); // loaded as an admin, at the start of his request
    await deactivateMember(db, admin, hiro.personId);
    await expect(deactivateMember(db, staleHiro, gus.personId)).rejects.toMatchObject({ status: 403, message: expect.stringContaining("no longer an admin") });
    expect(await isActive(gus.personId)).toBe(true);
    await deactivateMember(db, admin, gus.personId);
    await expect(reactivateMember(db, staleHiro, gus.personId)).rejects.toMatchObject({ status: 403 });
    expect(await isActive(gus.personId)).toBe(false);
    // Reactivated, but a member again: still not theirs to decide.
    await reactivateMember(db, admin, hiro.personId);
    await changeMemberAccess(db, admin, hiro.personId, "member");
    await expect(reactivateMember(db, staleHiro, gus.personId)).rejects.toMatchObject({ status: 403 });
    await reactivateMember(db, admin, gus.personId);
    expect(await isActive(gus.personId)).toBe(true);
  });

  it("a deactivated member keeps their access as it was until reactivated", async () => {
    const admin = (await viewerFor(db, "ada@acme.example")).role === "admin" ? await viewerFor(db, "ada@acme.example") : await viewerFor(db, "dana@acme.example");
    const kira = await viewerFor(db, "kira@acme.example");
    await deactivateMember(db, admin, kira.personId);
    await expect(changeMemberAccess(db, admin, kira.personId, "admin")).rejects.toMatchObject({ status: 409, message: expect.stringContaining("reactivate") });
    await reactivateMember(db, admin, kira.personId);
    expect((await viewerFor(db, "kira@acme.example")).role).toBe("member");
  });
});
