import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { meetings, memberships, notes, stuckSignals } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer-type";
import { addActionItem, updateActionItem } from "@/lib/meetings/action-items";
import { addAgendaItem } from "@/lib/meetings/agenda";
import { getMeetingDetail } from "@/lib/meetings/detail";
import { createNote, getNote, updateNote } from "@/lib/meetings/notes";
import { prepBrief } from "@/lib/meetings/prep";
import { changeMeeting, listMeetings, scheduleMeeting } from "@/lib/meetings/schedule";
import { loadMeeting } from "@/lib/meetings/access";
import { pulseTrend, submitPulse } from "@/lib/pulse/checkins";
import { acknowledgeSignal, getSignal, listVisibleSignals, raiseSignal, withdrawSignal } from "@/lib/stuck/signals";
import { nextStepsFor } from "@/lib/stuck/next-steps";
import { setupTestDb, teardownTestDb } from "../helpers/db";
import { versionOf } from "../helpers/versions";
import { viewerFor } from "../helpers/viewers";

let db: Db;
const v: Record<string, Viewer> = {};
let eliMeeting: string; // Eli's latest held meeting with Maya (has Maya's private note)
let eliNext: string; // Eli's next scheduled 1:1 with Maya
let privateNoteId: string;
let privateText: string;

beforeAll(async () => {
  db = await setupTestDb({ demo: true });
  for (const [k, email] of Object.entries({
    self: "eli@acme.example",
    manager: "maya@acme.example",
    skip: "dana@acme.example",
    peer: "fatima@acme.example",
    otherManager: "omar@acme.example",
    admin: "ada@acme.example",
    otherOrg: "gina@globex.example",
    gus: "gus@acme.example",
  })) v[k] = await viewerFor(db, email);
  const [m] = await db
    .select()
    .from(meetings)
    .where(and(eq(meetings.reportId, v.self!.personId), eq(meetings.status, "held")))
    .orderBy(desc(meetings.scheduledAt))
    .limit(1);
  eliMeeting = m!.id;
  // Items go on a scheduled 1:1 (a held one is a record: assertTakesOpenItems).
  const [next] = await db.select().from(meetings).where(and(eq(meetings.reportId, v.self!.personId), eq(meetings.status, "scheduled")));
  eliNext = next!.id;
  const [n] = await db.select().from(notes).where(and(eq(notes.meetingId, eliMeeting), eq(notes.visibility, "private")));
  privateNoteId = n!.id;
  privateText = n!.body;
});
afterAll(teardownTestDb);

const outsiders = ["skip", "peer", "otherManager", "admin", "otherOrg"] as const;

describe("1:1 meetings: participants only", () => {
  it("self and manager read and write; everyone else gets 404", async () => {
    const eli = v.self!.personId;
    for (const who of ["self", "manager"] as const) {
      const d = await getMeetingDetail(db, v[who]!, eliMeeting);
      expect(d.id).toBe(eliMeeting);
      expect((await listMeetings(db, v[who]!, eli)).total).toBeGreaterThan(0);
      await addAgendaItem(db, v[who]!, eliNext, { body: `point by ${who}` });
    }
    for (const who of outsiders) {
      await expect(getMeetingDetail(db, v[who]!, eliMeeting)).rejects.toMatchObject({ status: 404 });
      await expect(listMeetings(db, v[who]!, eli)).rejects.toMatchObject({ status: 404 });
      await expect(addAgendaItem(db, v[who]!, eliNext, { body: "x" })).rejects.toMatchObject({ status: 404 });
      await expect(addActionItem(db, v[who]!, eliNext, { body: "x", ownerId: eli })).rejects.toMatchObject({ status: 404 });
      await expect(scheduleMeeting(db, v[who]!, eli, { scheduledAt: new Date() })).rejects.toMatchObject({ status: 404 });
    }
  });

  it("either participant ticks off an action item; the owner must be one of the two", async () => {
    const eli = v.self!.personId;
    const item = await addActionItem(db, v.manager!, eliNext, { body: "Book the rotation chat", ownerId: eli });
    const done = await updateActionItem(db, v.self!, item.id, { done: true, version: item.version });
    expect(done.doneAt).not.toBeNull();
    await expect(addActionItem(db, v.manager!, eliNext, { body: "x", ownerId: v.peer!.personId })).rejects.toMatchObject({ status: 422, fields: { ownerId: ["Choose either person in this 1:1."] } });
    await expect(updateActionItem(db, v.admin!, item.id, { done: false, version: done.version })).rejects.toMatchObject({ status: 404 });
  });
});

describe("private notes: the author alone", () => {
  it("the author sees it; the employee, skip-level, admin, peer and other org never load it", async () => {
    const mine = await getMeetingDetail(db, v.manager!, eliMeeting);
    expect(mine.notes.some((n) => n.id === privateNoteId && n.body === privateText)).toBe(true);
    expect((await getNote(db, v.manager!, privateNoteId)).body).toBe(privateText);

    const eliView = await getMeetingDetail(db, v.self!, eliMeeting);
    expect(eliView.notes.every((n) => n.visibility === "shared")).toBe(true);
    expect(JSON.stringify(eliView)).not.toContain(privateText);
    await expect(getNote(db, v.self!, privateNoteId)).rejects.toMatchObject({ status: 404 });
    await expect(updateNote(db, v.self!, privateNoteId, { body: "x", version: 1 })).rejects.toMatchObject({ status: 404 });
    for (const who of outsiders) {
      await expect(getNote(db, v[who]!, privateNoteId)).rejects.toMatchObject({ status: 404 });
      await expect(updateNote(db, v[who]!, privateNoteId, { body: "x", version: 1 })).rejects.toMatchObject({ status: 404 });
    }
  });

  it("the prep brief shows the pulse to participants only", async () => {
    const access = (await getMeetingDetail(db, v.manager!, eliMeeting)).access;
    const brief = await prepBrief(db, v.manager!, access);
    expect(brief.pulse?.points.length).toBeGreaterThan(0);
    expect(brief.flags.map((f) => f.code)).toContain("role_stale");
  });
});

describe("pulse", () => {
  it("self writes, manager reads, others see nothing", async () => {
    const eli = v.self!.personId;
    await submitPulse(db, v.self!, eli, { motivation: 2, skillsUsed: 2, variety: 1, purpose: 2, initiative: 2 }, new Date("2030-01-07T10:00:00Z"));
    expect((await pulseTrend(db, v.manager!, eli)).length).toBeGreaterThan(0);
    await expect(submitPulse(db, v.manager!, eli, { motivation: 2, skillsUsed: 2, variety: 1, purpose: 2, initiative: 2 })).rejects.toMatchObject({ status: 403 });
    for (const who of outsiders) await expect(pulseTrend(db, v[who]!, eli)).rejects.toMatchObject({ status: 404 });
  });
});

describe("I feel stuck", () => {
  it("Gus's manager-only signal: Maya sees and acknowledges; skip-level, admin, peer, other org see nothing", async () => {
    const [s] = await db.select().from(stuckSignals).where(and(eq(stuckSignals.personId, v.gus!.personId), eq(stuckSignals.status, "open")));
    const id = s!.id;
    expect((await listVisibleSignals(db, v.manager!)).map((x) => x.id)).toContain(id);
    expect((await getSignal(db, v.gus!, id)).status).toBe("open");
    await expect(acknowledgeSignal(db, v.gus!, id, { nextStep: "x" })).rejects.toMatchObject({ status: 403 });
    for (const who of ["skip", "admin", "peer", "otherOrg", "self"] as const) {
      expect((await listVisibleSignals(db, v[who]!)).map((x) => x.id)).not.toContain(id);
      await expect(getSignal(db, v[who]!, id)).rejects.toMatchObject({ status: 404 });
      await expect(acknowledgeSignal(db, v[who]!, id, { nextStep: "x" })).rejects.toMatchObject({ status: 404 });
    }
    const ack = await acknowledgeSignal(db, v.manager!, id, { nextStep: "Talk in next 1:1" });
    expect(ack).toMatchObject({ status: "acknowledged", nextStep: "Talk in next 1:1", acknowledgedByName: "Maya Manager" });
  });

  it("skip-level and HR see a signal only when the employee included them", async () => {
    const sig = await raiseSignal(db, v.self!, { message: "Same work for two years", includeSkipLevel: true, includeHr: false });
    expect((await listVisibleSignals(db, v.skip!)).map((x) => x.id)).toContain(sig.id);
    expect((await listVisibleSignals(db, v.admin!)).map((x) => x.id)).not.toContain(sig.id);
    await expect(getSignal(db, v.admin!, sig.id)).rejects.toMatchObject({ status: 404 });
    await expect(raiseSignal(db, v.self!, { message: "again", includeSkipLevel: false, includeHr: false })).rejects.toMatchObject({ status: 400 });
    await expect(withdrawSignal(db, v.manager!, sig.id)).rejects.toMatchObject({ status: 403 });
    expect((await withdrawSignal(db, v.self!, sig.id)).status).toBe("withdrawn");
    const hr = await raiseSignal(db, v.self!, { message: "", includeSkipLevel: false, includeHr: true });
    expect((await listVisibleSignals(db, v.admin!)).map((x) => x.id)).toContain(hr.id);
    expect((await listVisibleSignals(db, v.skip!)).map((x) => x.id)).not.toContain(hr.id);
    expect((await acknowledgeSignal(db, v.admin!, hr.id, { nextStep: "Explore a rotation" })).status).toBe("acknowledged");
  });

  it("a second recipient's acknowledgement does not replace the next step the employee was given", async () => {
    const sig = await raiseSignal(db, v.self!, { message: "Bored of the same tickets", includeSkipLevel: true, includeHr: true });
    await acknowledgeSignal(db, v.admin!, sig.id, { nextStep: "Explore a rotation" });
    // Maya's and Dana's /signals pages still showed it as open.
    for (const who of ["manager", "skip"] as const) {
      await expect(acknowledgeSignal(db, v[who]!, sig.id, { nextStep: who === "manager" ? "Talk in our next 1:1" : "Meet to talk it through" })).rejects.toMatchObject({
        status: 409,
        message: expect.stringContaining("Explore a rotation"),
      });
    }
    expect(await getSignal(db, v.self!, sig.id)).toMatchObject({ status: "acknowledged", nextStep: "Explore a rotation", acknowledgedByName: "Ada Admin" });
    // Nor does an acknowledgement revive a withdrawn signal.
    await withdrawSignal(db, v.self!, sig.id);
    // A conflict, saying so: the page behind still showed it open (its form then offers it under Earlier).
    await expect(acknowledgeSignal(db, v.manager!, sig.id, { nextStep: "Talk in our next 1:1" })).rejects.toMatchObject({
      status: 409,
      message: expect.stringContaining("withdrew this signal meanwhile"),
      extra: { current: { status: "withdrawn", message: "" } },
    });
    expect((await getSignal(db, v.self!, sig.id)).status).toBe("withdrawn");
  });
});

describe("the next step a recipient offers", () => {
  it("says why each recipient sees the signal, and only the manager may offer “our next 1:1”", async () => {
    const sig = await raiseSignal(db, v.self!, { message: "Nothing new in months", includeSkipLevel: true, includeHr: true });
    const viaFor = async (who: "self" | "manager" | "skip" | "admin") => (await listVisibleSignals(db, v[who]!)).find((x) => x.id === sig.id)?.via;
    expect([await viaFor("self"), await viaFor("manager"), await viaFor("skip"), await viaFor("admin")]).toEqual(["self", "manager", "skip_level", "hr"]);
    expect(nextStepsFor("manager")[0]).toBe("Talk in our next 1:1");
    expect(nextStepsFor("skip_level")[0]).toBe("Meet to talk it through");
    expect(nextStepsFor("hr")).not.toContain("Talk in our next 1:1");
    // A skip-level and an admin have no 1:1s with the person: refused at that choice, and the signal stays open.
    for (const who of ["skip", "admin"] as const) {
      await expect(acknowledgeSignal(db, v[who]!, sig.id, { nextStep: "Talk in our next 1:1" })).rejects.toMatchObject({
        status: 422,
        fields: { choice: [expect.stringContaining("Meet to talk it through")] },
      });
    }
    expect((await getSignal(db, v.self!, sig.id)).status).toBe("open");
    expect(await acknowledgeSignal(db, v.skip!, sig.id, { nextStep: "Meet to talk it through" })).toMatchObject({ status: "acknowledged", nextStep: "Meet to talk it through" });
    await withdrawSignal(db, v.self!, sig.id);
  });
});

describe("after a real manager change", () => {
  it("the former manager loses the meetings and his own old private notes; the new manager gets the person, not the old conversation", async () => {
    const eli = v.self!.personId;
    await db.update(memberships).set({ managerId: v.otherManager!.personId }).where(eq(memberships.id, eli));
    const former = v.manager!;
    await expect(getMeetingDetail(db, former, eliMeeting)).rejects.toMatchObject({ status: 404 });
    await expect(getNote(db, former, privateNoteId)).rejects.toMatchObject({ status: 404 });
    await expect(updateNote(db, former, privateNoteId, { body: "x", version: 1 })).rejects.toMatchObject({ status: 404 });
    await expect(listMeetings(db, former, eli)).rejects.toMatchObject({ status: 404 });
    await expect(pulseTrend(db, former, eli)).rejects.toMatchObject({ status: 404 });
    await expect(createNote(db, former, eliMeeting, { visibility: "private", body: "x" })).rejects.toMatchObject({ status: 404 });

    const omar = v.otherManager!;
    await expect(getMeetingDetail(db, omar, eliMeeting)).rejects.toMatchObject({ status: 404 });
    await expect(getNote(db, omar, privateNoteId)).rejects.toMatchObject({ status: 404 });
    const list = await listMeetings(db, omar, eli);
    expect(list.items).toEqual([]);
    expect((await pulseTrend(db, omar, eli)).length).toBeGreaterThan(0);
    const fresh = await scheduleMeeting(db, omar, eli, { scheduledAt: new Date(Date.now() + 86_400_000) });
    // Open items of the old pair are not carried into the new manager's conversation.
    const d = await getMeetingDetail(db, omar, fresh.id);
    expect(d.agenda).toEqual([]);
    expect(d.actionItems).toEqual([]);
    // The employee still sees his own past meeting, never the private note.
    const eliView = await getMeetingDetail(db, v.self!, eliMeeting);
    expect(JSON.stringify(eliView)).not.toContain(privateText);
    // A 1:1 still scheduled with Maya stays as it was: holding it would sweep its open items into a new 1:1 with
    // her, rescheduling would revive it; neither happens, and no 1:1 with Maya appears.
    expect((await loadMeeting(db, v.self!, eliNext, "read")).withFormerManager).toBe(true);
    const withMayaBefore = await db.select({ id: meetings.id }).from(meetings).where(and(eq(meetings.reportId, eli), eq(meetings.managerId, former.personId)));
    await expect(changeMeeting(db, v.self!, eliNext, { kind: "hold" }, { version: await versionOf(db, "meetings", eliNext) })).rejects.toMatchObject({ status: 409 });
    await expect(changeMeeting(db, v.self!, eliNext, { kind: "reschedule", scheduledAt: new Date(Date.now() + 3 * 86_400_000) }, { version: await versionOf(db, "meetings", eliNext) })).rejects.toMatchObject({ status: 409 });
    expect(await db.select({ id: meetings.id }).from(meetings).where(and(eq(meetings.reportId, eli), eq(meetings.managerId, former.personId)))).toHaveLength(withMayaBefore.length);
    expect((await loadMeeting(db, omar, fresh.id, "read")).withFormerManager).toBe(false);
    // ...and his own list keeps it, named as with his former manager, beside the new manager's 1:1 (not named).
    const mine = await listMeetings(db, v.self!, eli);
    const old = mine.items.find((m) => m.id === eliMeeting);
    expect(old?.formerManagerName).toBe(former.name);
    expect(mine.items.find((m) => m.id === fresh.id)?.formerManagerName).toBeNull();
    expect(mine.managerId).toBe(omar.personId);
    // Omar's list of Eli's 1:1s is still his own conversation only.
    expect((await listMeetings(db, omar, eli)).items.map((m) => m.id)).toEqual([fresh.id]);
    // With no manager at all, the employee's history stays listed.
    await db.update(memberships).set({ managerId: null }).where(eq(memberships.id, eli));
    const alone = await listMeetings(db, v.self!, eli);
    expect(alone.managerId).toBeNull();
    expect(alone.items.map((m) => m.id)).toEqual(expect.arrayContaining([eliMeeting, fresh.id]));
    expect(alone.items.every((m) => m.formerManagerName !== null)).toBe(true);
  });
});
