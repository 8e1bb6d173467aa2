/**
 * A win links to a rotation that has begun: "From the rotation with Payments" under one only planned claims what has
 * not happened. A win linked to a rotation before it was set back to planned keeps that link when edited.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { rotations } from "@/db/schema";
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

const today = () => new Date().toISOString().slice(0, 10);

async function fieldsOf(p: Promise<unknown>): Promise<Record<string, string[]>> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).status).toBe(422);
  return (err as AppError).fields ?? {};
}

describe("a win's rotation", () => {
  it("must have begun; a started one is fine; an existing link survives the rotation going back to planned", async () => {
    const [planned] = await db
      .insert(rotations)
      .values({ orgId: maya.orgId, personId: eli.personId, host: "Payments", startOn: "2099-01-04", status: "planned", learningGoal: "", createdBy: maya.personId })
      .returning();
    const [active] = await db
      .insert(rotations)
      .values({ orgId: maya.orgId, personId: eli.personId, host: "Search", startOn: "2020-01-06", status: "active", learningGoal: "", createdBy: maya.personId })
      .returning();
    const input = { title: "First week", description: "", occurredOn: today(), linksPurpose: false };
    expect(await fieldsOf(plan.createWin(db, eli, eli.personId, { ...input, rotationId: planned!.id }))).toEqual({
      rotationId: ["The rotation with Payments has not started yet: link the win to it once it has."],
    });
    const win = await plan.createWin(db, eli, eli.personId, { ...input, rotationId: active!.id });
    expect(win).toMatchObject({ rotationId: active!.id, rotationHost: "Search" });
    // Moving an existing win onto the planned one is refused too.
    expect(await fieldsOf(plan.updateWin(db, maya, win.id, { version: win.version, rotationId: planned!.id }))).toHaveProperty("rotationId");

    // Set back to planned (a start recorded by mistake): the win keeps its link through an edit of its title.
    await db.update(rotations).set({ status: "planned" }).where(eq(rotations.id, active!.id));
    const edited = await plan.updateWin(db, eli, win.id, { version: win.version, title: "First week in Search", rotationId: active!.id });
    expect(edited).toMatchObject({ title: "First week in Search", rotationId: active!.id });
  });
});
