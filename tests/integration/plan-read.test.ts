/**
 * The plan page reads every section in one statement (lib/plan/read-plan.ts);
 * the writes still return sections through the per-section loaders. Both must
 * give the same rows, in the same order, with the same shapes — for a plan
 * with every kind of entry (Eli's demo plan plus a goal update, a win linked
 * to a goal and a rotation, and a connection to a colleague) and for an empty
 * plan — on PostgreSQL and on PGlite.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { countQueries } from "@/db/query-log";
import * as s from "@/db/schema";
import { getPlan } from "@/lib/plan";
import { loadConnections } from "@/lib/plan/connections";
import { loadGoals } from "@/lib/plan/goals";
import { loadLearning } from "@/lib/plan/learning";
import { loadPurposeHistory } from "@/lib/plan/purpose";
import { readPlan } from "@/lib/plan/read-plan";
import { loadSkills } from "@/lib/plan/skills";
import { loadWins } from "@/lib/plan/wins";
import { setupTestDb, teardownTestDb } from "../helpers/db";
import { personId, viewerFor } from "../helpers/viewers";

let db: Db;
beforeAll(async () => {
  db = await setupTestDb({ demo: true });
});
afterAll(teardownTestDb);

async function loaders(orgId: string, id: string) {
  const [purpose, goals, learning, connections, skills, wins] = await Promise.all([
    loadPurposeHistory(db, orgId, id),
    loadGoals(db, orgId, id),
    loadLearning(db, orgId, id),
    loadConnections(db, orgId, id),
    loadSkills(db, orgId, id),
    loadWins(db, orgId, id),
  ]);
  return { purpose, goals, learning, connections, skills, wins };
}

describe("readPlan", () => {
  it("matches the per-section loaders for a full plan, in one statement", async () => {
    const eli = await viewerFor(db, "eli@acme.example");
    const maya = await personId(db, "maya@acme.example");
    const fatima = await personId(db, "fatima@acme.example");
    const { orgId } = eli;
    // Make sure every section and every join has something to show.
    const [goal] = await db.select().from(s.stretchGoals).where(and(eq(s.stretchGoals.personId, eli.personId))).limit(1);
    expect(goal, "Eli's demo plan has a goal").toBeTruthy();
    await db.insert(s.stretchGoalUpdates).values({ orgId, goalId: goal!.id, authorId: maya, body: "Halfway there", progress: 50 });
    const [rot] = await db.insert(s.rotations).values({ orgId, personId: eli.personId, host: "Data Platform", startOn: "2026-01-05", status: "done", endedOn: "2026-03-01", learningGoal: "Pipelines" }).returning();
    await db.insert(s.wins).values({ orgId, personId: eli.personId, title: "Shipped the importer", occurredOn: "2026-02-10", goalId: goal!.id, rotationId: rot!.id, linksPurpose: true, authorId: maya });
    await db.insert(s.connections).values({ orgId, personId: eli.personId, kind: "mentor", otherPersonId: fatima, name: "", purpose: "Pairing on SQL" });
    await db.insert(s.skills).values([
      { orgId, personId: eli.personId, name: "zeta", status: "used" },
      { orgId, personId: eli.personId, name: "Alpha", status: "used" },
    ]);

    const { result: plan, count } = await countQueries(() => readPlan(db, orgId, eli.personId, true));
    expect(count).toBe(1);
    const expected = await loaders(orgId, eli.personId);
    expect(plan).not.toBeNull();
    expect(plan!.purpose.history).toEqual(expected.purpose);
    expect(plan!.purpose.current).toEqual(expected.purpose[0] ?? null);
    expect(plan!.goals).toEqual(expected.goals);
    expect(plan!.goals.find((g) => g.id === goal!.id)!.updates.map((u) => u.body)).toContain("Halfway there");
    expect(plan!.learning).toEqual(expected.learning);
    expect(plan!.connections).toEqual(expected.connections);
    expect(plan!.connections.find((c) => c.otherPersonId === fatima)?.otherPersonName).toMatch(/Fatima/);
    expect(plan!.skills).toEqual(expected.skills);
    expect(plan!.wins).toEqual(expected.wins);
    expect(plan!.wins.find((w) => w.title === "Shipped the importer")).toMatchObject({ goalTitle: goal!.title, rotationHost: "Data Platform", linksPurpose: true });
    for (const section of [plan!.goals, plan!.learning, plan!.wins, plan!.skills]) expect(section.length).toBeGreaterThan(0);
    expect(plan!.rotations.map((r) => r.host)).toContain("Data Platform");
    expect(plan!.roleEvents.length).toBeGreaterThan(0);
    expect(plan!.person).toMatchObject({ id: eli.personId, name: eli.name });
  });

  it("leaves role history and rotations out unless asked, and says null for someone else's org", async () => {
    const eli = await viewerFor(db, "eli@acme.example");
    const plan = await readPlan(db, eli.orgId, eli.personId, false);
    expect(plan!.rotations).toEqual([]);
    expect(plan!.roleEvents).toEqual([]);
    const hank = await viewerFor(db, "hank@globex.example");
    expect(await readPlan(db, hank.orgId, eli.personId, true)).toBeNull();
  });

  it("gives empty sections for a plan with nothing in it yet", async () => {
    const ada = await viewerFor(db, "ada@acme.example");
    await db.delete(s.purposeStatements).where(eq(s.purposeStatements.personId, ada.personId));
    await db.delete(s.stretchGoals).where(eq(s.stretchGoals.personId, ada.personId));
    await db.delete(s.learningItems).where(eq(s.learningItems.personId, ada.personId));
    await db.delete(s.skills).where(eq(s.skills.personId, ada.personId));
    await db.delete(s.wins).where(eq(s.wins.personId, ada.personId));
    await db.delete(s.connections).where(eq(s.connections.personId, ada.personId));
    const plan = await readPlan(db, ada.orgId, ada.personId, true);
    expect(plan).toMatchObject({ purpose: { current: null, history: [] }, goals: [], learning: [], connections: [], skills: [], wins: [] });
  });

  it("is what getPlan returns", async () => {
    const eli = await viewerFor(db, "eli@acme.example");
    const { plan } = await getPlan(db, eli, eli.personId);
    expect(plan).toEqual(await readPlan(db, eli.orgId, eli.personId, true));
  });
});
