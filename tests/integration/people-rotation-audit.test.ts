/**
 * A rotation started restarts time in role, as any role change does: "Add role event" was audited and "Plan a
 * rotation" (which writes the same rotation_start event) was not. Its events are audited now, also when deleted.
 */
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { createRotation, deleteRotation, updateRotation } from "@/lib/people/rotations";
import { setupTestDb, teardownTestDb } from "../helpers/db";
import { personId, viewerFor } from "../helpers/viewers";

let db: Db;
beforeAll(async () => {
  db = await setupTestDb({ demo: true });
});
afterAll(teardownTestDb);

const today = new Date().toISOString().slice(0, 10);

describe("the role events a rotation writes", () => {
  it("are audited like any role change: started when saved active, ended when marked done, and deleted with it", async () => {
    const maya = await viewerFor(db, "maya@acme.example");
    const ines = await personId(db, "ines@acme.example");
    const logged = async (action: string) =>
      (
        await db
          .select({ meta: auditEvents.meta })
          .from(auditEvents)
          .where(and(eq(auditEvents.orgId, maya.orgId), eq(auditEvents.action, action), sql`${auditEvents.meta}->>'personId' = ${ines}`))
      ).map((e) => (e.meta as { type: string }).type);
    const r = await createRotation(db, maya, ines, { host: "Payments", startOn: today, plannedEndOn: null, learningGoal: "", status: "active", today });
    expect(await logged("role_event.created")).toEqual(["rotation_start"]);
    const done = await updateRotation(db, maya, r.id, { status: "done", version: r.version, today });
    expect((await logged("role_event.created")).sort()).toEqual(["rotation_end", "rotation_start"]);
    await deleteRotation(db, maya, r.id, done.version);
    expect((await logged("role_event.deleted")).sort()).toEqual(["rotation_end", "rotation_start"]);
  });
});
