/**
 * "Talk in our next 1:1": the manager's answer to "I feel stuck" goes on the pair's next 1:1 (made from the cadence
 * when none is scheduled), once, in the suggestion's words and never the message; other next steps add nothing.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { agendaItems, meetings, stuckSignals } from "@/db/schema";
import { addAgendaItem } from "@/lib/meetings/agenda";
import { getMeetingDetail } from "@/lib/meetings/detail";
import { suggestionByKey } from "@/lib/meetings/suggestions";
import { acknowledgeSignal, listVisibleSignals, raiseSignal, withdrawSignal } from "@/lib/stuck/signals";
import { changeManager } from "@/lib/people/structure";
import { MANAGER_NEXT_STEP, OTHER_NEXT_STEP } from "@/lib/stuck/next-steps";
import { setupTestDb, teardownTestDb } from "../helpers/db";
import { shownManager } from "../helpers/people";
import { viewerFor } from "../helpers/viewers";

let db: Db;
beforeAll(async () => {
  db = await setupTestDb({ demo: true });
});
afterAll(teardownTestDb);

const STUCK_TEXT = suggestionByKey("stuck")!.text;
const DAY = 86_400_000;

async function stuckItemsOf(reportId: string) {
  return db
    .select({ id: agendaItems.id, meetingId: agendaItems.meetingId, body: agendaItems.body, authorId: agendaItems.authorId, status: meetings.status, at: meetings.scheduledAt })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(and(eq(meetings.reportId, reportId), eq(agendaItems.suggestionKey, "stuck")));
}

async function scheduledOf(reportId: string) {
  return db.select().from(meetings).where(and(eq(meetings.reportId, reportId), eq(meetings.status, "scheduled"))).orderBy(meetings.scheduledAt);
}

describe("acknowledging “I feel stuck” with “Talk in our next 1:1”", () => {
  it("puts the conversation on the pair's next 1:1, for both of them, without the message", async () => {
    const maya = await viewerFor(db, "maya@acme.example");
    const gus = await viewerFor(db, "gus@acme.example");
    // Gus's open signal in the demo data.
    const [open] = (await listVisibleSignals(db, maya, { openOnly: true, audit: false })).filter((s) => s.personId === gus.personId);
    expect(open?.message.length).toBeGreaterThan(10);
    const [next] = await scheduledOf(gus.personId);
    expect(await stuckItemsOf(gus.personId)).toEqual([]);

    const ack = await acknowledgeSignal(db, maya, open!.id, { nextStep: MANAGER_NEXT_STEP });
    expect(ack).toMatchObject({ status: "acknowledged", nextStep: MANAGER_NEXT_STEP, onAgendaOf: { meetingId: next!.id, scheduledAt: next!.scheduledAt.toISOString() } });
    expect(await stuckItemsOf(gus.personId)).toEqual([{ id: expect.any(String), meetingId: next!.id, body: STUCK_TEXT, authorId: maya.personId, status: "scheduled", at: next!.scheduledAt }]);
    // Both participants see it on that 1:1, last on the agenda; the words are the suggestion's, not what Gus wrote.
    for (const viewer of [gus, maya]) {
      const { agenda } = await getMeetingDetail(db, viewer, next!.id);
      expect(agenda.at(-1)).toMatchObject({ body: STUCK_TEXT, suggestionKey: "stuck", done: false });
      expect(JSON.stringify(agenda)).not.toContain(open!.message.slice(0, 20));
    }
    expect(await scheduledOf(gus.personId)).toHaveLength(1); // no 1:1 was made
  });

  it("adds it once: not again when the suggestion is already on that agenda, nor when two acknowledgements race", async () => {
    const maya = await viewerFor(db, "maya@acme.example");
    const fatima = await viewerFor(db, "fatima@acme.example");
    const [next] = await scheduledOf(fatima.personId);
    await addAgendaItem(db, maya, next!.id, { body: STUCK_TEXT, suggestionKey: "stuck" });
    const first = await raiseSignal(db, fatima, { message: "Same tickets every week.", includeSkipLevel: false, includeHr: false });
    expect((await acknowledgeSignal(db, maya, first.id, { nextStep: MANAGER_NEXT_STEP })).onAgendaOf).toEqual({ meetingId: next!.id, scheduledAt: next!.scheduledAt.toISOString() });
    expect(await stuckItemsOf(fatima.personId)).toHaveLength(1);

    // Ines: two acknowledgements at once (two tabs): one wins, the other is told; one talking point.
    const ines = await viewerFor(db, "ines@acme.example");
    const sig = await raiseSignal(db, ines, { message: "", includeSkipLevel: false, includeHr: false });
    const results = await Promise.allSettled([acknowledgeSignal(db, maya, sig.id, { nextStep: MANAGER_NEXT_STEP }), acknowledgeSignal(db, maya, sig.id, { nextStep: MANAGER_NEXT_STEP })]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { status: 409 } });
    expect(await stuckItemsOf(ines.personId)).toHaveLength(1);
    // The refusal speaks to Maya as the one who answered, in her other tab; anyone else is named.
    const again = await acknowledgeSignal(db, maya, sig.id, { nextStep: "Explore a rotation" }).catch((e: unknown) => e as Error);
    expect(again).toMatchObject({ status: 409 });
    expect((again as Error).message).toMatch(new RegExp(`^You already acknowledged it, in another tab or window\\. Next step Ines .+ sees: ${MANAGER_NEXT_STEP}\\.$`));
  });

  it("with no 1:1 scheduled, makes the next one from the cadence, at the last 1:1's weekday and time", async () => {
    const maya = await viewerFor(db, "maya@acme.example");
    const hiro = await viewerFor(db, "hiro@acme.example");
    await db.delete(meetings).where(and(eq(meetings.reportId, hiro.personId), eq(meetings.status, "scheduled")));
    const lastAt = Math.max(...(await db.select().from(meetings).where(eq(meetings.reportId, hiro.personId))).map((m) => m.scheduledAt.getTime()));
    expect(lastAt).toBeGreaterThan(0);
    const sig = await raiseSignal(db, hiro, { message: "", includeSkipLevel: false, includeHr: false });
    const before = Date.now();
    const ack = await acknowledgeSignal(db, maya, sig.id, { nextStep: MANAGER_NEXT_STEP });
    const made = await scheduledOf(hiro.personId);
    expect(made).toHaveLength(1);
    expect(ack.onAgendaOf?.meetingId).toBe(made[0]!.id);
    const at = made[0]!.scheduledAt.getTime();
    expect(at).toBeGreaterThan(before);
    // Whole cadences (14 days for Hiro) after his last 1:1, the first such time ahead.
    expect((at - lastAt) % (14 * DAY)).toBe(0);
    expect(at - before).toBeLessThanOrEqual(14 * DAY);
    expect((await stuckItemsOf(hiro.personId)).map((i) => i.meetingId)).toEqual([made[0]!.id]);
  });

  it("shows where the talking point is to the two people in that 1:1 only: not to a skip-level, HR or a later manager", async () => {
    const maya = await viewerFor(db, "maya@acme.example");
    const eli = await viewerFor(db, "eli@acme.example");
    const dana = await viewerFor(db, "dana@acme.example");
    const ada = await viewerFor(db, "ada@acme.example");
    const sig = await raiseSignal(db, eli, { message: "Two years on the same pipeline.", includeSkipLevel: true, includeHr: true });
    const ack = await acknowledgeSignal(db, maya, sig.id, { nextStep: MANAGER_NEXT_STEP });
    const pointAs = async (viewer: typeof maya) => (await listVisibleSignals(db, viewer, { audit: false })).find((x) => x.id === sig.id);
    const expected = { meetingId: ack.onAgendaOf!.meetingId, scheduledAt: ack.onAgendaOf!.scheduledAt, done: false, cancelled: false };
    expect((await pointAs(maya))?.talkingPoint).toEqual(expected);
    expect((await pointAs(eli))?.talkingPoint).toEqual(expected);
    for (const other of [dana, ada]) {
      const seen = await pointAs(other);
      expect(seen?.status).toBe("acknowledged"); // they see the signal they were included in ...
      expect(seen?.talkingPoint).toBeNull(); // ... not the 1:1 it went to
    }
    // Ticked off in the 1:1: both read that it was talked about.
    const [item] = await db.select().from(agendaItems).where(and(eq(agendaItems.meetingId, expected.meetingId), eq(agendaItems.suggestionKey, "stuck")));
    await db.update(agendaItems).set({ done: true }).where(eq(agendaItems.id, item!.id));
    expect((await pointAs(eli))?.talkingPoint).toEqual({ ...expected, done: true });
    // A new manager sees the signal, not the old pair's 1:1.
    const { changeManager } = await import("@/lib/people/structure");
    const omar = await viewerFor(db, "omar@acme.example");
    await changeManager(db, ada, eli.personId, omar.personId, await shownManager(db, eli.personId));
    const asOmar = await pointAs(omar);
    expect(asOmar?.id).toBe(sig.id);
    expect(asOmar?.talkingPoint).toBeNull();
    // Deleted from the agenda: the reference goes with it.
    await db.delete(agendaItems).where(eq(agendaItems.id, item!.id));
    expect((await pointAs(eli))?.talkingPoint).toBeNull();
  });

  it("withdrawn, the signal takes its talking point off the 1:1 to come; not once they have talked it through", async () => {
    const maya = await viewerFor(db, "maya@acme.example");
    const fatima = await viewerFor(db, "fatima@acme.example");
    const openStuck = async () => (await stuckItemsOf(fatima.personId)).filter((i) => i.status === "scheduled");
    // The first test's item is Fatima's already (picked from the suggestions): start from none.
    await db.delete(agendaItems).where(eq(agendaItems.suggestionKey, "stuck"));
    const a = await raiseSignal(db, fatima, { message: "", includeSkipLevel: false, includeHr: false });
    await acknowledgeSignal(db, maya, a.id, { nextStep: MANAGER_NEXT_STEP });
    expect(await openStuck()).toHaveLength(1);
    expect((await withdrawSignal(db, fatima, a.id)).status).toBe("withdrawn");
    expect(await openStuck()).toEqual([]);

    const b = await raiseSignal(db, fatima, { message: "", includeSkipLevel: false, includeHr: false });
    await acknowledgeSignal(db, maya, b.id, { nextStep: MANAGER_NEXT_STEP });
    const [item] = await openStuck();
    await db.update(agendaItems).set({ done: true }).where(eq(agendaItems.id, item!.id));
    await withdrawSignal(db, fatima, b.id);
    expect((await openStuck()).map((i) => i.id)).toEqual([item!.id]);

    // A new signal after that talk gets a talking point of its own, not the ticked-off one.
    const c = await raiseSignal(db, fatima, { message: "", includeSkipLevel: false, includeHr: false });
    await acknowledgeSignal(db, maya, c.id, { nextStep: MANAGER_NEXT_STEP });
    const points = await openStuck();
    expect(points).toHaveLength(2);
    const fresh = points.find((i) => i.id !== item!.id)!;
    expect((await listVisibleSignals(db, fatima, { audit: false })).find((x) => x.id === c.id)?.talkingPoint).toMatchObject({ meetingId: fresh.meetingId, done: false });
  });

  it("withdrawn, a later signal leaves the talking point an earlier one, still acknowledged, was promised", async () => {
    const maya = await viewerFor(db, "maya@acme.example");
    const jonah = await viewerFor(db, "jonah@acme.example");
    const openStuck = async () => (await stuckItemsOf(jonah.personId)).filter((i) => i.status === "scheduled");
    const first = await raiseSignal(db, jonah, { message: "", includeSkipLevel: false, includeHr: false });
    await acknowledgeSignal(db, maya, first.id, { nextStep: MANAGER_NEXT_STEP });
    const [point] = await openStuck();
    // No signal is open, so he may raise another; "Talk in our next 1:1" finds the point already there.
    const second = await raiseSignal(db, jonah, { message: "", includeSkipLevel: false, includeHr: false });
    await acknowledgeSignal(db, maya, second.id, { nextStep: MANAGER_NEXT_STEP });
    expect((await openStuck()).map((i) => i.id)).toEqual([point!.id]);
    await withdrawSignal(db, jonah, second.id);
    expect((await openStuck()).map((i) => i.id)).toEqual([point!.id]);
    const earlier = (await listVisibleSignals(db, maya, { audit: false })).find((x) => x.id === first.id);
    expect(earlier).toMatchObject({ status: "acknowledged", talkingPoint: { meetingId: point!.meetingId, done: false } });
    // Withdrawn too, the first takes it away after all.
    await withdrawSignal(db, jonah, first.id);
    expect(await openStuck()).toEqual([]);
  });

  it("withdrawn, its words stay with the person: the manager's list has the signal without its message", async () => {
    const maya = await viewerFor(db, "maya@acme.example");
    const fatima = await viewerFor(db, "fatima@acme.example");
    const s = await raiseSignal(db, fatima, { message: "TAKEN-BACK words\nsecond line", includeSkipLevel: false, includeHr: false });
    expect((await listVisibleSignals(db, maya, { audit: false })).find((x) => x.id === s.id)?.message).toBe("TAKEN-BACK words\nsecond line");
    await withdrawSignal(db, fatima, s.id);
    expect((await listVisibleSignals(db, maya, { audit: false })).find((x) => x.id === s.id)).toMatchObject({ status: "withdrawn", message: "" });
    expect((await listVisibleSignals(db, fatima, { audit: false })).find((x) => x.id === s.id)?.message).toBe("TAKEN-BACK words\nsecond line");
  });

  it("a page still showing it as waiting does not withdraw it once answered: it says who answered; withdrawn anyway, its talking point goes", async () => {
    const maya = await viewerFor(db, "maya@acme.example");
    const ines = await viewerFor(db, "ines@acme.example");
    const sig = await raiseSignal(db, ines, { message: "Nothing new in months.", includeSkipLevel: false, includeHr: false });
    await acknowledgeSignal(db, maya, sig.id, { nextStep: MANAGER_NEXT_STEP });
    const [saved] = await db.select({ point: stuckSignals.talkingPointId }).from(stuckSignals).where(eq(stuckSignals.id, sig.id));
    expect(saved!.point).not.toBeNull();

    const refused = await withdrawSignal(db, ines, sig.id, { seenStatus: "open" }).catch((e: unknown) => e as Error);
    expect(refused).toMatchObject({ status: 409 });
    expect((refused as Error).message).toBe(`Maya Manager acknowledged it meanwhile — next step: ${MANAGER_NEXT_STEP}. Withdraw it anyway?`);
    expect((await listVisibleSignals(db, ines, { audit: false })).find((x) => x.id === sig.id)).toMatchObject({ status: "acknowledged" });

    expect(await withdrawSignal(db, ines, sig.id, { seenStatus: "acknowledged" })).toMatchObject({ status: "withdrawn" });
    expect(await db.select().from(agendaItems).where(eq(agendaItems.id, saved!.point!))).toEqual([]);
  });

  it("adds nothing for another next step, or for a skip-level or HR, who have no 1:1s with the person", async () => {
    const maya = await viewerFor(db, "maya@acme.example");
    const ada = await viewerFor(db, "ada@acme.example");
    const dana = await viewerFor(db, "dana@acme.example");
    const jonah = await viewerFor(db, "jonah@acme.example");
    const a = await raiseSignal(db, jonah, { message: "", includeSkipLevel: true, includeHr: true });
    expect((await acknowledgeSignal(db, maya, a.id, { nextStep: "Explore a rotation" })).onAgendaOf).toBeNull();
    const b = await raiseSignal(db, jonah, { message: "", includeSkipLevel: true, includeHr: true });
    await expect(acknowledgeSignal(db, dana, b.id, { nextStep: MANAGER_NEXT_STEP })).rejects.toMatchObject({ status: 422 });
    expect((await acknowledgeSignal(db, dana, b.id, { nextStep: OTHER_NEXT_STEP })).onAgendaOf).toBeNull();
    const c = await raiseSignal(db, jonah, { message: "", includeSkipLevel: false, includeHr: true });
    expect((await acknowledgeSignal(db, ada, c.id, { nextStep: OTHER_NEXT_STEP })).onAgendaOf).toBeNull();
    expect(await stuckItemsOf(jonah.personId)).toEqual([]);
  });
});

describe("a talk promised on a 1:1 that a manager change called off", () => {
  it("is said to have been on a cancelled 1:1, to bring up at the next one, instead of 'on the agenda of' it", async () => {
    const maya = await viewerFor(db, "maya@acme.example");
    const ada = await viewerFor(db, "ada@acme.example");
    const omar = await viewerFor(db, "omar@acme.example");
    const ines = await viewerFor(db, "ines@acme.example");
    const raised = await raiseSignal(db, ines, { message: "Same migrations every sprint", includeSkipLevel: false, includeHr: false });
    await acknowledgeSignal(db, maya, raised.id, { nextStep: MANAGER_NEXT_STEP });
    const mine = async () => (await listVisibleSignals(db, ines, { audit: false })).find((x) => x.id === raised.id)!;
    expect((await mine()).talkingPoint).toMatchObject({ done: false, cancelled: false });
    // Ada moves Ines to Omar: her 1:1s with Maya still to come are cancelled, and the point cannot move on with them.
    await changeManager(db, ada, ines.personId, omar.personId, await shownManager(db, ines.personId));
    const point = (await mine()).talkingPoint;
    expect(point).toMatchObject({ done: false, cancelled: true });
    const [on] = await db.select({ status: meetings.status }).from(meetings).where(eq(meetings.id, point!.meetingId));
    expect(on!.status).toBe("cancelled");
  });
});
