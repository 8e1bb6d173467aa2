/**
 * A refused plan save (409) says who saved first, as the 1:1's notes and check-in do: the other person by name, or
 * the viewer's own other tab or window. Every plan item that can be edited, and the purpose. A row whose last save
 * is not known (saved before saves were attributed) stays unnamed.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { stretchGoals } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer-type";
import { AppError } from "@/lib/errors";
import * as plan from "@/lib/plan";
import { setupTestDb, teardownTestDb } from "../helpers/db";
import { viewerFor } from "../helpers/viewers";

let db: Db;
let maya: Viewer;
let eli: Viewer;

beforeAll(async () => {
  db = await setupTestDb({ demo: true });
  maya = await viewerFor(db, "maya@acme.example");
  eli = await viewerFor(db, "eli@acme.example");
});
afterAll(teardownTestDb);

async function conflictOf(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).status).toBe(409);
  return err as AppError;
}

const goalInput = (title: string) => ({ title, description: "", category: "learning" as const, status: "proposed" as const, servesPurpose: false });

describe("a stretch goal", () => {
  it("names the manager who saved first, on an edit, a progress update and a delete", async () => {
    const g = await plan.createGoal(db, eli, eli.personId, goalInput("Named conflict"));
    await plan.updateGoal(db, maya, g.id, { version: g.version, status: "active" });
    const edit = await conflictOf(plan.updateGoal(db, eli, g.id, { version: g.version, title: "Eli's title" }));
    expect(edit.message).toBe("Maya Manager changed this goal meanwhile. The current version is shown; your changes are still in the form.");
    expect(edit.extra).toMatchObject({ savedBy: { you: false, name: "Maya Manager" }, current: { status: "active", version: 2 } });

    const update = await conflictOf(plan.addGoalUpdate(db, eli, g.id, { body: "Halfway", progress: 50, version: g.version }));
    expect(update.message).toMatch(/^Maya Manager changed this goal meanwhile: its progress is now 0%\. Your update was not added/);
    expect(update.extra).toMatchObject({ savedBy: { you: false, name: "Maya Manager" } });

    // A progress update saves the goal too: Maya's stale edit then names Eli.
    await plan.addGoalUpdate(db, eli, g.id, { body: "Halfway", progress: 50, version: 2 });
    const byEli = await conflictOf(plan.updateGoal(db, maya, g.id, { version: 2, title: "Maya's title" }));
    expect(byEli.extra).toMatchObject({ savedBy: { you: false, name: "Eli Employee" }, current: { progress: 50, version: 3 } });

    const del = await conflictOf(plan.deleteGoal(db, maya, g.id, 2));
    expect(del.message).toBe("Eli Employee changed this goal meanwhile. Look at it again before deleting.");
  });

  it("says it was the viewer, in another tab or window, when it was", async () => {
    const g = await plan.createGoal(db, eli, eli.personId, goalInput("Two tabs"));
    await plan.updateGoal(db, eli, g.id, { version: g.version, title: "From tab one" });
    const err = await conflictOf(plan.updateGoal(db, eli, g.id, { version: g.version, title: "From tab two" }));
    expect(err.message).toBe("You changed this goal in another tab or window meanwhile. The current version is shown; your changes are still in the form.");
    expect(err.extra).toMatchObject({ savedBy: { you: true } });
  });

  it("stays unnamed when nobody knows who saved last", async () => {
    const g = await plan.createGoal(db, eli, eli.personId, goalInput("Unknown saver"));
    await db.update(stretchGoals).set({ version: 2, updatedBy: null }).where(eq(stretchGoals.id, g.id));
    const err = await conflictOf(plan.updateGoal(db, maya, g.id, { version: 1, title: "Maya's title" }));
    expect(err.message).toMatch(/^This goal was changed meanwhile, in another window or by someone else\./);
    expect(err.extra).toMatchObject({ savedBy: { you: false, name: null } });
  });
});

describe("every other plan item", () => {
  it("learning, connections, skills and wins name who saved first", async () => {
    const l = await plan.createLearning(db, eli, eli.personId, { kind: "book", title: "Team Topologies", status: "planned", takeaways: "" });
    await plan.updateLearning(db, maya, l.id, { version: l.version, title: "Team Topologies, 2nd ed." });
    const le = await conflictOf(plan.updateLearning(db, eli, l.id, { version: l.version, takeaways: "Stream-aligned teams" }));
    expect(le.message).toBe("Maya Manager changed this item meanwhile. The current version is shown; your changes are still in the form.");
    expect(le.extra).toMatchObject({ savedBy: { you: false, name: "Maya Manager" } });

    const c = await plan.createConnection(db, maya, eli.personId, { kind: "mentor", name: "Sam Outside", purpose: "Architecture" });
    await plan.updateConnection(db, eli, c.id, { version: c.version, purpose: "Architecture reviews" });
    const ce = await conflictOf(plan.updateConnection(db, maya, c.id, { version: c.version, purpose: "Design" }));
    expect(ce.message).toBe("Eli Employee changed this connection meanwhile. The current version is shown.");
    const cd = await conflictOf(plan.deleteConnection(db, maya, c.id, c.version));
    expect(cd.extra).toMatchObject({ savedBy: { you: false, name: "Eli Employee" } });

    const s = await plan.createSkill(db, eli, eli.personId, { name: "Kotlin", status: "unused" });
    await plan.updateSkill(db, maya, s.id, { version: s.version, status: "want_to_build" });
    const se = await conflictOf(plan.updateSkill(db, eli, s.id, { version: s.version, status: "used" }));
    expect(se.message).toBe("Maya Manager changed “Kotlin” meanwhile. It now shows the current state.");

    const w = await plan.createWin(db, eli, eli.personId, { title: "Shipped the pilot", description: "", occurredOn: new Date().toISOString().slice(0, 10), linksPurpose: true });
    await plan.updateWin(db, maya, w.id, { version: w.version, description: "Two teams on it" });
    const we = await conflictOf(plan.updateWin(db, eli, w.id, { version: w.version, title: "Shipped the pilot!" }));
    expect(we.message).toBe("Maya Manager changed this win meanwhile. The current version is shown.");
    expect(we.extra).toMatchObject({ savedBy: { you: false, name: "Maya Manager" } });
  });

  it("the purpose names who saved the newer version", async () => {
    const now = await plan.getPurpose(db, eli, eli.personId);
    const base = now.current?.version ?? 0;
    await plan.savePurpose(db, maya, eli.personId, { drewMe: "Maya: the craft", impact: "", worthEffort: "", version: base });
    const err = await conflictOf(plan.savePurpose(db, eli, eli.personId, { drewMe: "Eli: the people", impact: "", worthEffort: "", version: base }));
    expect(err.message).toBe("Maya Manager saved a newer version of this purpose while you were editing. Their version is shown below; your text is still in the form.");
    expect(err.extra).toMatchObject({ savedBy: { you: false, name: "Maya Manager" } });
    const mine = await conflictOf(plan.savePurpose(db, maya, eli.personId, { drewMe: "Maya again", impact: "", worthEffort: "", version: base }));
    expect(mine.message).toMatch(/^You saved a newer version of this purpose in another tab or window\. That version is shown below/);
  });
});
