/**
 * The viewer is one statement per request, and it carries what pages would
 * otherwise query separately (navigation facts, the org's radar settings), as
 * fresh as the request: a settings change or a revoked session shows on the
 * next load, with no cache in between.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { countQueries } from "@/db/query-log";
import { memberships, organizations, users } from "@/db/schema";
import { loadViewer } from "@/lib/auth/viewer";
import { getRadarSettings, isSkipLevelManager } from "@/lib/radar";
import { setupTestDb, teardownTestDb } from "../helpers/db";
import { viewerFor } from "../helpers/viewers";

let db: Db;
beforeAll(async () => {
  db = await setupTestDb({ demo: true });
});
afterAll(teardownTestDb);

async function claimsOf(email: string) {
  const v = await viewerFor(db, email);
  return { claims: { userId: v.userId, authTime: Date.now() }, personId: v.personId, orgId: v.orgId };
}

describe("loadViewer", () => {
  it("reads the navigation facts with the viewer: director, manager, report", async () => {
    const { count, result: dana } = await countQueries(async () => loadViewer(db, (await claimsOf("dana@acme.example")).claims));
    expect(count).toBe(2); // viewerFor's lookup + loadViewer's one statement
    expect(dana?.nav).toEqual({ managesPeople: true, hasManager: false, managesManagers: true, managerName: null });
    const maya = await loadViewer(db, (await claimsOf("maya@acme.example")).claims);
    expect(maya?.nav).toEqual({ managesPeople: true, hasManager: true, managesManagers: false, managerName: dana!.name });
    const eli = await loadViewer(db, (await claimsOf("eli@acme.example")).claims);
    expect(eli?.nav).toEqual({ managesPeople: false, hasManager: true, managesManagers: false, managerName: maya!.name });
    // The /team subtree switch follows it without a query of its own.
    const { count: skipQueries, result: skip } = await countQueries(() => isSkipLevelManager(db, dana!));
    expect([skip, skipQueries]).toEqual([true, 0]);
  });

  it("carries the org's radar settings, fresh on every load", async () => {
    const { claims, orgId } = await claimsOf("maya@acme.example");
    const before = await loadViewer(db, claims);
    const [org] = await db.select().from(organizations).where(eq(organizations.id, orgId));
    expect(before?.settings).toEqual({
      roleNoticeMonths: org!.roleNoticeMonths,
      roleWarningMonths: org!.roleWarningMonths,
      defaultCadenceDays: org!.defaultCadenceDays,
      pulseAlertScore: org!.pulseAlertScore,
      learningGapMonths: org!.learningGapMonths,
      stuckAckDays: org!.stuckAckDays,
    });
    // getRadarSettings uses the viewer's copy: no query.
    const { count, result } = await countQueries(() => getRadarSettings(db, before!));
    expect(count).toBe(0);
    expect(result).toEqual(before!.settings);

    await db.update(organizations).set({ roleNoticeMonths: org!.roleNoticeMonths + 3 }).where(eq(organizations.id, orgId));
    const after = await loadViewer(db, claims);
    expect(after?.settings?.roleNoticeMonths).toBe(org!.roleNoticeMonths + 3);
    // A viewer built without settings (scripts, tests) still gets them, with one query.
    const { settings: _s, ...bare } = after!;
    const read = await countQueries(() => getRadarSettings(db, bare));
    expect([read.count, read.result.roleNoticeMonths]).toEqual([1, org!.roleNoticeMonths + 3]);
  });

  it("refuses a session signed in before sessions_valid_after, or a deactivated membership", async () => {
    const { claims, personId } = await claimsOf("gus@acme.example");
    expect(await loadViewer(db, claims)).not.toBeNull();
    await db.update(users).set({ sessionsValidAfter: new Date(claims.authTime + 1000) }).where(eq(users.id, claims.userId));
    expect(await loadViewer(db, claims)).toBeNull();
    expect(await loadViewer(db, { ...claims, authTime: claims.authTime + 2000 })).not.toBeNull();
    await db.update(memberships).set({ deactivatedAt: new Date() }).where(eq(memberships.id, personId));
    expect(await loadViewer(db, { ...claims, authTime: claims.authTime + 2000 })).toBeNull();
  });

  it("carries the current manager's name, fresh after a manager change", async () => {
    const eli = await claimsOf("eli@acme.example");
    const dana = await viewerFor(db, "dana@acme.example");
    await db.update(memberships).set({ managerId: dana.personId }).where(eq(memberships.id, eli.personId));
    expect((await loadViewer(db, eli.claims))?.nav?.managerName).toBe(dana.name);
    await db.update(memberships).set({ managerId: null }).where(eq(memberships.id, eli.personId));
    expect((await loadViewer(db, eli.claims))?.nav).toMatchObject({ hasManager: false, managerName: null });
  });
});
