/**
 * A manager change cancels the 1:1s still to come with the former manager, and what the employee had put on their
 * agenda stays with them. The employee, and only they, may bring their own open talking points to their next 1:1
 * with their manager now.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { agendaItems, meetings } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer-type";
import { loadMeeting } from "@/lib/meetings/access";
import { addAgendaItem } from "@/lib/meetings/agenda";
import { bringTalkingPointsAlong, strandedTalkingPoints } from "@/lib/meetings/bring-along";
import { createNote } from "@/lib/meetings/notes";
import { scheduleMeeting } from "@/lib/meetings/schedule";
import { changeManager } from "@/lib/people/structure";
import { setupTestDb, teardownTestDb } from "../helpers/db";
import { viewerFor } from "../helpers/viewers";

let db: Db;
let ada: Viewer;
let maya: Viewer;
let omar: Viewer;
let ines: Viewer;
beforeAll(async () => {
  db = await setupTestDb({ demo: true });
  [ada, maya, omar, ines] = await Promise.all(["ada", "maya", "omar", "ines"].map((n) => viewerFor(db, `${n}@acme.example`)) as [Promise<Viewer>, Promise<Viewer>, Promise<Viewer>, Promise<Viewer>]);
});
afterAll(teardownTestDb);

const DAY = 86_400_000;
const bodiesOn = async (meetingId: string) =>
  (await db.select({ body: agendaItems.body, authorId: agendaItems.authorId }).from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).orderBy(agendaItems.position));

describe("talking points after a manager change", () => {
  let old: string;
  it("are the employee's to bring to the new manager: only their own open ones, once, and the old 1:1 keeps them", async () => {
    // Ines and Maya have one 1:1 to come; Omar and Ines none yet.
    await db.delete(meetings).where(and(eq(meetings.reportId, ines.personId), eq(meetings.status, "scheduled")));
    const now = new Date();
    old = (await scheduleMeeting(db, maya, ines.personId, { scheduledAt: new Date(now.getTime() + 3 * DAY) }, now)).id;
    await addAgendaItem(db, ines, old, { body: "Lead the design review next month" });
    await addAgendaItem(db, maya, old, { body: "Maya's own point about the reorg" });
    const ticked = await addAgendaItem(db, ines, old, { body: "Already settled" });
    await db.update(agendaItems).set({ done: true }).where(eq(agendaItems.id, ticked.id));

    await changeManager(db, ada, ines.personId, omar.personId, { managerId: maya.personId });

    const access = await loadMeeting(db, ines, old, "read");
    expect(access.withFormerManager).toBe(true);
    const stranded = await strandedTalkingPoints(db, ines, access);
    expect(stranded).toMatchObject({ pending: ["Lead the design review next month"], currentManager: { id: omar.personId, name: "Omar Manager" }, next: null });

    const first = await bringTalkingPointsAlong(db, ines, old, now);
    expect(first).toMatchObject({ added: 1, alreadyThere: 0, managerName: "Omar Manager" });
    const [target] = await db.select().from(meetings).where(eq(meetings.id, first.meetingId));
    expect(target).toMatchObject({ managerId: omar.personId, reportId: ines.personId, status: "scheduled" });
    expect(await bodiesOn(first.meetingId)).toEqual([{ body: "Lead the design review next month", authorId: ines.personId }]);
    // The old 1:1 is kept as it was.
    expect((await bodiesOn(old)).map((b) => b.body)).toEqual(["Lead the design review next month", "Maya's own point about the reorg", "Already settled"]);

    // Asked again (a second tab, a double click): nothing is added twice, and the page no longer offers it.
    expect(await bringTalkingPointsAlong(db, ines, old, now)).toMatchObject({ added: 0, alreadyThere: 1, meetingId: first.meetingId });
    expect(await bodiesOn(first.meetingId)).toHaveLength(1);
    expect(await strandedTalkingPoints(db, ines, access)).toMatchObject({ pending: [], next: { id: first.meetingId } });

    // Added next to what Omar already put there, at the end.
    await addAgendaItem(db, omar, first.meetingId, { body: "Welcome to the team" });
    await addAgendaItem(db, ines, first.meetingId, { body: "Onboarding buddy" });
    expect((await bodiesOn(first.meetingId)).map((b) => b.body)).toEqual(["Lead the design review next month", "Welcome to the team", "Onboarding buddy"]);
  });

  it("leaves the shared note of the old 1:1 as it was: the former manager no longer sees it; her private note stays hers to write", async () => {
    await expect(createNote(db, ines, old, { visibility: "shared", body: "Written after the move" })).rejects.toMatchObject({ status: 409, message: expect.stringMatching(/^Maya Manager is no longer your manager/) });
    await expect(createNote(db, ines, old, { visibility: "private", body: "What I make of it now" })).resolves.toMatchObject({ visibility: "private" });
  });

  it("is nobody else's to do: the former manager cannot open the 1:1, the new one cannot reach it, an admin neither", async () => {
    await expect(bringTalkingPointsAlong(db, maya, old)).rejects.toMatchObject({ status: 404 });
    await expect(bringTalkingPointsAlong(db, omar, old)).rejects.toMatchObject({ status: 404 });
    await expect(bringTalkingPointsAlong(db, ada, old)).rejects.toMatchObject({ status: 404 });
    await expect(bringTalkingPointsAlong(db, await viewerFor(db, "hank@globex.example"), old)).rejects.toMatchObject({ status: 404 });
  });

  it("is refused, with what to do, on a 1:1 with the manager one has now and without a manager", async () => {
    const withOmar = await scheduleMeeting(db, omar, ines.personId, { scheduledAt: new Date(Date.now() + 40 * DAY) });
    await expect(bringTalkingPointsAlong(db, ines, withOmar.id)).rejects.toMatchObject({ status: 409, message: expect.stringMatching(/current manager/) });

    await changeManager(db, ada, ines.personId, null, { managerId: omar.personId });
    const access = await loadMeeting(db, ines, old, "read");
    expect(await strandedTalkingPoints(db, ines, access)).toMatchObject({ currentManager: null, next: null });
    await expect(bringTalkingPointsAlong(db, ines, old)).rejects.toMatchObject({ status: 409, message: expect.stringMatching(/no manager/) });
  });
});
