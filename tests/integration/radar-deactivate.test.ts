import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { setupTestDb, teardownTestDb } from "../helpers/db";
import { personId, viewerFor } from "../helpers/viewers";

// getViewer reads the session cookie (a real, encrypted session token for Eli) through next/headers.
const session = vi.hoisted(() => ({ token: "" }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (name === "authjs.session-token" && session.token ? { value: session.token } : undefined) }),
}));

let db: Db;
beforeAll(async () => {
  db = await setupTestDb({ demo: true });
});
afterAll(teardownTestDb);

describe("deactivation", () => {
  it("an admin's deactivation makes the very next request anonymous; non-admins cannot deactivate", async () => {
    const { getViewer } = await import("@/lib/auth/viewer");
    const { deactivateMember } = await import("@/lib/people/structure");
    const eli = await viewerFor(db, "eli@acme.example");
    const { encode } = await import("next-auth/jwt");
    const { authSecret } = await import("@/lib/auth/secret");
    session.token = await encode({ token: { uid: eli.userId, authTime: Date.now() }, secret: authSecret(), salt: "authjs.session-token" });
    expect((await getViewer())?.personId).toBe(eli.personId);
    await expect(deactivateMember(db, await viewerFor(db, "maya@acme.example"), eli.personId)).rejects.toMatchObject({ status: 403 });
    await expect(deactivateMember(db, await viewerFor(db, "hank@globex.example"), eli.personId)).rejects.toMatchObject({ status: 404 });
    await deactivateMember(db, await viewerFor(db, "ada@acme.example"), await personId(db, "eli@acme.example"));
    expect(await getViewer()).toBeNull();
  });

  it("an admin reactivates someone: they sign in anew, while any session token from before stays refused", async () => {
    const { getViewer } = await import("@/lib/auth/viewer");
    const { reactivateMember } = await import("@/lib/people/structure");
    const eli = await viewerFor(db, "eli@acme.example");
    const old = session.token; // Eli's token from before the deactivation above
    await expect(reactivateMember(db, await viewerFor(db, "maya@acme.example"), eli.personId)).rejects.toMatchObject({ status: 403 });
    await expect(reactivateMember(db, await viewerFor(db, "hank@globex.example"), eli.personId)).rejects.toMatchObject({ status: 404 });
    const ada = await viewerFor(db, "ada@acme.example");
    await new Promise((r) => setTimeout(r, 5)); // the old token's sign-in time is strictly before the reactivation
    await reactivateMember(db, ada, eli.personId);
    await expect(reactivateMember(db, ada, eli.personId)).rejects.toMatchObject({ status: 409 });
    session.token = old;
    expect(await getViewer()).toBeNull();
    const { encode } = await import("next-auth/jwt");
    const { authSecret } = await import("@/lib/auth/secret");
    await new Promise((r) => setTimeout(r, 5));
    session.token = await encode({ token: { uid: eli.userId, authTime: Date.now() }, secret: authSecret(), salt: "authjs.session-token" });
    expect((await getViewer())?.personId).toBe(eli.personId);
  });

  it("a new manager: the 1:1s still scheduled with the former one are cancelled, their agenda kept with them", async () => {
    const { changeManager } = await import("@/lib/people/structure");
    const { meetings, agendaItems } = await import("@/db/schema");
    const { and, eq } = await import("drizzle-orm");
    const ada = await viewerFor(db, "ada@acme.example");
    const maya = await viewerFor(db, "maya@acme.example");
    const gus = await personId(db, "gus@acme.example");
    const omar = await personId(db, "omar@acme.example");
    const scheduled = await db.select({ id: meetings.id }).from(meetings).where(and(eq(meetings.reportId, gus), eq(meetings.managerId, maya.personId), eq(meetings.status, "scheduled")));
    expect(scheduled.length).toBeGreaterThan(0);
    const agendaBefore = await db.select({ id: agendaItems.id }).from(agendaItems).where(eq(agendaItems.meetingId, scheduled[0]!.id));
    await changeManager(db, ada, gus, omar, { managerId: maya.personId });
    const after = await db.select({ status: meetings.status, cancelledAt: meetings.cancelledAt }).from(meetings).where(eq(meetings.id, scheduled[0]!.id));
    expect(after[0]).toMatchObject({ status: "cancelled", cancelledAt: expect.any(Date) });
    expect(await db.select({ id: agendaItems.id }).from(agendaItems).where(eq(agendaItems.meetingId, scheduled[0]!.id))).toEqual(agendaBefore);
    // Nothing scheduled was touched for anyone else.
    const others = await db.select({ id: meetings.id }).from(meetings).where(and(eq(meetings.managerId, maya.personId), eq(meetings.status, "scheduled")));
    expect(others.length).toBeGreaterThan(0);
  });

  it("two admins deactivating each other at once leave one of them active", async () => {
    const { deactivateMember } = await import("@/lib/people/structure");
    const { memberships } = await import("@/db/schema");
    const { eq, and, isNull, sql } = await import("drizzle-orm");
    const ada = await viewerFor(db, "ada@acme.example");
    const dana = await viewerFor(db, "dana@acme.example");
    await db.update(memberships).set({ role: "admin" }).where(eq(memberships.id, dana.personId));
    const results = await Promise.allSettled([deactivateMember(db, { ...ada, role: "admin" }, dana.personId), deactivateMember(db, { ...dana, role: "admin" }, ada.personId)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    // The second to take its turn has just been deactivated: it is no longer theirs to decide.
    expect(refused.reason).toMatchObject({ status: 403, message: expect.stringContaining("no longer an admin") });
    const [left] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(memberships)
      .where(and(eq(memberships.orgId, ada.orgId), eq(memberships.role, "admin"), isNull(memberships.deactivatedAt)));
    expect(left!.n).toBe(1);
  });

  it("a tampered or missing session token is anonymous", async () => {
    const { getViewer } = await import("@/lib/auth/viewer");
    session.token = "not-a-token";
    expect(await getViewer()).toBeNull();
    session.token = "";
    expect(await getViewer()).toBeNull();
  });
});
