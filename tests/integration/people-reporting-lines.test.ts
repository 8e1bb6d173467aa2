/**
 * Reporting lines stay a tree and 1:1s follow them, whichever way a manager
 * changes (the person page's manager field → changeManager, the CSV import →
 * applyImport), also when two changes arrive at once.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { meetings, memberships } from "@/db/schema";
import { applyImport } from "@/lib/people/csv-import";
import { changeManager } from "@/lib/people/structure";
import { onPostgres, setupTestDb, teardownTestDb } from "../helpers/db";
import { personId, viewerFor } from "../helpers/viewers";

let db: Db;
beforeAll(async () => {
  db = await setupTestDb({ demo: true });
});
afterAll(teardownTestDb);

const managerOf = async (id: string) => (await db.select({ m: memberships.managerId }).from(memberships).where(eq(memberships.id, id)))[0]!.m;

describe("two manager changes at once", () => {
  it.runIf(onPostgres)("X under Y and Y under X side by side: one is refused as a loop, never both saved", async () => {
    const ada = await viewerFor(db, "ada@acme.example");
    const x = await personId(db, "kira@acme.example");
    const y = await personId(db, "pablo@acme.example");
    const [xWas, yWas] = [await managerOf(x), await managerOf(y)];
    for (let round = 0; round < 6; round++) {
      await db.update(memberships).set({ managerId: xWas }).where(eq(memberships.id, x));
      await db.update(memberships).set({ managerId: yWas }).where(eq(memberships.id, y));
      const results = await Promise.allSettled([changeManager(db, ada, x, y, { managerId: xWas }), changeManager(db, ada, y, x, { managerId: yWas })]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const refused = results.find((r): r is PromiseRejectedResult => r.status === "rejected")!;
      expect(refused.reason).toMatchObject({ status: 422, fields: { managerId: [expect.stringMatching(/loop/)] } });
      const [xm, ym] = [await managerOf(x), await managerOf(y)];
      expect(xm === y && ym === x).toBe(false);
    }
  });
});

describe("a manager change by CSV import", () => {
  it("cancels the 1:1s still scheduled with the former manager, as the person page does", async () => {
    const ada = await viewerFor(db, "ada@acme.example");
    const eli = await personId(db, "eli@acme.example");
    const maya = await personId(db, "maya@acme.example");
    const scheduledWithMaya = () =>
      db.select({ id: meetings.id }).from(meetings).where(and(eq(meetings.reportId, eli), eq(meetings.managerId, maya), eq(meetings.status, "scheduled")));
    expect((await scheduledWithMaya()).length).toBeGreaterThan(0);
    const file = ["email,name,title,team,manager email,role start date", "eli@acme.example,Eli Employee,Software Engineer II,Platform,dana@acme.example,"].join("\n");
    const res = await applyImport(db, ada, file);
    expect(res.counts.update).toBe(1);
    expect(await managerOf(eli)).toBe(await personId(db, "dana@acme.example"));
    expect(await scheduledWithMaya()).toEqual([]);
  });
});
