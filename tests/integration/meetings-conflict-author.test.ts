/**
 * A save that runs into another says who made the other one: the viewer in
 * another tab or window, or the other participant by name. A reschedule that
 * left the check-in answers alone is no conflict at all, and a private note's
 * clash only ever names its author, who is the viewer.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { meetings, notes } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer-type";
import { AppError } from "@/lib/errors";
import { saveCheckIn, type CheckIn } from "@/lib/meetings/checkin";
import { createNote, updateNote } from "@/lib/meetings/notes";
import { changeMeeting } from "@/lib/meetings/schedule";
import { onPostgres, setupTestDb, teardownTestDb } from "../helpers/db";
import { viewerFor } from "../helpers/viewers";

let db: Db;
let maya: Viewer;
let eli: Viewer;
let meetingId: string;

beforeAll(async () => {
  db = await setupTestDb({ demo: true });
  maya = await viewerFor(db, "maya@acme.example");
  eli = await viewerFor(db, "eli@acme.example");
});
afterAll(teardownTestDb);

// A fresh scheduled 1:1 of Maya and Eli for each test, so versions and notes start clean.
beforeEach(async () => {
  const [m] = await db
    .insert(meetings)
    .values({ orgId: maya.orgId, managerId: maya.personId, reportId: eli.personId, scheduledAt: new Date(Date.now() + 3 * 86_400_000) })
    .returning({ id: meetings.id });
  meetingId = m!.id;
});

const answers = (meaningful: string): CheckIn => ({ energy: 3, meaningful, goingThroughMotions: "", learnNext: "" });

async function conflictOf(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).status).toBe(409);
  return err as AppError;
}

describe("the check-in", () => {
  it("names the other participant who saved first", async () => {
    await saveCheckIn(db, maya, meetingId, { ...answers("Maya's answer"), version: 1 });
    const err = await conflictOf(saveCheckIn(db, eli, meetingId, { ...answers("Eli's answer"), version: 1 }));
    expect(err.message).toBe("Maya Manager saved the check-in while you were typing.");
    expect(err.extra).toMatchObject({ savedBy: { you: false, name: "Maya Manager" }, current: { meaningful: "Maya's answer", version: 2 } });
  });

  it("says it was you, in another tab or window, when it was", async () => {
    await saveCheckIn(db, eli, meetingId, { ...answers("From the laptop"), version: 1 });
    const err = await conflictOf(saveCheckIn(db, eli, meetingId, { ...answers("From the phone"), version: 1 }));
    expect(err.message).toBe("You saved the check-in in another tab or window while you were typing here.");
    expect(err.extra?.savedBy).toEqual({ you: true });
  });

  it("saves over a reschedule that left the answers alone: nothing to merge", async () => {
    await saveCheckIn(db, eli, meetingId, { ...answers("First thoughts"), version: 1 });
    await changeMeeting(db, maya, meetingId, { kind: "reschedule", scheduledAt: new Date(Date.now() + 5 * 86_400_000) }, { version: 2 });
    const saved = await saveCheckIn(db, eli, meetingId, { ...answers("Second thoughts"), version: 2 });
    expect(saved).toMatchObject({ meaningful: "Second thoughts", version: 4 });
    // A save after the reschedule still counts: Maya's answer is not overwritten silently.
    await saveCheckIn(db, maya, meetingId, { ...answers("Maya after the move"), version: 4 });
    await changeMeeting(db, maya, meetingId, { kind: "reschedule", scheduledAt: new Date(Date.now() + 6 * 86_400_000) }, { version: 5 });
    const err = await conflictOf(saveCheckIn(db, eli, meetingId, { ...answers("Eli, stale"), version: 4 }));
    expect(err.message).toBe("Maya Manager saved the check-in while you were typing.");
  });

  it("refuses a version the 1:1 has never had, instead of saving over whatever is there", async () => {
    await saveCheckIn(db, maya, meetingId, { ...answers("Maya's answer"), version: 1 });
    const err = await conflictOf(saveCheckIn(db, eli, meetingId, { ...answers("Eli, claiming a future version"), version: 99 }));
    expect(err.message).toBe("The check-in was not saved: that is not a version this 1:1 has had. Reload the page and try again.");
    expect(err.extra).toMatchObject({ current: { meaningful: "Maya's answer", version: 2 } });
  });

  it("names nobody for a check-in whose saver is unknown (saved before saves were attributed)", async () => {
    await db.update(meetings).set({ meaningful: "Old answer", version: 2, checkInVersion: 2 }).where(and(eq(meetings.id, meetingId), eq(meetings.orgId, maya.orgId)));
    const err = await conflictOf(saveCheckIn(db, eli, meetingId, { ...answers("New"), version: 1 }));
    expect(err.message).toBe("The check-in was saved elsewhere while you were typing.");
    expect(err.extra?.savedBy).toEqual({ you: false, name: null });
  });
});

describe("notes", () => {
  it("a shared note names the other participant, or says it was you", async () => {
    const n = await createNote(db, maya, meetingId, { visibility: "shared", body: "v1" });
    await updateNote(db, maya, n.id, { body: "Maya's v2", version: 1 });
    const byOther = await conflictOf(updateNote(db, eli, n.id, { body: "Eli's v2", version: 1 }));
    expect(byOther.message).toBe("Maya Manager saved this note while you were typing.");
    expect(byOther.extra).toMatchObject({ savedBy: { you: false, name: "Maya Manager" }, current: { body: "Maya's v2" } });

    const bySelf = await conflictOf(updateNote(db, maya, n.id, { body: "Maya's other tab", version: 1 }));
    expect(bySelf.message).toBe("You saved this note in another tab or window while you were typing here.");
    expect(bySelf.extra?.savedBy).toEqual({ you: true });
  });

  it("a first save that finds the note already started says who started it", async () => {
    await createNote(db, eli, meetingId, { visibility: "shared", body: "Eli started", onlyIfNone: true });
    const err = await conflictOf(createNote(db, maya, meetingId, { visibility: "shared", body: "Maya too", onlyIfNone: true }));
    expect(err.message).toBe("Eli Employee saved this note while you were typing.");
    const again = await conflictOf(createNote(db, eli, meetingId, { visibility: "shared", body: "Eli's other tab", onlyIfNone: true }));
    expect(again.extra?.savedBy).toEqual({ you: true });
  });

  it("a private note's clash is always its author's own other tab, and names no one else", async () => {
    const n = await createNote(db, maya, meetingId, { visibility: "private", body: "Private v1" });
    await updateNote(db, maya, n.id, { body: "Private v2", version: 1 });
    const err = await conflictOf(updateNote(db, maya, n.id, { body: "Private, stale", version: 1 }));
    expect(err.message).toBe("You saved this note in another tab or window while you were typing here.");
    expect(err.extra?.savedBy).toEqual({ you: true });
    const first = await conflictOf(createNote(db, maya, meetingId, { visibility: "private", body: "Second tab", onlyIfNone: true }));
    expect(first.extra?.savedBy).toEqual({ you: true });
    // Eli's own private note is his alone: Maya's existing one is no clash for him.
    expect((await createNote(db, eli, meetingId, { visibility: "private", body: "Eli's private", onlyIfNone: true })).body).toBe("Eli's private");
    const [row] = await db.select({ updatedBy: notes.updatedBy }).from(notes).where(eq(notes.id, n.id));
    expect(row!.updatedBy).toBe(maya.personId);
  });
});

describe("reschedule, Mark held and cancel", () => {
  it("go through from a page loaded before the other person saved the check-in: answers are no reason to refuse them", async () => {
    // Maya's page shows version 1; Eli then answers the check-in (version 2).
    await saveCheckIn(db, eli, meetingId, { ...answers("Eli's answer"), version: 1 });
    const moved = await changeMeeting(db, maya, meetingId, { kind: "reschedule", scheduledAt: new Date(Date.now() + 4 * 86_400_000) }, { version: 1 });
    expect(moved.version).toBe(3);
    // Eli, on a page from before the reschedule, answers again (the check-in's own rule: nothing to merge) ...
    await saveCheckIn(db, eli, meetingId, { ...answers("Eli, later"), version: 2 });
    // ... and Maya marks it held from the page the reschedule left her with.
    const held = await changeMeeting(db, maya, meetingId, { kind: "hold" }, { version: 3 });
    expect(held.status).toBe("held");
    const [row] = await db.select().from(meetings).where(eq(meetings.id, meetingId));
    expect(row).toMatchObject({ status: "held", meaningful: "Eli, later" });
  });

  it("are refused from a page loaded before another reschedule, hold or cancel, saying so", async () => {
    await changeMeeting(db, maya, meetingId, { kind: "reschedule", scheduledAt: new Date(Date.now() + 4 * 86_400_000) }, { version: 1 });
    const err = await conflictOf(changeMeeting(db, eli, meetingId, { kind: "cancel" }, { version: 1 }));
    expect(err.message).toMatch(/rescheduled, held or cancelled meanwhile/);
    expect(err.extra).toMatchObject({ current: { id: meetingId, status: "scheduled", version: 2 } });
    // A version the meeting never had is no precondition either.
    await conflictOf(changeMeeting(db, eli, meetingId, { kind: "cancel" }, { version: 99 }));
    const [row] = await db.select().from(meetings).where(eq(meetings.id, meetingId));
    expect(row!.status).toBe("scheduled");
  });

  it.runIf(onPostgres)("from the same page at once: Mark held and Cancel cannot both win", async () => {
    const outcomes = await Promise.allSettled([
      changeMeeting(db, maya, meetingId, { kind: "hold" }, { version: 1 }),
      changeMeeting(db, eli, meetingId, { kind: "cancel" }, { version: 1 }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === "rejected").map((o) => ((o as PromiseRejectedResult).reason as AppError).status)).toEqual([409]);
  });
});
