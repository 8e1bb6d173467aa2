/**
 * A rotation is planned until it starts: "active" (or "done") with a start
 * date ahead was accepted, and the radar counted it as under way from the day
 * it was saved (no "no stretch goal or rotation" flag) while the timeline got
 * a rotation_start dated in the future.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { roleEvents } from "@/db/schema";
import { createRotation, updateRotation } from "@/lib/people/rotations";
import { relationTo } from "@/lib/policy";
import { radarForPerson } from "@/lib/radar";
import { setupTestDb, teardownTestDb } from "../helpers/db";
import { personId, viewerFor } from "../helpers/viewers";

let db: Db;
beforeAll(async () => {
  db = await setupTestDb({ demo: true });
});
afterAll(teardownTestDb);

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe("a rotation's status and its start date", () => {
  it("refuses active with a start ahead (mark it planned), counts a planned one nowhere, and counts it once started", async () => {
    const maya = await viewerFor(db, "maya@acme.example");
    const eli = await personId(db, "eli@acme.example");
    const rel = await relationTo(db, maya, eli);
    const radarBefore = await radarForPerson(db, maya, eli, rel);
    expect(radarBefore!.activeRotation).toBeNull();
    const input = { host: "Payments", startOn: day(10), plannedEndOn: day(100), learningGoal: "", today: day(0) };

    await expect(createRotation(db, maya, eli, { ...input, status: "active" })).rejects.toMatchObject({
      status: 422,
      fields: { status: [expect.stringMatching(/^It starts on .+: mark it planned until then\.$/)] },
    });
    await expect(createRotation(db, maya, eli, { ...input, status: "done" })).rejects.toMatchObject({ status: 422, fields: { status: [expect.any(String)] } });

    const planned = await createRotation(db, maya, eli, { ...input, status: "planned" });
    await expect(updateRotation(db, maya, planned.id, { version: planned.version, status: "active", today: day(0) })).rejects.toMatchObject({
      status: 422,
      fields: { status: [expect.stringContaining("mark it planned")] },
    });
    expect((await radarForPerson(db, maya, eli, rel))!.activeRotation).toBeNull();
    const starts = await db.select().from(roleEvents).where(and(eq(roleEvents.orgId, maya.orgId), eq(roleEvents.rotationId, planned.id)));
    expect(starts).toEqual([]);

    // Its day comes (here: the start moved to today), and it is started: the radar and the timeline count it from then.
    const moved = await updateRotation(db, maya, planned.id, { version: planned.version, startOn: day(0), today: day(0) });
    const started = await updateRotation(db, maya, planned.id, { version: moved.version, status: "active", today: day(0) });
    expect(started.status).toBe("active");
    expect((await radarForPerson(db, maya, eli, rel))!.activeRotation).toBe("Payments");

    // Under way, its start cannot move ahead of today.
    await expect(updateRotation(db, maya, planned.id, { version: started.version, startOn: day(7), today: day(0) })).rejects.toMatchObject({
      status: 422,
      fields: { startOn: [expect.stringContaining("under way")] },
    });
  });
});
