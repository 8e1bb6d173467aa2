/**
 * A new reporting line gets the time for a first 1:1 that a newcomer gets: reassigned this morning, nobody is
 * "1:1 overdue" with a manager they have not had a day. The line's start is kept by the database on every path
 * that changes a manager (migration 0015), so the admin's form is only one of them here.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { memberships } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer-type";
import { changeManager } from "@/lib/people/structure";
import { radarForManager } from "@/lib/radar";
import { setupTestDb, teardownTestDb } from "../helpers/db";
import { personId, viewerFor } from "../helpers/viewers";

let db: Db;
let ada: Viewer;
let maya: Viewer;
let omar: Viewer;
let gus: string;
beforeAll(async () => {
  db = await setupTestDb({ demo: true });
  [ada, maya, omar] = await Promise.all([viewerFor(db, "ada@acme.example"), viewerFor(db, "maya@acme.example"), viewerFor(db, "omar@acme.example")]);
  gus = await personId(db, "gus@acme.example");
});
afterAll(teardownTestDb);

const DAY = 86_400_000;
const flagsOf = async (manager: Viewer, now?: Date) => {
  const person = (await radarForManager(db, manager, { now })).find((p) => p.id === gus);
  expect(person, "Gus is on the manager's radar").toBeDefined();
  return person!.flags.map((f) => f.code);
};
const lineStart = async () => (await db.select({ at: memberships.managerSince }).from(memberships).where(eq(memberships.id, gus)))[0]!.at;

describe("a reporting line's start", () => {
  it("is recorded when the manager changes, and only then", async () => {
    expect(await lineStart()).toBeNull(); // the manager he was added with
    await db.update(memberships).set({ title: "Senior Analyst" }).where(eq(memberships.id, gus));
    expect(await lineStart()).toBeNull();
    const before = Date.now();
    await changeManager(db, ada, gus, omar.personId, { managerId: maya.personId });
    const started = await lineStart();
    expect(started!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    // The same manager written again (a CSV import of the same line) is no new line.
    await db.update(memberships).set({ managerId: omar.personId }).where(eq(memberships.id, gus));
    expect((await lineStart())!.getTime()).toBe(started!.getTime());
  });

  it("gives the new manager a cadence and a half for a first 1:1 before the radar says it is overdue", async () => {
    expect(await flagsOf(omar)).not.toContain("one_on_one_overdue");
    expect(await flagsOf(omar, new Date(Date.now() + 20 * DAY))).not.toContain("one_on_one_overdue");
    expect(await flagsOf(omar, new Date(Date.now() + 23 * DAY))).toContain("one_on_one_overdue");
  });

  it("put back with the manager after a misclick, a 1:1 held with them before still counts", async () => {
    await changeManager(db, ada, gus, maya.personId, { managerId: omar.personId });
    expect(await flagsOf(maya)).not.toContain("one_on_one_overdue");
  });
});
