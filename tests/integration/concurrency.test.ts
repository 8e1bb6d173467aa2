/**
 * Concurrency on real PostgreSQL, through the same domain functions the JSON
 * API calls (PATCH /api/v1/notes/:id → updateNote; POST … with an
 * Idempotency-Key → idempotent(create)). Complements the 3-way race in
 * meetings-pulse-conflict.test.ts with wider races (N = 8) and races on
 * idempotent creates.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { actionItems, agendaItems, idempotencyKeys, meetings, notes, skills, stuckSignals } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer-type";
import { addAgendaItem, moveAgendaItem } from "@/lib/meetings/agenda";
import { idempotent } from "@/lib/meetings/idempotency";
import { createNote, getNote, updateNote, type NoteDto } from "@/lib/meetings/notes";
import { getSignal, raiseSignal } from "@/lib/stuck/signals";
import { createSkill } from "@/lib/plan/skills";
import { onPostgres, setupTestDb, teardownTestDb } from "../helpers/db";
import { viewerFor } from "../helpers/viewers";

const N = 8;
let db: Db;
beforeAll(async () => {
  db = await setupTestDb({ demo: true });
});
afterAll(teardownTestDb);

async function scheduledMeetingOf(report: Viewer): Promise<string> {
  const [m] = await db.select().from(meetings).where(and(eq(meetings.reportId, report.personId), eq(meetings.status, "scheduled")));
  return m!.id;
}

type Status = { status?: number };
const statusOf = (r: PromiseSettledResult<unknown>) => (r.status === "rejected" ? (r.reason as Status).status : 200);

describe("concurrent saves of one note (real PostgreSQL)", () => {
  it.runIf(onPostgres)(`${N} parallel saves from the same version: exactly one wins, the rest get 409 with the winner's text`, async () => {
    const maya = await viewerFor(db, "maya@acme.example");
    const eli = await viewerFor(db, "eli@acme.example");
    const note = await createNote(db, maya, await scheduledMeetingOf(eli), { visibility: "shared", body: "starting text" });
    for (let round = 0; round < 3; round++) {
      const [before] = await db.select().from(notes).where(eq(notes.id, note.id));
      const bodies = Array.from({ length: N }, (_, i) => `round ${round} writer ${i} (${i % 2 ? "Eli" : "Maya"})`);
      const results = await Promise.allSettled(
        bodies.map((body, i) => updateNote(db, i % 2 ? eli : maya, note.id, { body, version: before!.version })),
      );
      const won = results.filter((r): r is PromiseFulfilledResult<NoteDto> => r.status === "fulfilled");
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(N - 1);
      expect(lost.map(statusOf)).toEqual(Array(N - 1).fill(409));
      const winner = won[0]!.value;
      expect(bodies).toContain(winner.body);
      expect(winner.version).toBe(before!.version + 1);
      // Every loser was told the text it must merge with: the winner's (nothing newer was saved).
      for (const l of lost) {
        const current = (l.reason as { extra?: { current?: { body: string; version: number } } }).extra?.current;
        expect(current).toMatchObject({ body: winner.body, version: winner.version });
      }
      const [after] = await db.select().from(notes).where(eq(notes.id, note.id));
      expect(after!.body).toBe(winner.body);
      expect(after!.version).toBe(before!.version + 1);
      expect((await getNote(db, eli, note.id)).body).toBe(winner.body);
    }
  });

  it.runIf(onPostgres)(`${N} parallel "create if none" saves of the shared note make one note`, async () => {
    const maya = await viewerFor(db, "maya@acme.example");
    const hiro = await viewerFor(db, "hiro@acme.example");
    const meetingId = await scheduledMeetingOf(hiro);
    await db.delete(notes).where(and(eq(notes.meetingId, meetingId), eq(notes.visibility, "shared")));
    const results = await Promise.allSettled(
      Array.from({ length: N }, (_, i) =>
        createNote(db, i % 2 ? hiro : maya, meetingId, { visibility: "shared", body: `first text ${i}`, onlyIfNone: true }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").map(statusOf)).toEqual(Array(N - 1).fill(409));
    const rows = await db.select().from(notes).where(and(eq(notes.meetingId, meetingId), eq(notes.visibility, "shared")));
    expect(rows).toHaveLength(1);
  });
});

describe("concurrent identical creates with one Idempotency-Key (real PostgreSQL)", () => {
  it.runIf(onPostgres)(`${N} parallel agenda-item creates with one key make one row; every success returns that row`, async () => {
    const maya = await viewerFor(db, "maya@acme.example");
    const fatima = await viewerFor(db, "fatima@acme.example");
    const meetingId = await scheduledMeetingOf(fatima);
    const body = "Talk about the Data Platform rotation (idempotent)";
    const load = async (id: string) => {
      const [a] = await db.select().from(agendaItems).where(eq(agendaItems.id, id));
      return { id: a!.id, body: a!.body };
    };
    const results = await Promise.allSettled(
      Array.from({ length: N }, () => idempotent(db, maya, "race-key-1", "agenda_item", () => addAgendaItem(db, maya, meetingId, { body }), load)),
    );
    const ok = results.filter((r): r is PromiseFulfilledResult<{ id: string; body: string }> => r.status === "fulfilled");
    expect(ok.length).toBeGreaterThanOrEqual(1);
    // The rest were told to retry (the first was still running), never created anything.
    expect(results.filter((r) => r.status === "rejected").map(statusOf).every((s) => s === 409)).toBe(true);
    expect(new Set(ok.map((r) => r.value.id)).size).toBe(1);
    const rows = await db.select().from(agendaItems).where(and(eq(agendaItems.meetingId, meetingId), eq(agendaItems.body, body)));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).toBe(ok[0]!.value.id);
    const keys = await db.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.userId, maya.userId), eq(idempotencyKeys.key, "race-key-1")));
    expect(keys).toHaveLength(1);
    expect(keys[0]!.resourceId).toBe(rows[0]!.id);
    // A retry after the race returns the same row and still creates nothing.
    const again = await idempotent(db, maya, "race-key-1", "agenda_item", () => addAgendaItem(db, maya, meetingId, { body }), load);
    expect(again.id).toBe(rows[0]!.id);
    expect(await db.select().from(agendaItems).where(and(eq(agendaItems.meetingId, meetingId), eq(agendaItems.body, body)))).toHaveLength(1);
  });

  it.runIf(onPostgres)(`${N} parallel shared-note and stuck-signal creates with one key each make one row each`, async () => {
    const maya = await viewerFor(db, "maya@acme.example");
    const ines = await viewerFor(db, "ines@acme.example");
    const meetingId = await scheduledMeetingOf(ines);
    const noteBody = "idempotent shared note";
    const noteResults = await Promise.allSettled(
      Array.from({ length: N }, () =>
        idempotent(db, maya, "race-key-note", "note", () => createNote(db, maya, meetingId, { visibility: "shared", body: noteBody }), (id) => getNote(db, maya, id)),
      ),
    );
    expect(noteResults.filter((r) => r.status === "rejected").map(statusOf).every((s) => s === 409)).toBe(true);
    expect(await db.select().from(notes).where(and(eq(notes.meetingId, meetingId), eq(notes.body, noteBody)))).toHaveLength(1);

    const message = "I keep doing the same migrations every sprint (idempotent)";
    const input = { message, includeSkipLevel: false, includeHr: false };
    const sigResults = await Promise.allSettled(
      Array.from({ length: N }, () => idempotent(db, ines, "race-key-stuck", "stuck_signal", () => raiseSignal(db, ines, input), (id) => getSignal(db, ines, id))),
    );
    expect(sigResults.filter((r) => r.status === "fulfilled").length).toBeGreaterThanOrEqual(1);
    expect(sigResults.filter((r) => r.status === "rejected").map(statusOf).every((s) => s === 409)).toBe(true);
    expect(await db.select().from(stuckSignals).where(and(eq(stuckSignals.personId, ines.personId), eq(stuckSignals.message, message)))).toHaveLength(1);
    // Control: without a key, the same parallel creates do make N rows (so the check above can fail).
    const body = "no key, many rows";
    await Promise.all(Array.from({ length: N }, () => idempotent(db, maya, null, "action_item", async () => {
      const [row] = await db.insert(actionItems).values({ orgId: maya.orgId, meetingId, ownerId: maya.personId, body, createdBy: maya.personId }).returning();
      return row!;
    }, async () => { throw new Error("unused"); })));
    expect(await db.select().from(actionItems).where(and(eq(actionItems.meetingId, meetingId), eq(actionItems.body, body)))).toHaveLength(N);
  });
});

describe("one-of-a-kind rows sent at once, without an idempotency key (real PostgreSQL)", () => {
  it.runIf(onPostgres)("a skill named at once in several spellings, by the person and their manager, is listed once", async () => {
    const maya = await viewerFor(db, "maya@acme.example");
    const hiro = await viewerFor(db, "hiro@acme.example");
    const spellings = ["Terraform", "terraform", "TERRAFORM", "Terraform\u200b", "Terraform", "  terraform "];
    const results = await Promise.allSettled(spellings.map((name, i) => createSkill(db, i % 2 ? maya : hiro, hiro.personId, { name, status: "unused" })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").map(statusOf)).toEqual(Array(spellings.length - 1).fill(422));
    const listed = await db.select({ name: skills.name }).from(skills).where(eq(skills.personId, hiro.personId));
    expect(listed.filter((s) => /terraform/i.test(s.name))).toHaveLength(1);
  });

  it.runIf(onPostgres)(`${N} "I feel stuck" sent at once leave one open signal; the others are told to withdraw it first`, async () => {
    const leo = await viewerFor(db, "leo@acme.example");
    const results = await Promise.allSettled(Array.from({ length: N }, (_, i) => raiseSignal(db, leo, { message: `at once ${i}`, includeSkipLevel: false, includeHr: false })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").map(statusOf)).toEqual(Array(N - 1).fill(400));
    expect(await db.select().from(stuckSignals).where(and(eq(stuckSignals.personId, leo.personId), eq(stuckSignals.status, "open")))).toHaveLength(1);
  });
});

describe("concurrent reorders of one agenda (real PostgreSQL)", () => {
  it.runIf(onPostgres)(`${N} people's moves at once: every move applies in turn, positions stay 1..n with no duplicate`, async () => {
    const maya = await viewerFor(db, "maya@acme.example");
    const eli = await viewerFor(db, "eli@acme.example");
    const meetingId = await scheduledMeetingOf(eli);
    await db.delete(agendaItems).where(eq(agendaItems.meetingId, meetingId));
    const items = [];
    for (let i = 0; i < 5; i++) items.push(await addAgendaItem(db, maya, meetingId, { body: `point ${i}` }));
    // Everyone moves the last item up at once: taken in turn, they carry it to the top (4 moves), and the rest do nothing.
    const last = items[4]!.id;
    await Promise.all(Array.from({ length: N }, (_, i) => moveAgendaItem(db, i % 2 ? eli : maya, last, "up")));
    const rows = await db.select().from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).orderBy(agendaItems.position);
    expect(rows.map((r) => r.position)).toEqual([1, 2, 3, 4, 5]);
    expect(rows.map((r) => r.body)).toEqual(["point 4", "point 0", "point 1", "point 2", "point 3"]);
  });
});
