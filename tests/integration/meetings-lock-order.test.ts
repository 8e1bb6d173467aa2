/**
 * Writes to a pair's 1:1s take the pair's turn (an advisory lock) before they write anything the person's radar facts
 * follow (a trigger locks that row). Mark held used to update the meeting first and take the turn in the carry-over
 * sweep; acknowledging “I feel stuck” with “Talk in our next 1:1” updated the signal first. Either, meeting a 1:1 of
 * the pair being scheduled (turn, then insert), deadlocked, and PostgreSQL could abort a third writer caught in the
 * cycle (one adding a stretch goal for that person, say). Checked where it shows: while such a write waits for the
 * pair's turn, it holds no row lock on anything yet.
 */
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rows, type Db } from "@/db/client";
import { meetings } from "@/db/schema";
import { changeMeeting } from "@/lib/meetings/schedule";
import { MANAGER_NEXT_STEP } from "@/lib/stuck/next-steps";
import { acknowledgeSignal, raiseSignal } from "@/lib/stuck/signals";
import { onPostgres, setupTestDb, teardownTestDb } from "../helpers/db";
import { viewerFor } from "../helpers/viewers";

let db: Db;
beforeAll(async () => {
  db = await setupTestDb({ demo: true });
});
afterAll(teardownTestDb);

/**
 * Holds the pair's turn while `write` starts, waits until a session waits for it, and returns the tables that session
 * has already written to (RowExclusiveLock held); then lets it go on and returns its outcome too.
 */
async function writtenBeforeTheTurn(pair: { managerId: string; reportId: string }, write: () => Promise<unknown>): Promise<{ written: string[]; outcome: unknown }> {
  let pending!: Promise<unknown>;
  let written: string[] = [];
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`carry:${pair.managerId}:${pair.reportId}`}))`);
    pending = write().catch((e: unknown) => e);
    let waiting: number | undefined;
    for (let i = 0; i < 100 && waiting === undefined; i++) {
      await new Promise((r) => setTimeout(r, 50));
      const [w] = rows<{ pid: number }>(
        await tx.execute(sql`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = 'advisory' AND pid <> pg_backend_pid()`),
      );

      waiting = w?.pid;
    }
    if (waiting === undefined) throw new Error(`the write never waited for the pair's lock: ${String(await pending)}`);
    written = rows<{ relname: string }>(
      await tx.execute(sql`SELECT DISTINCT c.relname FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
                            WHERE l.pid = ${waiting!} AND l.granted AND l.mode = 'RowExclusiveLock' ORDER BY 1`),
    ).map((r) => r.relname);
  });
  return { written, outcome: await pending };
}

describe.runIf(onPostgres)("lock order of 1:1 writes", () => {
  it("Mark held waits for the pair's turn before it writes the meeting", async () => {
    const maya = await viewerFor(db, "maya@acme.example");
    const ines = await viewerFor(db, "ines@acme.example");
    const [m] = await db.select().from(meetings).where(and(eq(meetings.reportId, ines.personId), eq(meetings.status, "scheduled")));
    const { written, outcome } = await writtenBeforeTheTurn({ managerId: maya.personId, reportId: ines.personId }, () =>
      changeMeeting(db, maya, m!.id, { kind: "hold" }, { version: m!.version }),
    );
    expect(written).toEqual([]);
    expect(outcome).toMatchObject({ id: m!.id, status: "held" });
  });

  it("“Talk in our next 1:1” waits for the pair's turn before it writes the signal", async () => {
    const maya = await viewerFor(db, "maya@acme.example");
    const jonah = await viewerFor(db, "jonah@acme.example");
    const sig = await raiseSignal(db, jonah, { message: "", includeSkipLevel: false, includeHr: false });
    const { written, outcome } = await writtenBeforeTheTurn({ managerId: maya.personId, reportId: jonah.personId }, () =>
      acknowledgeSignal(db, maya, sig.id, { nextStep: MANAGER_NEXT_STEP }),
    );
    expect(written).toEqual([]);
    expect(outcome).toMatchObject({ id: sig.id, status: "acknowledged", onAgendaOf: { meetingId: expect.any(String) } });
  });
});
