import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { and, eq } from "drizzle-orm";
import { auditEvents } from "@/db/schema";
import { relationTo } from "@/lib/policy/relation";
import { radarForPerson } from "@/lib/radar";
import { deleteRoleEvent, listRoleEvents } from "@/lib/people/role-events";
import { createRotation, listRotations, updateRotation } from "@/lib/people/rotations";
import { setupTestDb, teardownTestDb } from "../helpers/db";
import { personId, viewerFor } from "../helpers/viewers";

let db: Db;
beforeAll(async () => {
  db = await setupTestDb({ demo: true });
});
afterAll(teardownTestDb);

describe("editing a rotation", () => {
  it("changes host, dates and goal; refuses an end before the start; a stale version is a 409 carrying the current data", async () => {
    const maya = await viewerFor(db, "maya@acme.example");
    const fatima = await personId(db, "fatima@acme.example");
    const [r] = await listRotations(db, maya, fatima);
    expect(r!.status).toBe("active");

    await expect(updateRotation(db, maya, r!.id, { version: r!.version, plannedEndOn: "2000-01-01" })).rejects.toMatchObject({
      status: 422,
      fields: { plannedEndOn: ["The planned end is before the start."] },
    });

    const saved = await updateRotation(db, maya, r!.id, { version: r!.version, host: "Data Platform (ingestion)", plannedEndOn: "2099-06-30", learningGoal: "Run an on-call week" });
    expect(saved).toMatchObject({ host: "Data Platform (ingestion)", plannedEndOn: "2099-06-30", learningGoal: "Run an on-call week", startOn: r!.startOn, status: "active", version: r!.version + 1 });

    const stale = updateRotation(db, maya, r!.id, { version: r!.version, host: "Someone else's edit" });
    await expect(stale).rejects.toMatchObject({ status: 409, extra: { current: { host: "Data Platform (ingestion)", version: r!.version + 1 } } });
  });

  it("Fatima herself may not edit her rotation (403), and Omar (not her manager) gets 404", async () => {
    const fatimaV = await viewerFor(db, "fatima@acme.example");
    const fatima = await personId(db, "fatima@acme.example");
    const [r] = await listRotations(db, fatimaV, fatima);
    await expect(updateRotation(db, fatimaV, r!.id, { version: r!.version, host: "x" })).rejects.toMatchObject({ status: 403 });
    await expect(updateRotation(db, await viewerFor(db, "omar@acme.example"), r!.id, { version: r!.version, host: "x" })).rejects.toMatchObject({ status: 404 });
  });

  it("moves its timeline event with a corrected start date, and does not bring back an event deleted from the timeline", async () => {
    const maya = await viewerFor(db, "maya@acme.example");
    const hiro = await personId(db, "hiro@acme.example");
    const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
    const r = await createRotation(db, maya, hiro, { host: "Search relevance", startOn: day(3), plannedEndOn: null, learningGoal: "", status: "active", today: day(0) });
    const startEvent = async () => (await listRoleEvents(db, maya, hiro)).find((e) => e.type === "rotation_start" && e.description.includes("Search relevance"));
    expect(await startEvent()).toMatchObject({ effectiveOn: day(3) });

    // The start was two weeks ago, in fact: the event, and time in role, follow.
    const moved = await updateRotation(db, maya, r.id, { version: r.version, startOn: day(14), today: day(0) });
    const ev = (await startEvent())!;
    expect(ev.effectiveOn).toBe(day(14));
    const radar = await radarForPerson(db, maya, hiro, await relationTo(db, maya, hiro));
    expect(radar!.roleSince).toBe(day(14));
    const [logged] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "role_event.updated"), eq(auditEvents.targetId, ev.id)));
    expect(logged).toBeDefined();

    // Maya deletes the event from the timeline on purpose; editing the rotation's goal does not bring it back.
    await deleteRoleEvent(db, maya, ev.id, ev.version);
    await updateRotation(db, maya, r.id, { version: moved.version, learningGoal: "Ranking experiments" });
    expect(await startEvent()).toBeUndefined();
  });
});
