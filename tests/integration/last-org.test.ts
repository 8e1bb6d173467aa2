/**
 * Where a sign-in lands for someone in several organizations: the switcher's
 * choice on this browser (its cookie), else the organization they last
 * switched to or joined (users.last_org_id), else the first by name. The
 * remembered organization is a landing place, never access.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships, organizations, users } from "@/db/schema";
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

const claims = () => ({ userId: gina, authTime: Date.now() });
const lastOrg = async () => (await db.select({ v: users.lastOrgId }).from(users).where(eq(users.id, gina)))[0]!.v;

describe("landing organization", () => {
  it("is the first by name until one is remembered, then the remembered one; this browser's switch wins", async () => {
    expect((await loadViewer(db, claims()))?.orgId).toBe(acme);
    await rememberLastOrg(db, gina, globex);
    expect(await lastOrg()).toBe(globex);
    const v = await loadViewer(db, claims());
    expect(v?.orgId).toBe(globex);
    // The switcher still lists both, by name.
    expect(v?.orgs.map((o) => o.orgId)).toEqual([acme, globex]);
    expect((await loadViewer(db, claims(), acme))?.orgId).toBe(acme);
  });

  it("is not remembered for an organization the user is not an active member of, and a remembered one that was left gives no access", async () => {
    await rememberLastOrg(db, gina, globex);
    await rememberLastOrg(db, gina, initech);
    expect(await lastOrg()).toBe(globex);
    await db.update(memberships).set({ deactivatedAt: new Date() }).where(and(eq(memberships.userId, gina), eq(memberships.orgId, globex)));
    await rememberLastOrg(db, gina, globex);
    const v = await loadViewer(db, claims());
    expect(v?.orgId).toBe(acme);
    expect(v?.orgs.map((o) => o.orgId)).toEqual([acme]);
    // Even written behind the app's back, a remembered organization without a membership is nowhere to land.
    await db.update(users).set({ lastOrgId: initech }).where(eq(users.id, gina));
    expect((await loadViewer(db, claims()))?.orgId).toBe(acme);
    await db.update(memberships).set({ deactivatedAt: null }).where(and(eq(memberships.userId, gina), eq(memberships.orgId, globex)));
  });

  it("is forgotten when the organization is deleted", async () => {
    await db.update(users).set({ lastOrgId: initech }).where(eq(users.id, gina));
    await db.delete(organizations).where(eq(organizations.id, initech));
    expect(await lastOrg()).toBeNull();
  });
});
