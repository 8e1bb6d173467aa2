import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { audit } from "@/lib/audit/log";
import { listAuditEvents, auditFilterOptions, auditFilterSchema } from "@/lib/audit/query";
import { AppError } from "@/lib/errors";
import { setupTestDb, teardownTestDb } from "../helpers/db";
import { personId, viewerFor } from "../helpers/viewers";
import type { Viewer } from "@/lib/auth/viewer-type";

let db: Db;
let ada: Viewer;
let maya: Viewer;
let gina: Viewer;
const f = (o: Record<string, string> = {}) => auditFilterSchema.parse(o);

beforeAll(async () => {
  db = await setupTestDb({ demo: true });
  ada = await viewerFor(db, "ada@acme.example");
  maya = await viewerFor(db, "maya@acme.example");
  gina = await viewerFor(db, "gina@globex.example");
  await db.delete(auditEvents);
  const eli = await personId(db, "eli@acme.example");
  // Seven events sharing one timestamp (a keyset on created_at alone would lose some), then older ones.
  const same = new Date("2026-03-10T12:00:00.123456Z");
  await db.insert(auditEvents).values(
    Array.from({ length: 7 }, (_, i) => ({ orgId: maya.orgId, actorUserId: maya.userId, action: "permission.denied", targetType: "privateNote", targetId: eli, meta: { i }, createdAt: same })),
  );
  await db.insert(auditEvents).values([
    { orgId: ada.orgId, actorUserId: ada.userId, action: "auth.sign_in", createdAt: new Date("2026-03-09T08:00:00Z") },
    { orgId: ada.orgId, actorUserId: ada.userId, action: "member.manager_changed", targetType: "person", targetId: eli, createdAt: new Date("2026-03-01T23:59:59Z") },
    { orgId: gina.orgId, actorUserId: gina.userId, action: "auth.sign_in", meta: { marker: "globex-only" }, createdAt: new Date("2026-03-10T12:00:00Z") },
  ]);
});
afterAll(teardownTestDb);

describe("audit log", () => {
  it("is for admins only: anyone else gets 404, signed-out 401", async () => {
    await expect(listAuditEvents(db, maya, f())).rejects.toMatchObject({ status: 404 });
    await expect(auditFilterOptions(db, maya, )).rejects.toBeInstanceOf(AppError);
    await expect(listAuditEvents(db, gina, f())).rejects.toMatchObject({ status: 404 }); // Globex has no admin
    await expect(listAuditEvents(db, null, f())).rejects.toMatchObject({ status: 401 });
  });

  it("shows only the admin's organization, newest first, with names", async () => {
    const { rows, nextCursor } = await listAuditEvents(db, ada, f());
    expect(rows).toHaveLength(9);
    expect(nextCursor).toBeNull();
    expect(JSON.stringify(rows)).not.toContain("globex-only");
    expect(rows[0]!.action).toBe("permission.denied");
    expect(rows[0]!.actorName).toBe("Maya Manager");
    expect(rows[0]!.targetName).toBe("Eli Employee");
    expect(rows.at(-1)!.action).toBe("member.manager_changed");
    const times = rows.map((r) => r.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it("names the organization's members in an event's details, never another organization's", async () => {
    const { auditMetaText } = await import("@/lib/audit/labels");
    const omar = await personId(db, "omar@acme.example");
    const hank = await personId(db, "hank@globex.example");
    await db.insert(auditEvents).values({ orgId: ada.orgId, actorUserId: ada.userId, action: "member.manager_changed", meta: { from: maya.personId, to: omar, other: hank }, createdAt: new Date("2026-03-11T09:00:00Z") });
    // A sensitive read lists people (members, by name) and record ids (counted, not spelled out).
    const recordIds = ["0f0e0d0c-0b0a-4908-8706-050403020100", "1f0e0d0c-0b0a-4908-8706-050403020100"];
    await db.insert(auditEvents).values({ orgId: ada.orgId, actorUserId: maya.userId, action: "stuck_signal.read", meta: { via: "page", count: 2, ids: recordIds, people: [omar, hank] }, createdAt: new Date("2026-03-11T09:00:01Z") });
    try {
      const { rows, names } = await listAuditEvents(db, ada, f({ from: "2026-03-11", to: "2026-03-11" }));
      expect(rows).toHaveLength(2);
      const changed = rows.find((r) => r.action === "member.manager_changed")!;
      const parts = auditMetaText(changed.meta, names).split(" · ").sort(); // jsonb keeps its own key order
      expect(parts).toEqual(["from: Maya Manager", `other: ${hank}`, "to: Omar Manager"]);
      const read = rows.find((r) => r.action === "stuck_signal.read")!;
      expect(auditMetaText(read.meta, names).split(" · ").sort()).toEqual(["count: 2", "ids: 2 records", `people: Omar Manager, 1 record`, "via: page"]);
    } finally {
      await db.delete(auditEvents).where(inArray(auditEvents.createdAt, [new Date("2026-03-11T09:00:00Z"), new Date("2026-03-11T09:00:01Z")]));
    }
  });

  it("pages with a keyset on (created_at, id): no row lost or repeated, even with equal timestamps", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listAuditEvents(db, ada, f(cursor ? { cursor } : {}), 3);
      seen.push(...page.rows.map((r) => r.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(9);
  });

  it("filters by action, actor and an inclusive UTC date range", async () => {
    expect((await listAuditEvents(db, ada, f({ action: "auth.sign_in" }))).rows.map((r) => r.actorName)).toEqual(["Ada Admin"]);
    expect((await listAuditEvents(db, ada, f({ actor: maya.userId }))).rows).toHaveLength(7);
    expect((await listAuditEvents(db, ada, f({ from: "2026-03-02", to: "2026-03-09" }))).rows.map((r) => r.action)).toEqual(["auth.sign_in"]);
    expect((await listAuditEvents(db, ada, f({ from: "2026-03-01", to: "2026-03-01" }))).rows.map((r) => r.action)).toEqual(["member.manager_changed"]);
    // The last day the date field offers: its day after is year 10000 (a 500 when JavaScript counted it).
    const open = (await listAuditEvents(db, ada, f({ from: "2026-03-09" }))).rows.map((r) => r.id);
    expect(open.length).toBeGreaterThan(1);
    expect((await listAuditEvents(db, ada, f({ from: "2026-03-09", to: "9999-12-31" }))).rows.map((r) => r.id)).toEqual(open);
    const opts = await auditFilterOptions(db, ada);
    expect(opts.actions).toEqual(["auth.sign_in", "member.manager_changed", "permission.denied"]);
    expect(opts.actors!.map((a) => a.name)).toContain("Eli Employee");
    expect(opts.actors!.map((a) => a.name)).not.toContain("Gina Globex");
  });

  it("rejects bad filters and a forged cursor, and the query never fails on one that gets past the schema", async () => {
    expect(auditFilterSchema.safeParse({ from: "yesterday" }).success).toBe(false);
    expect(auditFilterSchema.safeParse({ actor: "'; drop table users; --" }).success).toBe(false);
    const forged = Buffer.from(JSON.stringify(["not a time'); --", "00000000-0000-0000-0000-000000000000"])).toString("base64url");
    // Said, not read as page 1 (a client paging through would go round for ever); and read past the schema, ignored.
    const cursors = [forged, "%%%"];
    // The shape of a time, but no such day, time of day or offset: the cast failed (a 500) before the cursor checked them.
    for (const time of ["2026-13-45 00:00:00", "2026-01-01 25:61:61", "0000-01-01 00:00:00+00", "2026-01-01 10:00:00+99"]) {
      cursors.push(Buffer.from(JSON.stringify([time, "6a0c3b1e-1111-4111-8111-111111111111"])).toString("base64url"));
    }
    for (const cursor of cursors) {
      expect(auditFilterSchema.safeParse({ cursor }).success, cursor).toBe(false);
      expect((await listAuditEvents(db, ada, { ...f(), cursor })).rows, cursor).toHaveLength(9);
    }
  });

  it("an audit write never fails the caller, even when the database refuses it", async () => {
    const before = await db.select({ n: sql<number>`count(*)::int` }).from(auditEvents);
    // An organization id that does not exist violates the foreign key.
    await expect(audit({ orgId: "00000000-0000-0000-0000-000000000000", actorUserId: null, action: "x.test" })).resolves.toBeUndefined();
    const after = await db.select({ n: sql<number>`count(*)::int` }).from(auditEvents);
    expect(after[0]!.n).toBe(before[0]!.n);
    await audit({ orgId: ada.orgId, actorUserId: ada.userId, action: "x.big", meta: { blob: "z".repeat(10_000) } });
    const [big] = await db.select({ meta: auditEvents.meta }).from(auditEvents).where(eq(auditEvents.action, "x.big"));
    expect(big!.meta).toEqual({ truncated: true });
  });
});
