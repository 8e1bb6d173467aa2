import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { actionItems, agendaItems, meetings } from "@/db/schema";
import { addActionItem, updateActionItem } from "@/lib/meetings/action-items";
import { addAgendaItem, updateAgendaItem } from "@/lib/meetings/agenda";
import { getMeetingDetail } from "@/lib/meetings/detail";
import { changeMeeting, listMeetings, scheduleMeeting } from "@/lib/meetings/schedule";
import { lastAndNext } from "@/lib/meetings/summary";
import { relationTo } from "@/lib/policy/relation";
import { setupTestDb, teardownTestDb } from "../helpers/db";
import { personId, viewerFor } from "../helpers/viewers";
import { versionOf } from "../helpers/versions";

let db: Db;
beforeAll(async () => {
  db = await setupTestDb({ demo: true });
});
afterAll(teardownTestDb);

const DAY = 86_400_000;

async function meetingOf(id: string) {
  const [m] = await db.select().from(meetings).where(eq(meetings.id, id));
  return m!;
}
async function agendaOn(meetingId: string) {
  return db.select().from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).orderBy(agendaItems.position);
}
async function actionsOn(meetingId: string) {
  return db.select().from(actionItems).where(eq(actionItems.meetingId, meetingId));
}

describe("carry-over never drops anything", () => {
  it("a 1:1 marked held after its time, or before it, makes the next one a cadence after its plan, at the same time of day", async () => {
    const maya = await viewerFor(db, "maya@acme.example");
    const gus = await personId(db, "gus@acme.example");
    const pairWhere = and(eq(meetings.managerId, maya.personId), eq(meetings.reportId, gus));
    await db.delete(meetings).where(and(pairWhere, eq(meetings.status, "scheduled")));
    const at11 = new Date("2026-11-30T11:00:00Z");
    const m = await scheduleMeeting(db, maya, gus, { scheduledAt: at11 }, new Date("2026-11-29T09:00:00Z"));
    await addAgendaItem(db, maya, m.id, { body: "Follow up next time" });
    // Marked held at 12:05, an hour after it began: the next 1:1 is 14 days after 11:00, not after 12:05.
    await changeMeeting(db, maya, m.id, { kind: "hold" }, { now: new Date("2026-11-30T12:05:00Z"), version: await versionOf(db, "meetings", m.id) });
    const [next] = await db.select().from(meetings).where(and(pairWhere, eq(meetings.status, "scheduled")));
    expect(next!.scheduledAt.toISOString()).toBe("2026-12-14T11:00:00.000Z");
    // Marked held weeks late (the next cadence date already past): the first such date still ahead, same time.
    await db.delete(meetings).where(eq(meetings.id, next!.id));
    const old = await scheduleMeeting(db, maya, gus, { scheduledAt: new Date("2027-01-04T11:00:00Z") }, new Date("2027-01-01T09:00:00Z"));
    await addAgendaItem(db, maya, old.id, { body: "Still open" });
    await changeMeeting(db, maya, old.id, { kind: "hold" }, { now: new Date("2027-01-25T16:30:00Z"), version: await versionOf(db, "meetings", old.id) });
    const [later] = await db.select().from(meetings).where(and(pairWhere, eq(meetings.status, "scheduled")));
    expect(later!.scheduledAt.toISOString()).toBe("2027-02-01T11:00:00.000Z");
    // Marked held three days early, at 08:14 (QA: the next one was made for 08:14, and every one after it): it took
    // place then, and the next one keeps the planned weekday and hour, a cadence after the plan.
    await db.delete(meetings).where(eq(meetings.id, later!.id));
    const friday = await scheduleMeeting(db, maya, gus, { scheduledAt: new Date("2027-03-05T08:00:00Z") }, new Date("2027-03-01T09:00:00Z"));
    await addAgendaItem(db, maya, friday.id, { body: "Carry me" });
    const early = await changeMeeting(db, maya, friday.id, { kind: "hold" }, { now: new Date("2027-03-02T08:14:00Z"), version: await versionOf(db, "meetings", friday.id) });
    expect(early.scheduledAt).toBe("2027-03-02T08:14:00.000Z");
    const [afterEarly] = await db.select().from(meetings).where(and(pairWhere, eq(meetings.status, "scheduled")));
    expect(afterEarly!.scheduledAt.toISOString()).toBe("2027-03-19T08:00:00.000Z");
    // Cancelled, the one after it keeps that slot too.
    await changeMeeting(db, maya, afterEarly!.id, { kind: "cancel" }, { now: new Date("2027-03-03T10:00:00Z"), version: await versionOf(db, "meetings", afterEarly!.id) });
    const [afterCancel] = await db.select().from(meetings).where(and(pairWhere, eq(meetings.status, "scheduled")));
    expect(afterCancel!.scheduledAt.toISOString()).toBe("2027-04-02T08:00:00.000Z");
  });

  it("moves open items across held, rescheduled and cancelled meetings, keeping their origin", async () => {
    const maya = await viewerFor(db, "maya@acme.example");
    const eliV = await viewerFor(db, "eli@acme.example");
    const eli = await personId(db, "eli@acme.example");
    // Start from a clean slate for the pair: no scheduled meeting, nothing open left behind.
    const pairWhere = and(eq(meetings.managerId, maya.personId), eq(meetings.reportId, eli));
    const pairMeetings = await db.select({ id: meetings.id }).from(meetings).where(pairWhere);
    for (const m of pairMeetings) {
      await db.delete(agendaItems).where(and(eq(agendaItems.meetingId, m.id), eq(agendaItems.done, false)));
      await db.delete(actionItems).where(eq(actionItems.meetingId, m.id));
    }
    await db.delete(meetings).where(and(pairWhere, eq(meetings.status, "scheduled")));

    const now = new Date();
    // Meeting A, tomorrow.
    const a = await scheduleMeeting(db, maya, eli, { scheduledAt: new Date(now.getTime() + DAY) }, now);
    const p1 = await addAgendaItem(db, maya, a.id, { body: "Talk about the build cache" });
    const p2 = await addAgendaItem(db, eliV, a.id, { body: "Conference budget" });
    const done = await addAgendaItem(db, maya, a.id, { body: "Already covered" });
    await updateAgendaItem(db, maya, done.id, { done: true, version: done.version });
    const act = await addActionItem(db, maya, a.id, { body: "Draft the rotation proposal", ownerId: eli, dueOn: "2030-12-01" });
    const finished = await addActionItem(db, eliV, a.id, { body: "Send the slides", ownerId: maya.personId });
    await updateActionItem(db, eliV, finished.id, { done: true, version: finished.version });

    // Rescheduling A keeps everything on A.
    const moved = await changeMeeting(db, maya, a.id, { kind: "reschedule", scheduledAt: new Date(now.getTime() + 2 * DAY) }, { now, version: await versionOf(db, "meetings", a.id) });
    expect(moved.status).toBe("scheduled");
    expect((await agendaOn(a.id)).map((x) => x.body)).toEqual(["Talk about the build cache", "Conference budget", "Already covered"]);
    expect(await actionsOn(a.id)).toHaveLength(2);

    // Holding A (early) with no next meeting: a next one B is created from the cadence (14 days) and open items move there.
    await changeMeeting(db, maya, a.id, { kind: "hold" }, { now, version: await versionOf(db, "meetings", a.id) });
    const scheduled = await db.select().from(meetings).where(and(pairWhere, eq(meetings.status, "scheduled")));
    expect(scheduled).toHaveLength(1);
    const b = scheduled[0]!;
    // A was held before its time, so it took place now; B keeps the pair's rhythm: one cadence after A's plan (in 2 days).
    expect((await meetingOf(a.id)).scheduledAt.getTime()).toBe(now.getTime());
    expect(b.scheduledAt.getTime()).toBe(now.getTime() + 2 * DAY + 14 * DAY);
    const bAgenda = await agendaOn(b.id);
    expect(bAgenda.map((x) => [x.body, x.carriedFromMeetingId])).toEqual([
      ["Talk about the build cache", a.id],
      ["Conference budget", a.id],
    ]);
    expect((await actionsOn(b.id)).map((x) => [x.body, x.carriedFromMeetingId])).toEqual([["Draft the rotation proposal", a.id]]);
    // What was done stays with the meeting it was done in.
    expect((await agendaOn(a.id)).map((x) => x.body)).toEqual(["Already covered"]);
    expect((await actionsOn(a.id)).map((x) => x.id)).toEqual([finished.id]);

    // The list counts what is open on each meeting.
    const listed = await listMeetings(db, maya, eli);
    expect(listed.items.find((m) => m.id === b.id)).toMatchObject({ openAgenda: 2, openActions: 1 });
    expect(listed.items.find((m) => m.id === a.id)).toMatchObject({ openAgenda: 0, openActions: 0 });
    // The page shows where carried items came from.
    const detail = await getMeetingDetail(db, maya, b.id);
    expect(detail.carriedFrom[a.id]).toBe((await meetingOf(a.id)).scheduledAt.toISOString());
    // And the held 1:1 still lists what moved on from it, and where to: for both participants.
    const movedFromA = async (viewer: typeof maya) => {
      const { movedOn } = await getMeetingDetail(db, viewer, a.id);
      return { agenda: movedOn.agenda.map((x) => [x.body, x.meetingId, x.done]), actions: movedOn.actions.map((x) => [x.body, x.meetingId, x.done]) };
    };
    expect(await movedFromA(eliV)).toEqual({
      agenda: [
        ["Talk about the build cache", b.id, false],
        ["Conference budget", b.id, false],
      ],
      actions: [["Draft the rotation proposal", b.id, false]],
    });
    expect(await movedFromA(maya)).toEqual(await movedFromA(eliV));
    expect(detail.movedOn).toEqual({ agenda: [], actions: [] });

    // Scheduling C before B brings what was carried to B to C at once (the next 1:1), still "from A"; cancelling B
    // then moves what was added on B itself.
    const c = await scheduleMeeting(db, maya, eli, { scheduledAt: new Date(now.getTime() + 5 * DAY) }, now);
    expect((await agendaOn(c.id)).map((x) => x.id)).toEqual([p1.id, p2.id]);
    const p3 = await addAgendaItem(db, eliV, b.id, { body: "Added on B" });
    await changeMeeting(db, eliV, b.id, { kind: "cancel" }, { now, version: await versionOf(db, "meetings", b.id) });
    const cAgenda = await agendaOn(c.id);
    expect(cAgenda.map((x) => [x.id, x.carriedFromMeetingId])).toEqual([
      [p1.id, a.id],
      [p2.id, a.id],
      [p3.id, b.id],
    ]);
    expect((await actionsOn(c.id)).map((x) => x.id)).toEqual([act.id]);
    expect(await agendaOn(b.id)).toHaveLength(0);
    // A's list follows its items to C; B, cancelled, lists what left it when it was cancelled.
    expect((await movedFromA(maya)).agenda).toEqual([
      ["Talk about the build cache", c.id, false],
      ["Conference budget", c.id, false],
    ]);
    expect((await getMeetingDetail(db, eliV, b.id)).movedOn.agenda.map((x) => x.id)).toEqual([p3.id]);

    // Cancel C too, with nothing else scheduled: a new meeting D is created; nothing is lost.
    await changeMeeting(db, maya, c.id, { kind: "cancel" }, { now, version: await versionOf(db, "meetings", c.id) });
    const [d] = await db.select().from(meetings).where(and(pairWhere, eq(meetings.status, "scheduled")));
    expect(d).toBeDefined();
    expect((await agendaOn(d!.id)).map((x) => x.id)).toEqual([p1.id, p2.id, p3.id]);
    expect((await actionsOn(d!.id)).map((x) => x.id)).toEqual([act.id]);

    // Items left open on a closed meeting (data from before closed 1:1s refused new items) are pulled in when a new one is scheduled.
    await changeMeeting(db, maya, d!.id, { kind: "cancel" }, { now, version: await versionOf(db, "meetings", d!.id) }); // creates E with everything
    const [e] = await db.select().from(meetings).where(and(pairWhere, eq(meetings.status, "scheduled")));
    await changeMeeting(db, maya, e!.id, { kind: "hold" }, { now, version: await versionOf(db, "meetings", e!.id) }); // creates F
    const [f] = await db.select().from(meetings).where(and(pairWhere, eq(meetings.status, "scheduled")));
    await db.update(meetings).set({ status: "cancelled" }).where(eq(meetings.id, f!.id)); // closed behind our back
    const g = await scheduleMeeting(db, maya, eli, { scheduledAt: new Date(now.getTime() + 30 * DAY) }, now);
    expect((await agendaOn(g.id)).map((x) => x.id)).toEqual([p1.id, p2.id, p3.id]);
    expect((await actionsOn(g.id)).map((x) => x.id)).toEqual([act.id]);
    // And the origin is still the first meeting the items were raised in.
    expect((await agendaOn(g.id)).map((x) => x.carriedFromMeetingId)).toEqual([a.id, a.id, b.id]);
    // Every 1:1 an item left is kept, in order; ticked off later, it reads as done on each of them.
    // (B is not among the first two's: they left it for an earlier 1:1 while it was still to come.)
    expect((await agendaOn(g.id)).map((x) => x.carriedThrough)).toEqual([
      [a.id, c.id, d!.id, e!.id, f!.id],
      [a.id, c.id, d!.id, e!.id, f!.id],
      [b.id, c.id, d!.id, e!.id, f!.id],
    ]);
    const onG = (await agendaOn(g.id))[0]!;
    await updateAgendaItem(db, eliV, onG.id, { done: true, version: onG.version });
    expect((await movedFromA(maya)).agenda).toEqual([
      ["Talk about the build cache", g.id, true],
      ["Conference budget", g.id, false],
    ]);
    await updateAgendaItem(db, eliV, onG.id, { done: false, version: onG.version + 1 }); // open again, as the next test expects
  });

  it("1:1s are scheduled from now on; an overdue 1:1 nobody closed does not swallow carried items; one held early took place now", async () => {
    const maya = await viewerFor(db, "maya@acme.example");
    const hiro = await personId(db, "hiro@acme.example");
    const pairWhere = and(eq(meetings.managerId, maya.personId), eq(meetings.reportId, hiro));
    await db.delete(meetings).where(and(pairWhere, eq(meetings.status, "scheduled")));
    const now = new Date();
    const at = (days: number) => new Date(now.getTime() + days * DAY);

    // The past (beyond today's grace) and the far future are refused with a field error.
    await expect(scheduleMeeting(db, maya, hiro, { scheduledAt: at(-2) }, now)).rejects.toMatchObject({ status: 422, fields: { scheduledAt: [expect.stringMatching(/passed/)] } });
    await expect(scheduleMeeting(db, maya, hiro, { scheduledAt: at(3 * 365) }, now)).rejects.toMatchObject({ status: 422, fields: { scheduledAt: [expect.any(String)] } });
    // Today's meeting moved to an hour that has just gone by is fine.
    const today = await scheduleMeeting(db, maya, hiro, { scheduledAt: new Date(now.getTime() - 3_600_000) }, now);
    await expect(changeMeeting(db, maya, today.id, { kind: "reschedule", scheduledAt: at(-2) }, { now, version: await versionOf(db, "meetings", today.id) })).rejects.toMatchObject({ status: 422 });

    // A 1:1 ten days ago that nobody marked held or cancelled, and the real next one in a week.
    const [overdue] = await db
      .insert(meetings)
      .values({ orgId: maya.orgId, managerId: maya.personId, reportId: hiro, scheduledAt: at(-10) })
      .returning({ id: meetings.id });
    const next = await scheduleMeeting(db, maya, hiro, { scheduledAt: at(7) }, now);
    const point = await addAgendaItem(db, maya, today.id, { body: "Platform architecture review" });
    await changeMeeting(db, maya, today.id, { kind: "hold" }, { now, version: await versionOf(db, "meetings", today.id) });
    expect((await agendaOn(next.id)).map((x) => x.id)).toContain(point.id);
    expect((await agendaOn(overdue!.id)).map((x) => x.id)).not.toContain(point.id);
    const rel = await relationTo(db, maya, hiro);
    expect((await lastAndNext(db, maya, hiro, rel, now))?.next?.id).toBe(next.id);

    // Marking the next one held days early: it took place now, so "last 1:1" is now everywhere.
    const held = await changeMeeting(db, maya, next.id, { kind: "hold" }, { now, version: await versionOf(db, "meetings", next.id) });
    expect(held.scheduledAt).toBe(now.toISOString());
    expect(held.heldAt).toBe(now.toISOString());
    expect((await lastAndNext(db, maya, hiro, rel, now))?.last).toEqual({ id: next.id, at: now.toISOString() });
    // Its open item went to a new 1:1 one cadence after now, not back to the overdue one.
    const [carried] = await db.select({ meetingId: agendaItems.meetingId }).from(agendaItems).where(eq(agendaItems.id, point.id));
    expect(carried!.meetingId).not.toBe(overdue!.id);
    expect((await meetingOf(carried!.meetingId)).scheduledAt.getTime()).toBeGreaterThan(now.getTime());
  });

  it("a held meeting cannot be cancelled or rescheduled, and the list is paginated with upcoming first", async () => {
    const maya = await viewerFor(db, "maya@acme.example");
    const fatima = await personId(db, "fatima@acme.example");
    const list = await listMeetings(db, maya, fatima, { page: 1 });
    expect(list.total).toBeGreaterThan(list.pageSize);
    expect(list.items).toHaveLength(list.pageSize);
    expect(list.items[0]!.status).toBe("scheduled");
    const page2 = await listMeetings(db, maya, fatima, { page: 2 });
    expect(page2.items[0]!.id).not.toBe(list.items[0]!.id);
    const held = list.items.find((m) => m.status === "held")!;
    await expect(changeMeeting(db, maya, held.id, { kind: "cancel" }, { version: await versionOf(db, "meetings", held.id) })).rejects.toMatchObject({ status: 400 });
    await expect(changeMeeting(db, maya, held.id, { kind: "reschedule", scheduledAt: new Date() }, { version: await versionOf(db, "meetings", held.id) })).rejects.toMatchObject({ status: 400 });
  });

  it("a stale version of the meeting is refused with 409", async () => {
    const maya = await viewerFor(db, "maya@acme.example");
    const gus = await personId(db, "gus@acme.example");
    const list = await listMeetings(db, maya, gus);
    const next = list.items.find((m) => m.status === "scheduled")!;
    await changeMeeting(db, maya, next.id, { kind: "reschedule", scheduledAt: new Date(Date.now() + 3 * DAY) }, { version: next.version });
    await expect(
      changeMeeting(db, maya, next.id, { kind: "reschedule", scheduledAt: new Date(Date.now() + 4 * DAY) }, { version: next.version }),
    ).rejects.toMatchObject({ status: 409 });
  });
});

describe("prep brief", () => {
  it("computes Fatima's goals, rotation and updates since the last 1:1 from her data", async () => {
    const { prepBrief } = await import("@/lib/meetings/prep");
    const { stretchGoalUpdates } = await import("@/db/schema");
    const { gte, inArray } = await import("drizzle-orm");
    const maya = await viewerFor(db, "maya@acme.example");
    const fatima = await personId(db, "fatima@acme.example");
    const [next] = await db.select().from(meetings).where(and(eq(meetings.reportId, fatima), eq(meetings.status, "scheduled")));
    const detail = await getMeetingDetail(db, maya, next!.id);
    // The participants' names come with the meeting (one read), each on the right side.
    expect(detail.manager).toEqual({ id: maya.personId, name: maya.name });
    expect(detail.report).toEqual({ id: fatima, name: expect.stringMatching(/^Fatima /) });
    const brief = await prepBrief(db, maya, detail.access);
    expect(brief.goals).toHaveLength(2);
    expect(brief.rotation).toMatchObject({ host: expect.stringContaining("Data Platform"), status: "active" });
    expect(brief.flags).toEqual([]);
    const since = new Date(brief.since!);
    const updates = await db
      .select({ goalId: stretchGoalUpdates.goalId })
      .from(stretchGoalUpdates)
      .where(and(inArray(stretchGoalUpdates.goalId, brief.goals.map((g) => g.id)), gte(stretchGoalUpdates.createdAt, since)));
    for (const g of brief.goals) expect(g.updatesSince).toBe(updates.filter((u) => u.goalId === g.id).length);
  });

  it("says what the last 1:1's check-in said, and lists goals proposed and not yet taken up after the active ones", async () => {
    const { prepBrief } = await import("@/lib/meetings/prep");
    const { stretchGoals } = await import("@/db/schema");
    const { desc } = await import("drizzle-orm");
    const maya = await viewerFor(db, "maya@acme.example");
    const jonah = await personId(db, "jonah@acme.example");
    const [lastHeld] = await db.select().from(meetings).where(and(eq(meetings.reportId, jonah), eq(meetings.status, "held"))).orderBy(desc(meetings.scheduledAt)).limit(1);
    const [next] = await db.select().from(meetings).where(and(eq(meetings.reportId, jonah), eq(meetings.status, "scheduled")));
    const briefOf = async () => prepBrief(db, maya, (await getMeetingDetail(db, maya, next!.id)).access);
    await db.update(meetings).set({ energy: null, meaningful: "", goingThroughMotions: "", learnNext: "" }).where(eq(meetings.id, lastHeld!.id));
    expect((await briefOf()).lastCheckIn).toBeNull(); // nothing answered: nothing to show
    await db.update(meetings).set({ energy: 4, learnNext: "Rust for build tools" }).where(eq(meetings.id, lastHeld!.id));
    expect((await briefOf()).lastCheckIn).toEqual({ meetingId: lastHeld!.id, energy: 4, meaningful: "", goingThroughMotions: "", learnNext: "Rust for build tools" });

    const [proposed] = await db
      .insert(stretchGoals)
      .values({ orgId: maya.orgId, personId: jonah, title: "Build a remote build cache", category: "stretch_assignment", status: "proposed", createdBy: jonah })
      .returning();
    const goals = (await briefOf()).goals;
    expect(goals.at(-1)).toMatchObject({ id: proposed!.id, status: "proposed" });
    expect(goals.slice(0, -1).every((g) => g.status === "active")).toBe(true);
  });

  it("reads the pulse trend with the brief: the latest 8 check-ins, oldest first, as loadTrend gives them", async () => {
    const { prepBrief } = await import("@/lib/meetings/prep");
    const { loadTrend } = await import("@/lib/pulse/checkins");
    const { countQueries } = await import("@/db/query-log");
    const maya = await viewerFor(db, "maya@acme.example");
    const eli = await personId(db, "eli@acme.example");
    const [next] = await db.select().from(meetings).where(and(eq(meetings.reportId, eli), eq(meetings.status, "scheduled")));
    const { access } = await getMeetingDetail(db, maya, next!.id);
    const trend = await loadTrend(db, maya.orgId, eli, 8);
    expect(trend).toHaveLength(8); // Eli has ~12 weeks of check-ins: the limit matters
    expect(trend.some((p) => p.comment)).toBe(true);
    const { result: brief, statements } = await countQueries(() => prepBrief(db, maya, access));
    expect(brief.pulse?.points).toEqual(trend);
    // No separate read of pulse_checkins: the trend comes with the brief's statement.
    expect(statements.filter((q) => /^\s*select\b[^(]*from "pulse_checkins"/i.test(q))).toEqual([]);
  });

  it("lists the wins and learning since the last 1:1 (newest first), and everything when there was none", async () => {
    const { prepBrief } = await import("@/lib/meetings/prep");
    const { wins, learningItems } = await import("@/db/schema");
    const { desc, gte } = await import("drizzle-orm");
    const maya = await viewerFor(db, "maya@acme.example");
    const fatima = await personId(db, "fatima@acme.example");
    const { orgId } = maya;
    // A win and a learning item on each side of the last held 1:1.
    const [lastHeld] = await db.select().from(meetings).where(and(eq(meetings.reportId, fatima), eq(meetings.status, "held"))).orderBy(desc(meetings.scheduledAt)).limit(1);
    const before = new Date(lastHeld!.scheduledAt.getTime() - 3 * DAY);
    const after = new Date(lastHeld!.scheduledAt.getTime() + 1 * DAY);
    await db.insert(wins).values([
      { orgId, personId: fatima, title: "Old win before the 1:1", occurredOn: before.toISOString().slice(0, 10), authorId: fatima },
      { orgId, personId: fatima, title: "Fresh win after the 1:1", occurredOn: after.toISOString().slice(0, 10), authorId: fatima },
    ]);
    await db.insert(learningItems).values([
      { orgId, personId: fatima, kind: "course", title: "Old course", status: "planned", createdBy: fatima, createdAt: before, updatedAt: before },
      { orgId, personId: fatima, kind: "course", title: "Fresh course", status: "in_progress", createdBy: fatima, createdAt: after, updatedAt: after },
    ]);

    const [next] = await db.select().from(meetings).where(and(eq(meetings.reportId, fatima), eq(meetings.status, "scheduled")));
    const brief = await prepBrief(db, maya, (await getMeetingDetail(db, maya, next!.id)).access);
    const since = new Date(brief.since!);
    expect(since.getTime()).toBe((lastHeld!.heldAt ?? lastHeld!.scheduledAt).getTime());
    const sinceDay = since.toISOString().slice(0, 10);
    const expectedWins = await db
      .select({ id: wins.id, title: wins.title, occurredOn: wins.occurredOn })
      .from(wins)
      .where(and(eq(wins.personId, fatima), gte(wins.occurredOn, sinceDay)))
      .orderBy(desc(wins.occurredOn))
      .limit(10);
    expect(brief.wins.map((w) => w.title)).toContain("Fresh win after the 1:1");
    expect(brief.wins.map((w) => w.title)).not.toContain("Old win before the 1:1");
    expect([...brief.wins].sort((a, b) => a.id.localeCompare(b.id))).toEqual([...expectedWins].sort((a, b) => a.id.localeCompare(b.id)));
    expect(brief.wins.map((w) => w.occurredOn)).toEqual([...brief.wins.map((w) => w.occurredOn)].sort().reverse());
    const learnedTitles = brief.learning.map((l) => l.title);
    expect(learnedTitles).toContain("Fresh course");
    expect(learnedTitles).not.toContain("Old course");
    expect(brief.learning.find((l) => l.title === "Fresh course")).toMatchObject({ status: "in_progress" });
    const expectedLearning = await db.select({ id: learningItems.id }).from(learningItems).where(and(eq(learningItems.personId, fatima), gte(learningItems.updatedAt, since)));
    expect(brief.learning.map((l) => l.id).sort()).toEqual(expectedLearning.map((l) => l.id).sort().slice(0, 10));

    // The pair's open action items from earlier 1:1s, earliest due first, with no finished one among them, and none
    // added in this 1:1 (the page lists those below it: they appeared twice).
    const { actionItems } = await import("@/db/schema");
    const { isNull } = await import("drizzle-orm");
    const openExpected = await db
      .select({ id: actionItems.id, dueOn: actionItems.dueOn, meetingId: actionItems.meetingId, carriedThrough: actionItems.carriedThrough })
      .from(actionItems)
      .innerJoin(meetings, eq(meetings.id, actionItems.meetingId))
      .where(and(isNull(actionItems.doneAt), eq(meetings.reportId, fatima), eq(meetings.managerId, maya.personId)));
    expect(openExpected.filter((a) => a.carriedThrough.length > 0).length).toBeGreaterThan(0);
    const [addedHere] = await db.insert(actionItems).values({ orgId, meetingId: next!.id, ownerId: fatima, body: "Added in this 1:1", createdBy: maya.personId }).returning();
    const briefNow = await prepBrief(db, maya, (await getMeetingDetail(db, maya, next!.id)).access);
    expect(briefNow.openActions.map((a) => a.id)).not.toContain(addedHere!.id);
    expect(briefNow.openActions.map((a) => a.id).sort()).toEqual(openExpected.filter((a) => (a.carriedThrough[0] ?? a.meetingId) !== next!.id).map((a) => a.id).sort().slice(0, 20));
    expect(brief.openActions.map((a) => a.id).sort()).toEqual(briefNow.openActions.map((a) => a.id).sort());
    const dues = brief.openActions.map((a) => a.dueOn ?? "9999-12-31");
    expect(dues).toEqual([...dues].sort());
    for (const a of brief.openActions) expect(a).toEqual({ id: a.id, body: expect.any(String), ownerId: expect.any(String), dueOn: a.dueOn, meetingId: expect.any(String) });

    // The pair's first 1:1 ever: no "since", so every win and learning item counts (up to 10 each).
    const [first] = await db.select().from(meetings).where(eq(meetings.reportId, fatima)).orderBy(meetings.scheduledAt).limit(1);
    const firstBrief = await prepBrief(db, maya, (await getMeetingDetail(db, maya, first!.id)).access);
    expect(firstBrief.since).toBeNull();
    expect(firstBrief.wins.map((w) => w.title)).toContain("Old win before the 1:1");
  });
});

describe("a held 1:1 is a record: what is still open lives on the next one", () => {
  it("refuses new talking points and action items and reopening a done item, but keeps ticking off, rewording and deleting", async () => {
    const maya = await viewerFor(db, "maya@acme.example");
    const eli = await viewerFor(db, "eli@acme.example");
    const [m] = await db.select().from(meetings).where(and(eq(meetings.reportId, eli.personId), eq(meetings.status, "scheduled")));
    const point = await addAgendaItem(db, maya, m!.id, { body: "Covered in the meeting" });
    const act = await addActionItem(db, maya, m!.id, { body: "Done in the meeting", ownerId: eli.personId });
    await updateAgendaItem(db, eli, point.id, { done: true, version: point.version });
    await updateActionItem(db, eli, act.id, { done: true, version: act.version });
    await changeMeeting(db, maya, m!.id, { kind: "hold" }, { version: await versionOf(db, "meetings", m!.id) });

    await expect(addAgendaItem(db, maya, m!.id, { body: "An afterthought" })).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/was held.*next 1:1/) });
    await expect(addActionItem(db, eli, m!.id, { body: "An afterthought", ownerId: eli.personId })).rejects.toMatchObject({ status: 400 });
    await expect(updateAgendaItem(db, maya, point.id, { done: false, version: await versionOf(db, "agenda_items", point.id) })).rejects.toMatchObject({ status: 400 });
    await expect(updateActionItem(db, maya, act.id, { done: false, version: await versionOf(db, "action_items", act.id) })).rejects.toMatchObject({ status: 400 });
    expect((await agendaOn(m!.id)).map((x) => [x.id, x.done])).toEqual([[point.id, true]]);

    // The record can still be corrected.
    await updateAgendaItem(db, maya, point.id, { body: "Covered in the meeting (typo fixed)", version: await versionOf(db, "agenda_items", point.id) });
    await updateActionItem(db, maya, act.id, { dueOn: "2030-12-24", version: await versionOf(db, "action_items", act.id) });
    expect((await agendaOn(m!.id))[0]!.body).toBe("Covered in the meeting (typo fixed)");
  });

  it("what was carried to a later 1:1 comes back to an earlier one: a cancelled 1:1 rescheduled back, or one scheduled before", async () => {
    const maya = await viewerFor(db, "maya@acme.example");
    const ines = await personId(db, "ines@acme.example");
    const pairWhere = and(eq(meetings.managerId, maya.personId), eq(meetings.reportId, ines));
    await db.delete(meetings).where(and(pairWhere, eq(meetings.status, "scheduled")));
    const now = new Date();
    const a = await scheduleMeeting(db, maya, ines, { scheduledAt: new Date(now.getTime() + 3 * DAY) }, now);
    const point = await addAgendaItem(db, maya, a.id, { body: "Mentoring the new joiner" });
    const act = await addActionItem(db, maya, a.id, { body: "Book the workshop", ownerId: ines, dueOn: "2030-12-01" });
    // Cancelled by mistake: everything goes to a 1:1 made from the cadence.
    await changeMeeting(db, maya, a.id, { kind: "cancel" }, { now, version: await versionOf(db, "meetings", a.id) });
    const [b] = await db.select().from(meetings).where(and(pairWhere, eq(meetings.status, "scheduled")));
    expect((await agendaOn(b!.id)).map((i) => i.id)).toEqual([point.id]);
    // Someone adds a point to that later 1:1 on purpose: it stays there.
    const forB = await addAgendaItem(db, maya, b!.id, { body: "For the later one" });

    // Rescheduled back to its day: it is the next 1:1 again, and what was carried from it is on it again.
    await changeMeeting(db, maya, a.id, { kind: "reschedule", scheduledAt: new Date(now.getTime() + 3 * DAY) }, { now, version: await versionOf(db, "meetings", a.id) });
    expect((await meetingOf(a.id)).status).toBe("scheduled");
    expect((await agendaOn(a.id)).map((i) => i.body)).toEqual(["Mentoring the new joiner"]);
    expect((await actionsOn(a.id)).map((i) => i.id)).toEqual([act.id]);
    expect((await agendaOn(b!.id)).map((i) => i.id)).toEqual([forB.id]);
    // A version bump: an edit from a page that still showed the item on the later 1:1 is a conflict, not a lost move.
    expect((await agendaOn(a.id))[0]!.version).toBeGreaterThan(point.version);
    // Back where they were raised: not "carried from" this very 1:1 any more.
    expect((await agendaOn(a.id)).map((i) => [i.carriedFromMeetingId, i.carriedThrough])).toEqual([[null, []]]);
    expect((await actionsOn(a.id)).map((i) => [i.carriedFromMeetingId, i.carriedThrough])).toEqual([[null, []]]);
    // So they stay on it when a 1:1 is scheduled before it, as anything added to it directly does.
    const early = await scheduleMeeting(db, maya, ines, { scheduledAt: new Date(now.getTime() + 2 * DAY) }, now);
    expect(await agendaOn(early.id)).toHaveLength(0);
    expect((await agendaOn(a.id)).map((i) => i.id)).toEqual([point.id]);
    await db.delete(meetings).where(eq(meetings.id, early.id));

    // Held; its open items go to the later 1:1. Then a 1:1 is scheduled before that one: they come to it.
    await changeMeeting(db, maya, a.id, { kind: "hold" }, { now, version: await versionOf(db, "meetings", a.id) });
    expect((await agendaOn(b!.id)).map((i) => i.body)).toEqual(["For the later one", "Mentoring the new joiner"]);
    const c = await scheduleMeeting(db, maya, ines, { scheduledAt: new Date(b!.scheduledAt.getTime() - 2 * DAY) }, now);
    expect((await agendaOn(c.id)).map((i) => i.body)).toEqual(["Mentoring the new joiner"]);
    expect((await actionsOn(c.id)).map((i) => i.id)).toEqual([act.id]);
    expect((await agendaOn(b!.id)).map((i) => i.body)).toEqual(["For the later one"]);
    // The held 1:1 still lists what moved on from it, now on the earlier 1:1.
    const held = await getMeetingDetail(db, maya, a.id);
    expect(held.movedOn.agenda.map((i) => [i.body, i.meetingId])).toEqual([["Mentoring the new joiner", c.id]]);
  });

  it("a 1:1 that carry-over scheduled for a cancelled one's items is removed when that one is rescheduled back, unless it was used", async () => {
    const maya = await viewerFor(db, "maya@acme.example");
    const hiroV = await viewerFor(db, "hiro@acme.example");
    const hiro = await personId(db, "hiro@acme.example");
    const pairWhere = and(eq(meetings.managerId, maya.personId), eq(meetings.reportId, hiro));
    await db.delete(meetings).where(and(pairWhere, eq(meetings.status, "scheduled")));
    const now = new Date();
    const scheduled = async () => (await db.select().from(meetings).where(and(pairWhere, eq(meetings.status, "scheduled")))).map((m) => m.id);
    const a = await scheduleMeeting(db, maya, hiro, { scheduledAt: new Date(now.getTime() + 2 * DAY) }, now);
    await addAgendaItem(db, hiroV, a.id, { body: "A rotation into the data team" });

    // Cancelled by mistake: a 1:1 is scheduled from the cadence to hold the point, and the change says so.
    const cancelled = await changeMeeting(db, maya, a.id, { kind: "cancel" }, { now, version: await versionOf(db, "meetings", a.id) });
    expect(cancelled.carryOver).toMatchObject({ moved: 1, created: true });
    const [b] = await scheduled();
    expect((await meetingOf(b!)).autoScheduled).toBe(true);
    // Rescheduled back: the point is on it again and the 1:1 made for it is gone.
    const back = await changeMeeting(db, maya, a.id, { kind: "reschedule", scheduledAt: new Date(now.getTime() + 2 * DAY) }, { now, version: await versionOf(db, "meetings", a.id) });
    expect(back.carryOver.removed).toBe(1);
    expect(await scheduled()).toEqual([a.id]);
    expect((await agendaOn(a.id)).map((i) => i.body)).toEqual(["A rotation into the data team"]);

    // The same, but Hiro answers the later 1:1's check-in meanwhile: it is his, so it stays.
    await changeMeeting(db, maya, a.id, { kind: "cancel" }, { now, version: await versionOf(db, "meetings", a.id) });
    const [c] = await scheduled();
    await db.update(meetings).set({ learnNext: "Kafka internals" }).where(eq(meetings.id, c!));
    const again = await changeMeeting(db, maya, a.id, { kind: "reschedule", scheduledAt: new Date(now.getTime() + 2 * DAY) }, { now, version: await versionOf(db, "meetings", a.id) });
    expect(again.carryOver.removed).toBe(0);
    expect((await scheduled()).sort()).toEqual([a.id, c!].sort());

    // A 1:1 someone scheduled (not carry-over), empty and later, is never removed; nor is one moved to a new time.
    const own = await scheduleMeeting(db, maya, hiro, { scheduledAt: new Date(now.getTime() + 20 * DAY) }, now);
    await db.delete(meetings).where(eq(meetings.id, c!));
    await changeMeeting(db, maya, a.id, { kind: "cancel" }, { now, version: await versionOf(db, "meetings", a.id) });
    expect(await scheduled()).toEqual([own.id]); // the items went to the 1:1 already scheduled
    const kept = await changeMeeting(db, maya, a.id, { kind: "reschedule", scheduledAt: new Date(now.getTime() + 2 * DAY) }, { now, version: await versionOf(db, "meetings", a.id) });
    expect(kept.carryOver.removed).toBe(0);
    expect((await scheduled()).sort()).toEqual([a.id, own.id].sort());
    expect((await agendaOn(a.id)).map((i) => i.body)).toEqual(["A rotation into the data team"]);
  });
});
