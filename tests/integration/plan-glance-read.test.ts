/**
 * The plan at a glance reads active goals and each person's latest win in one
 * statement (readGoalsAndLastWins). It must give what the two queries it
 * replaced gave — same rows, order and shapes — including goals without a
 * target date, two wins on one day, a win linked to a goal, people without
 * goals or wins, and the other organization's rows staying out.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { countQueries } from "@/db/query-log";
import { memberships, stretchGoals, wins } from "@/db/schema";
import { createGoal } from "@/lib/plan/goals";
import { readGoalsAndLastWins } from "@/lib/plan/glance";
import { createWin } from "@/lib/plan/wins";
import { setupTestDb, teardownTestDb } from "../helpers/db";
import { personId, viewerFor } from "../helpers/viewers";

let db: Db;
beforeAll(async () => {
  db = await setupTestDb({ demo: true });
});
afterAll(teardownTestDb);

/** The two drizzle queries the glance used before (the reference). */
async function reference(orgId: string, ids: string[]) {
  const goals = await db
    .select({ id: stretchGoals.id, personId: stretchGoals.personId, title: stretchGoals.title, progress: stretchGoals.progress, targetOn: stretchGoals.targetOn })
    .from(stretchGoals)
    .where(and(eq(stretchGoals.orgId, orgId), inArray(stretchGoals.personId, ids), eq(stretchGoals.status, "active")))
    .orderBy(sql`${stretchGoals.targetOn} asc nulls last`, desc(stretchGoals.updatedAt));
  const lastWins = await db
    .selectDistinctOn([wins.personId], { personId: wins.personId, title: wins.title, occurredOn: wins.occurredOn, goalTitle: stretchGoals.title, linksPurpose: wins.linksPurpose })
    .from(wins)
    .leftJoin(stretchGoals, and(eq(stretchGoals.id, wins.goalId), eq(stretchGoals.orgId, orgId)))
    .where(and(eq(wins.orgId, orgId), inArray(wins.personId, ids)))
    .orderBy(wins.personId, desc(wins.occurredOn), desc(wins.createdAt));
  return { goals, lastWins };
}

describe("readGoalsAndLastWins", () => {
  it("matches the queries it replaced, in one statement", async () => {
    const maya = await viewerFor(db, "maya@acme.example");
    const eli = await personId(db, "eli@acme.example");
    const g1 = await createGoal(db, maya, eli, { title: "Pair on the release train", description: "", category: "cross_functional", status: "active", targetOn: null, servesPurpose: false });
    await createGoal(db, maya, eli, { title: "Present at the guild", description: "", category: "mentoring", status: "active", targetOn: "2099-02-01", servesPurpose: true });
    await createWin(db, maya, eli, { title: "First of two on one day", description: "", occurredOn: "2099-01-02", goalId: null, rotationId: null, linksPurpose: true });
    await createWin(db, maya, eli, { title: "Second of two on one day", description: "", occurredOn: "2099-01-02", goalId: g1.id, rotationId: null, linksPurpose: false });

    const reports = await db.select({ id: memberships.id }).from(memberships).where(eq(memberships.managerId, maya.personId));
    const ids = [...reports.map((r) => r.id), maya.personId];
    const { result, count } = await countQueries(() => readGoalsAndLastWins(db, maya.orgId, ids));
    expect(count).toBe(1);
    const ref = await reference(maya.orgId, ids);
    expect(ref.goals.filter((g) => g.personId === eli).length).toBeGreaterThanOrEqual(2);
    expect(ref.goals.some((g) => g.targetOn === null)).toBe(true);
    expect(ref.lastWins.find((w) => w.personId === eli)).toMatchObject({ title: "Second of two on one day", goalTitle: "Pair on the release train" });
    expect(ids.some((id) => !ref.lastWins.find((w) => w.personId === id))).toBe(true); // someone without wins
    expect(result.goals).toEqual(ref.goals);
    expect(result.lastWins).toEqual(ref.lastWins);
  });

  it("keeps another organization's people out, and asks nothing for nobody", async () => {
    const maya = await viewerFor(db, "maya@acme.example");
    const hank = await viewerFor(db, "hank@globex.example");
    const r = await readGoalsAndLastWins(db, maya.orgId, [hank.personId]);
    expect(r).toEqual({ goals: [], lastWins: [] });
    const none = await countQueries(() => readGoalsAndLastWins(db, maya.orgId, []));
    expect(none.count).toBe(0);
  });
});
