/**
 * A manager change cancels the pair's scheduled 1:1s (they will not take place with someone who is no longer the
 * manager). Undone — the person back with that manager — the ones still to come are scheduled again, with what was
 * on them; a 1:1 either of them had cancelled stays cancelled.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { agendaItems, meetings } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer-type";
import { addAgendaItem } from "@/lib/meetings/agenda";
import { changeMeeting, scheduleMeeting } from "@/lib/meetings/schedule";
import { applyImport } from "@/lib/people/csv-import";
import { changeManager } from "@/lib/people/structure";
import { setupTestDb, teardownTestDb } from "../helpers/db";
import { personId, viewerFor } from "../helpers/viewers";
import { versionOf } from "../helpers/versions";

let db: Db;
let ada: Viewer;
let maya: Viewer;
let omar: string;
let gus: string;
beforeAll(async () => {
  db = await setupTestDb({ demo: true });
  [ada, maya] = await Promise.all([viewerFor(db, "ada@acme.example"), viewerFor(db, "maya@acme.example")]);
  [omar, gus] = await Promise.all([personId(db, "omar@acme.example"), personId(db, "gus@acme.example")]);
});
afterAll(teardownTestDb);

const DAY = 86_400_000;
const statusOf = async (id: string) => (await db.select({ status: meetings.status }).from(meetings).where(eq(meetings.id, id)))[0]!.status;

describe("a manager change undone", () => {
  it("schedules again the 1:1s the change cancelled that are still to come, with their talking points", async () => {
    await db.delete(meetings).where(and(eq(meetings.reportId, gus), eq(meetings.managerId, maya.personId), eq(meetings.status, "scheduled")));
    const now = new Date();
    const next = await scheduleMeeting(db, maya, gus, { scheduledAt: new Date(now.getTime() + 4 * DAY) }, now);
    const later = await scheduleMeeting(db, maya, gus, { scheduledAt: new Date(now.getTime() + 18 * DAY) }, now);
    await addAgendaItem(db, maya, next.id, { body: "The platform rotation" });
    // Maya cancels the later one herself.
    await changeMeeting(db, maya, later.id, { kind: "cancel" }, { now, version: await versionOf(db, "meetings", later.id) });

    await changeManager(db, ada, gus, omar, { managerId: maya.personId });
    expect(await statusOf(next.id)).toBe("cancelled");

    await changeManager(db, ada, gus, maya.personId, { managerId: omar });
    expect(await statusOf(next.id)).toBe("scheduled");
    expect(await statusOf(later.id)).toBe("cancelled");
    const points = await db.select({ body: agendaItems.body }).from(agendaItems).where(eq(agendaItems.meetingId, next.id));
    expect(points.map((p) => p.body)).toEqual(["The platform rotation"]);
    // Back to Omar and on to nobody: cancelled again; never revived with someone else.
    await changeManager(db, ada, gus, omar, { managerId: maya.personId });
    await changeManager(db, ada, gus, null, { managerId: omar });
    expect(await statusOf(next.id)).toBe("cancelled");
    await changeManager(db, ada, gus, maya.personId, { managerId: null });
    expect(await statusOf(next.id)).toBe("scheduled");
  });

  it("the same through a CSV import that puts the line back", async () => {
    const now = new Date();
    const [{ id } = { id: "" }] = await db
      .select({ id: meetings.id })
      .from(meetings)
      .where(and(eq(meetings.reportId, gus), eq(meetings.managerId, maya.personId), eq(meetings.status, "scheduled")));
    expect(id).not.toBe("");
    await changeManager(db, ada, gus, omar, { managerId: maya.personId });
    expect(await statusOf(id)).toBe("cancelled");
    const csv = "email,name,title,team,manager_email\ngus@acme.example,Gus Ortega,Site Reliability Engineer,Platform,maya@acme.example\n";
    await applyImport(db, ada, csv, now);
    expect(await statusOf(id)).toBe("scheduled");
  });
});
