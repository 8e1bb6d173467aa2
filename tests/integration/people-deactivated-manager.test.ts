/**
 * A manager deactivated stays on record until an admin reassigns their
 * reports. The directory named them like any manager, and their reports'
 * still-scheduled 1:1s read as ordinary upcoming ones. Now the directory and
 * the 1:1 list and page say the manager is deactivated — read in the same
 * statements, org-scoped — and nothing is cancelled: a reactivation brings
 * everything back as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { countQueries } from "@/db/query-log";
import { getDirectoryEntry, listDirectory } from "@/lib/people/directory";
import { deactivateMember, reactivateMember } from "@/lib/people/structure";
import { loadMeeting } from "@/lib/meetings/access";
import { listMeetings } from "@/lib/meetings/schedule";
import { loadRadarRows } from "@/lib/radar/query";
import { setupTestDb, teardownTestDb } from "../helpers/db";
import { personId, viewerFor } from "../helpers/viewers";

let db: Db;
beforeAll(async () => {
  db = await setupTestDb({ demo: true });
});
afterAll(teardownTestDb);

describe("a deactivated manager, as their reports' directory entries and 1:1s show them", () => {
  it("is shown as deactivated in the directory and on the scheduled 1:1s, which stay scheduled; reactivated, all reads as before", async () => {
    const ada = await viewerFor(db, "ada@acme.example");
    const eli = await viewerFor(db, "eli@acme.example");
    const fatima = await viewerFor(db, "fatima@acme.example");
    const maya = await personId(db, "maya@acme.example");

    const before = await listMeetings(db, eli, eli.personId);
    const scheduled = before.items.filter((m) => m.status === "scheduled" && m.managerId === maya);
    expect(scheduled.length).toBeGreaterThan(0);
    expect(before.items.every((m) => !m.managerDeactivated)).toBe(true);

    const nextOf = async () => (await loadRadarRows(db, ada.orgId, { kind: "people", ids: [eli.personId] }))[0]!.nextOneOnOne;
    expect(await nextOf()).toEqual(new Date(Math.min(...scheduled.filter((m) => new Date(m.scheduledAt) >= new Date()).map((m) => +new Date(m.scheduledAt)))));

    await deactivateMember(db, ada, maya);
    // The radar (a skip-level's or an admin's team card) no longer gives one of those as Eli's next 1:1.
    expect(await nextOf()).toBeNull();

    // A peer of Eli's (Fatima) sees his entry name Maya as deactivated; so does the admin on his page.
    const dir = await listDirectory(db, fatima, { q: "Eli Employee" });
    expect(dir.items.find((p) => p.id === eli.personId)).toMatchObject({ managerName: "Maya Manager", managerDeactivated: true });
    expect(await getDirectoryEntry(db, ada, eli.personId)).toMatchObject({ managerId: maya, managerDeactivated: true });
    // Someone whose manager is active reads as before.
    expect((await getDirectoryEntry(db, ada, maya)).managerDeactivated).toBe(false);

    // Eli's list: the same 1:1s, still scheduled, each saying its manager is deactivated; in the same number of statements.
    const { result: after, count } = await countQueries(() => listMeetings(db, eli, eli.personId));
    const { count: countBefore } = await countQueries(() => listMeetings(db, eli, eli.personId));
    expect(count).toBe(countBefore);
    const again = after.items.filter((m) => m.managerId === maya && m.status === "scheduled");
    expect(again.map((m) => m.id)).toEqual(scheduled.map((m) => m.id));
    expect(again.every((m) => m.managerDeactivated && m.managerName === "Maya Manager")).toBe(true);
    expect((await loadMeeting(db, eli, scheduled[0]!.id, "read")).managerDeactivated).toBe(true);

    await reactivateMember(db, ada, maya);
    expect(await nextOf()).not.toBeNull();
    const back = await listMeetings(db, eli, eli.personId);
    expect(back.items.filter((m) => m.managerId === maya && m.status === "scheduled").map((m) => m.id)).toEqual(scheduled.map((m) => m.id));
    expect(back.items.every((m) => !m.managerDeactivated)).toBe(true);
    expect((await getDirectoryEntry(db, ada, eli.personId)).managerDeactivated).toBe(false);
    expect((await loadMeeting(db, eli, scheduled[0]!.id, "read")).managerDeactivated).toBe(false);
  });
});
