/**
 * Where a session starts for someone in several organizations: the
 * organization they last switched to or joined (users.last_org_id), chosen at
 * sign-in and fixed for that session (a claim of its token), else the first
 * by name. The switcher's choice on a browser (its cookie) wins over it. The
 * remembered organization is a landing place, never access.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditEvents, memberships, organizations, users } from "@/db/schema";
import { checkCredentials } from "@/lib/auth/credentials";
import { rememberLastOrg } from "@/lib/auth/last-org";
import { loadViewer } from "@/lib/auth/viewer";
import { setupTestDb, teardownTestDb } from "../helpers/db";

let db: Db;
let gina: string;
let acme: string;
let globex: string;
let initech: string;

beforeAll(async () => {
  db = await setupTestDb({ demo: true });
  [{ id: gina }] = (await db.select({ id: users.id }).from(users).where(eq(users.email, "gina@globex.example"))) as [{ id: string }];
  const orgs = await db.select({ id: organizations.id, slug: organizations.slug }).from(organizations);
  acme = orgs.find((o) => o.slug === "acme")!.id;
  globex = orgs.find((o) => o.slug === "globex")!.id;
  [{ id: initech }] = (await db.insert(organizations).values({ slug: "initech-last-org", name: "Initech" }).returning({ id: organizations.id })) as [{ id: string }];
  // Gina of Globex also works at Acme, which comes first by name.
  await db.insert(memberships).values({ orgId: acme, userId: gina, role: "member", title: "Advisor", team: "" });
});
afterAll(teardownTestDb);

/** Signs in as Gina and loads the session's first page, as getViewer does (no switcher cookie on this browser). */
async function signInGina() {
  const r = await checkCredentials("gina@globex.example", "reignite-demo", undefined);
  if (!r || r === "rate_limited") throw new Error("sign-in failed");
  const claims = { userId: r.id, authTime: Date.now(), ...(r.landingOrgId ? { orgId: r.landingOrgId } : {}) };
  return { claims, viewer: await loadViewer(db, claims, claims.orgId) };
}
const lastOrg = async () => (await db.select({ v: users.lastOrgId }).from(users).where(eq(users.id, gina)))[0]!.v;

describe("where a session starts", () => {
  it("the first organization by name until one is remembered; then the remembered one; this browser's switch wins", async () => {
    expect((await signInGina()).viewer?.orgId).toBe(acme);
    await rememberLastOrg(db, gina, globex);
    expect(await lastOrg()).toBe(globex);
    const { claims, viewer } = await signInGina();
    expect(viewer?.orgId).toBe(globex);
    // The switcher still lists both, by name.
    expect(viewer?.orgs.map((o) => o.orgId)).toEqual([acme, globex]);
    expect((await loadViewer(db, claims, acme))?.orgId).toBe(acme);
  });

  it("is fixed for the session: switching in another browser moves only the next sign-in", async () => {
    await rememberLastOrg(db, gina, globex);
    const first = await signInGina();
    expect(first.viewer?.orgId).toBe(globex);
    // Another browser switches to Acme (which remembers it): this session stays in Globex between two clicks.
    await rememberLastOrg(db, gina, acme);
    expect((await loadViewer(db, first.claims, first.claims.orgId))?.orgId).toBe(globex);
    expect((await signInGina()).viewer?.orgId).toBe(acme);
  });

  it("is not remembered for an organization the user is not an active member of, and a remembered one that was left gives no access", async () => {
    await rememberLastOrg(db, gina, globex);
    await rememberLastOrg(db, gina, initech);
    expect(await lastOrg()).toBe(globex);
    await db.update(memberships).set({ deactivatedAt: new Date() }).where(and(eq(memberships.userId, gina), eq(memberships.orgId, globex)));
    await rememberLastOrg(db, gina, globex);
    const { claims, viewer } = await signInGina();
    expect(claims.orgId).toBeUndefined();
    expect(viewer?.orgId).toBe(acme);
    expect(viewer?.orgs.map((o) => o.orgId)).toEqual([acme]);
    // Even written behind the app's back, a remembered organization without a membership is nowhere to land.
    await db.update(users).set({ lastOrgId: initech }).where(eq(users.id, gina));
    expect((await signInGina()).viewer?.orgId).toBe(acme);
    // And a token naming an organization the user has left lands in one they are in.
    expect((await loadViewer(db, { userId: gina, authTime: Date.now() }, globex))?.orgId).toBe(acme);
    await db.update(memberships).set({ deactivatedAt: null }).where(and(eq(memberships.userId, gina), eq(memberships.orgId, globex)));
  });

  it("is the one organization whose audit log records the sign-in; a failed one too", async () => {
    const events = async (action: string) =>
      (
        await db
          .select({ orgId: auditEvents.orgId })
          .from(auditEvents)
          .where(and(eq(auditEvents.actorUserId, gina), eq(auditEvents.action, action)))
          .orderBy(auditEvents.createdAt)
      ).map(
        (e) => e.orgId,
      );
    await db.delete(auditEvents).where(eq(auditEvents.actorUserId, gina));
    await rememberLastOrg(db, gina, globex);
    expect(await checkCredentials("gina@globex.example", "reignite-demo", undefined)).toMatchObject({ landingOrgId: globex });
    expect(await events("auth.sign_in")).toEqual([globex]);
    await rememberLastOrg(db, gina, acme);
    await signInGina();
    // Acme's log has the sign-in into Acme; Globex's has nothing new: when and from where Gina works at Acme is not Globex's business.
    expect(await events("auth.sign_in")).toEqual([globex, acme]);
    expect(await checkCredentials("gina@globex.example", "wrong password", undefined)).toBeNull();
    expect(await events("auth.sign_in_failed")).toEqual([acme]);
  });

  it("is forgotten when the organization is deleted", async () => {
    await db.update(users).set({ lastOrgId: initech }).where(eq(users.id, gina));
    await db.delete(organizations).where(eq(organizations.id, initech));
    expect(await lastOrg()).toBeNull();
  });
});
