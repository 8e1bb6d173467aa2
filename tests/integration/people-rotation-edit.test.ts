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

describe("a rotation set back, and when a rotation ended", () => {
  const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

  it("set back to planned, it takes back its start event, and time in role is what it was; reopened, it takes back its end", async () => {
    const maya = await viewerFor(db, "maya@acme.example");
    const gus = await personId(db, "gus@acme.example");
    const roleSince = async () => (await radarForPerson(db, maya, gus, await relationTo(db, maya, gus)))!.roleSince;
    const eventsOf = async (host: string) => (await listRoleEvents(db, maya, gus)).filter((e) => e.description.includes(host)).map((e) => e.type).sort();
    const before = await roleSince();

    const r = await createRotation(db, maya, gus, { host: "Payments", startOn: day(10), plannedEndOn: null, learningGoal: "", status: "active", today: day(0) });
    expect(await roleSince()).toBe(day(10));
    const back = await updateRotation(db, maya, r.id, { version: r.version, status: "planned", startOn: day(-20), today: day(0) });
    expect(await eventsOf("Payments")).toEqual([]);
    expect(await roleSince()).toBe(before);
    const deletions = await db.select({ meta: auditEvents.meta }).from(auditEvents).where(eq(auditEvents.action, "role_event.deleted"));
    expect(deletions.map((d) => d.meta)).toContainEqual({ personId: gus, type: "rotation_start", effectiveOn: day(10) });

    // Started after all, then done, then reopened: the end goes, the start stays.
    const started = await updateRotation(db, maya, back.id, { version: back.version, status: "active", startOn: day(5), today: day(0) });
    const done = await updateRotation(db, maya, started.id, { version: started.version, status: "done", today: day(0) });
    expect(done.endedOn).toBe(day(0));
    expect(await eventsOf("Payments")).toEqual(["rotation_end", "rotation_start"]);
    const reopened = await updateRotation(db, maya, done.id, { version: done.version, status: "active", today: day(0) });
    expect(reopened.endedOn).toBeNull();
    expect(await eventsOf("Payments")).toEqual(["rotation_start"]);
    expect(await roleSince()).toBe(day(5));
  });

  it("ends between its start and the viewer's today, refused at the field otherwise", async () => {
    const maya = await viewerFor(db, "maya@acme.example");
    const ines = await personId(db, "ines@acme.example");
    // Saved done with a planned end still ahead: that end has not happened.
    await expect(createRotation(db, maya, ines, { host: "Billing", startOn: day(60), plannedEndOn: day(-30), learningGoal: "", status: "done", today: day(0) })).rejects.toMatchObject({
      status: 422,
      fields: { plannedEndOn: [expect.stringContaining("ended today or earlier")] },
    });
    const r = await createRotation(db, maya, ines, { host: "Billing", startOn: day(60), plannedEndOn: null, learningGoal: "", status: "active", today: day(0) });
    await expect(updateRotation(db, maya, r.id, { version: r.version, status: "done", endedOn: day(-3), today: day(0) })).rejects.toMatchObject({
      status: 422,
      fields: { endedOn: [expect.stringContaining("ended today or earlier")] },
    });
    await expect(updateRotation(db, maya, r.id, { version: r.version, status: "done", endedOn: day(90), today: day(0) })).rejects.toMatchObject({
      status: 422,
      fields: { endedOn: [expect.stringContaining("cannot end before it started")] },
    });
    // Ended "today" by someone whose today is still yesterday in UTC terms (California in the evening): their day.
    const done = await updateRotation(db, maya, r.id, { version: r.version, status: "done", today: day(1) });
    expect(done.endedOn).toBe(day(1));
    // A start moved past the end is refused at the start.
    await expect(updateRotation(db, maya, r.id, { version: done.version, startOn: day(0), today: day(0) })).rejects.toMatchObject({
      status: 422,
      fields: { startOn: [expect.stringContaining("pick a start no later than that")] },
    });
  });
});
