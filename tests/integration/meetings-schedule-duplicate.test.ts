/**
 * The same 1:1 is not scheduled twice: the form sent again from a page the
 * Back button brought back, or a retried API call, used to add a second 1:1
 * of the pair at the same time.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { meetings } from "@/db/schema";
import { changeMeeting, scheduleMeeting } from "@/lib/meetings/schedule";
import { versionOf } from "../helpers/versions";
import { setupTestDb, teardownTestDb } from "../helpers/db";
import { personId, viewerFor } from "../helpers/viewers";

let db: Db;
beforeAll(async () => {
  db = await setupTestDb({ demo: true });
});
afterAll(teardownTestDb);

describe("scheduling a 1:1", () => {
  it("at a time the pair already has a 1:1 is refused at the field, even when both requests arrive at once", async () => {
    const maya = await viewerFor(db, "maya@acme.example");
    const fatima = await personId(db, "fatima@acme.example");
    const now = new Date("2026-11-30T12:00:00Z");
    const at = new Date("2026-12-08T10:00:00Z");
    const results = await Promise.allSettled([scheduleMeeting(db, maya, fatima, { scheduledAt: at }, now), scheduleMeeting(db, maya, fatima, { scheduledAt: at }, now)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = (results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason;
    expect(refused).toMatchObject({ status: 409, fields: { scheduledAt: [expect.stringContaining("already scheduled at that time")] } });
    // Seconds apart is the same minute, so the same 1:1.
    await expect(scheduleMeeting(db, maya, fatima, { scheduledAt: new Date(at.getTime() + 20_000) }, now)).rejects.toMatchObject({ status: 409 });
    const pair = and(eq(meetings.managerId, maya.personId), eq(meetings.reportId, fatima), eq(meetings.scheduledAt, at));
    expect(await db.select({ id: meetings.id }).from(meetings).where(pair)).toHaveLength(1);
    // Another time the same day is another 1:1.
    await expect(scheduleMeeting(db, maya, fatima, { scheduledAt: new Date("2026-12-08T15:00:00Z") }, now)).resolves.toMatchObject({ status: "scheduled" });
  });

  it("rescheduled onto a time the pair already has a 1:1 is refused at the field too; onto its own time, it goes through", async () => {
    const maya = await viewerFor(db, "maya@acme.example");
    const fatima = await personId(db, "fatima@acme.example");
    const now = new Date("2026-11-30T12:00:00Z");
    const first = await scheduleMeeting(db, maya, fatima, { scheduledAt: new Date("2026-12-19T09:00:00Z") }, now);
    const second = await scheduleMeeting(db, maya, fatima, { scheduledAt: new Date("2026-12-26T09:00:00Z") }, now);
    const onto = changeMeeting(db, maya, second.id, { kind: "reschedule", scheduledAt: new Date("2026-12-19T09:00:30Z") }, { now, version: await versionOf(db, "meetings", second.id) });
    await expect(onto).rejects.toMatchObject({ status: 409, fields: { scheduledAt: [expect.stringContaining("already scheduled at that time")] }, extra: { meetingId: first.id } });
    const [still] = await db.select({ at: meetings.scheduledAt }).from(meetings).where(eq(meetings.id, second.id));
    expect(still!.at.toISOString()).toBe("2026-12-26T09:00:00.000Z");
    // Moved within its own minute, or elsewhere: not a clash with itself.
    await expect(
      changeMeeting(db, maya, second.id, { kind: "reschedule", scheduledAt: new Date("2026-12-26T09:00:20Z") }, { now, version: await versionOf(db, "meetings", second.id) }),
    ).resolves.toMatchObject({ status: "scheduled" });
  });
});
