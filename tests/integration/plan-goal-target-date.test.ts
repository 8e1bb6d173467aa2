/**
 * An open stretch goal aims from today on: creating one, or moving its target
 * date, to an earlier day is refused at the field. A goal whose date has
 * passed stays editable as long as the date is left as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { stretchGoals } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer-type";
import { AppError } from "@/lib/errors";
import { createGoal, updateGoal } from "@/lib/plan";
import { goalCreate, goalPatch, type GoalCreate } from "@/lib/plan/schemas";
import { setupTestDb, teardownTestDb } from "../helpers/db";
import { personId, viewerFor } from "../helpers/viewers";

const MESSAGE = "Pick a target date from today on.";
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

let db: Db;
let eli: string;
let maya: Viewer;

beforeAll(async () => {
  db = await setupTestDb({ demo: true });
  eli = await personId(db, "eli@acme.example");
  maya = await viewerFor(db, "maya@acme.example");
});
afterAll(teardownTestDb);

async function fieldErrors(p: Promise<unknown>): Promise<{ status: number; fields?: Record<string, string[]> }> {
  try {
    await p;
    return { status: 200 };
  } catch (e) {
    if (e instanceof AppError) return { status: e.status, fields: e.fields };
    throw e;
  }
}

// Built as a caller of createGoal would (its own check is what is tested here; the form's schema refuses a past
// target too, see plan-goal-schema.test): parsed without the schema's date rule.
const newGoal = (over: Record<string, unknown>): GoalCreate => {
  const { targetOn, ...rest } = over;
  const parsed = goalCreate.parse({ title: "Lead the guild", category: "mentoring", status: "active", ...rest });
  return { ...parsed, targetOn: targetOn === "" ? null : (targetOn as string | undefined) };
};

describe("creating a goal", () => {
  it("refuses a target date before today, at the field", async () => {
    expect(await fieldErrors(createGoal(db, maya, eli, newGoal({ targetOn: day(-1) })))).toEqual({ status: 422, fields: { targetOn: [MESSAGE] } });
    expect(await fieldErrors(createGoal(db, maya, eli, newGoal({ status: "proposed", targetOn: day(-30) })))).toMatchObject({ status: 422 });
  });

  it("takes today, a later day or no date", async () => {
    expect((await createGoal(db, maya, eli, newGoal({ targetOn: day(0) }))).targetOn).toBe(day(0));
    expect((await createGoal(db, maya, eli, newGoal({ targetOn: day(40) }))).targetOn).toBe(day(40));
    expect((await createGoal(db, maya, eli, newGoal({ targetOn: "" }))).targetOn).toBeNull();
  });

  it("judges today by the viewer's day when their browser is behind UTC, but never further than a day", async () => {
    // Evening in California, already tomorrow in UTC: the viewer's today is UTC's yesterday.
    expect((await createGoal(db, maya, eli, newGoal({ targetOn: day(-1), today: day(-1) }))).targetOn).toBe(day(-1));
    expect(await fieldErrors(createGoal(db, maya, eli, newGoal({ targetOn: day(-2), today: day(-1) })))).toMatchObject({ status: 422 });
    // A claimed day no time zone has now is ignored: UTC's today rules.
    expect(await fieldErrors(createGoal(db, maya, eli, newGoal({ targetOn: day(-3), today: day(-5) })))).toMatchObject({ status: 422 });
    // Ahead of UTC (e.g. Auckland), the viewer's today may already be UTC's tomorrow.
    expect(await fieldErrors(createGoal(db, maya, eli, newGoal({ targetOn: day(0), today: day(1) })))).toMatchObject({ status: 422 });
  });

  it("records a goal already done or dropped with the date it had", async () => {
    expect((await createGoal(db, maya, eli, newGoal({ status: "done", targetOn: day(-90) }))).targetOn).toBe(day(-90));
    expect((await createGoal(db, maya, eli, newGoal({ status: "dropped", targetOn: day(-90) }))).targetOn).toBe(day(-90));
  });
});

describe("editing a goal", () => {
  async function overdueGoal() {
    const [g] = await db
      .insert(stretchGoals)
      .values({ orgId: maya.orgId, personId: eli, title: "Overdue", category: "learning", status: "active", targetOn: day(-10), createdBy: maya.personId })
      .returning();
    return g!;
  }
  const patch = (over: Record<string, unknown>) => goalPatch.parse(over);

  it("keeps an overdue goal editable while its date is left as it was (the full form sends it back)", async () => {
    const g = await overdueGoal();
    const saved = await updateGoal(db, maya, g.id, patch({ version: g.version, title: "Overdue, renamed", description: "More", targetOn: day(-10), status: "active" }));
    expect(saved).toMatchObject({ title: "Overdue, renamed", targetOn: day(-10), version: g.version + 1 });
    // Status alone, as well.
    expect((await updateGoal(db, maya, g.id, patch({ version: saved.version, status: "proposed" }))).status).toBe("proposed");
  });

  it("refuses moving the date to another day before today, and takes today or later", async () => {
    const g = await overdueGoal();
    expect(await fieldErrors(updateGoal(db, maya, g.id, patch({ version: g.version, targetOn: day(-5) })))).toEqual({ status: 422, fields: { targetOn: [MESSAGE] } });
    expect(await fieldErrors(updateGoal(db, maya, g.id, patch({ version: g.version, title: "Reopened", targetOn: day(-11), status: "active" })))).toMatchObject({ status: 422 });
    const moved = await updateGoal(db, maya, g.id, patch({ version: g.version, targetOn: day(0) }));
    expect(moved).toMatchObject({ targetOn: day(0), version: g.version + 1 });
    expect((await updateGoal(db, maya, g.id, patch({ version: moved.version, targetOn: day(14) }))).targetOn).toBe(day(14));
  });

  it("lets a goal closed as done keep or take a past date", async () => {
    const g = await overdueGoal();
    const done = await updateGoal(db, maya, g.id, patch({ version: g.version, status: "done", targetOn: day(-20) }));
    expect(done).toMatchObject({ status: "done", targetOn: day(-20), progress: 100 });
  });

  it("answers a stale edit with the conflict, not the date rule", async () => {
    const g = await overdueGoal();
    await updateGoal(db, maya, g.id, patch({ version: g.version, title: "Moved on" }));
    expect(await fieldErrors(updateGoal(db, maya, g.id, patch({ version: g.version, targetOn: day(-3) })))).toMatchObject({ status: 409 });
  });
});
