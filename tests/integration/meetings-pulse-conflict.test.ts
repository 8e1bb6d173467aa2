import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb, type Db } from "@/db/client";
import { meetings, notes } from "@/db/schema";
import { createNote, updateNote } from "@/lib/meetings/notes";
import { pulseTrend, submitPulse } from "@/lib/pulse/checkins";
import { answeredWeekOf, isoWeekStart, weekStartOfDay } from "@/lib/pulse/week";
import { onPostgres, setupTestDb, teardownTestDb } from "../helpers/db";
import { personId, viewerFor } from "../helpers/viewers";

let db: Db;
beforeAll(async () => {
  db = await setupTestDb({ demo: true });
});
afterAll(teardownTestDb);

const answers = { motivation: 4, skillsUsed: 3, variety: 2, purpose: 5, initiative: 1, comment: "ok week" };

describe("weekly pulse", () => {
  it("takes one check-in per ISO week and refuses a second with 409", async () => {
    const hiro = await viewerFor(db, "hiro@acme.example");
    const monday = new Date("2027-03-01T08:00:00Z");
    const sunday = new Date("2027-03-07T23:30:00Z");
    const nextMonday = new Date("2027-03-08T00:10:00Z");
    const first = await submitPulse(db, hiro, hiro.personId, answers, monday);
    expect(first.weekStart).toBe("2027-03-01");
    expect(first.rust).toBe(3); // 6 − average 3
    await expect(submitPulse(db, hiro, hiro.personId, answers, sunday)).rejects.toMatchObject({ status: 409 });
    const next = await submitPulse(db, hiro, hiro.personId, { ...answers, motivation: 5 }, nextMonday);
    expect(next.weekStart).toBe("2027-03-08");
    const trend = await pulseTrend(db, hiro, hiro.personId);
    expect(trend.filter((p) => p.weekStart >= "2027-03-01").map((p) => p.weekStart)).toEqual(["2027-03-01", "2027-03-08"]);
  });

  it("only the employee writes it; the manager reads it; nobody else sees it", async () => {
    const hiro = await personId(db, "hiro@acme.example");
    const maya = await viewerFor(db, "maya@acme.example");
    await expect(submitPulse(db, maya, hiro, answers)).rejects.toMatchObject({ status: 403 });
    expect((await pulseTrend(db, maya, hiro)).length).toBeGreaterThan(0);
    for (const email of ["dana@acme.example", "ada@acme.example", "omar@acme.example", "gina@globex.example"]) {
      const v = await viewerFor(db, email);
      await expect(pulseTrend(db, v, hiro)).rejects.toMatchObject({ status: 404 });
      await expect(submitPulse(db, v, hiro, answers)).rejects.toMatchObject({ status: 404 });
    }
  });

  it("computes ISO week starts in UTC, and of a calendar day", () => {
    expect(isoWeekStart(new Date("2026-11-29T12:00:00Z"))).toBe("2026-11-23"); // a Sunday
    expect(isoWeekStart(new Date("2026-11-30T00:00:00Z"))).toBe("2026-11-30"); // a Monday
    expect(weekStartOfDay("2027-01-03")).toBe("2026-12-28"); // a Sunday, across a year
    expect(weekStartOfDay("2024-03-04")).toBe("2024-03-04"); // a Monday after a leap day
    expect(answeredWeekOf(["2026-11-23"], "2026-11-29")).toBe(true);
    expect(answeredWeekOf(["2026-11-23"], "2026-11-30")).toBe(false);
  });

  it("counts an answer for the person's own week: their Monday, not UTC's", async () => {
    const ines = await viewerFor(db, "ines@acme.example");
    // Sunday 22:00 UTC is Monday 10:00 in Auckland: a new week there.
    const aucklandMonday = await submitPulse(db, ines, ines.personId, { ...answers, today: "2027-05-10" }, new Date("2027-05-09T22:00:00Z"));
    expect(aucklandMonday.weekStart).toBe("2027-05-10");
    // Monday 03:00 UTC is still Sunday evening in Los Angeles: that week's pulse is the one above, so this is a second answer.
    await expect(submitPulse(db, ines, ines.personId, { ...answers, today: "2027-05-16" }, new Date("2027-05-17T03:00:00Z"))).rejects.toMatchObject({ status: 409 });
    // A day further off than a time zone can be is not believed: UTC's week is used.
    const claimed = await submitPulse(db, ines, ines.personId, { ...answers, today: "2027-06-30" }, new Date("2027-05-19T12:00:00Z"));
    expect(claimed.weekStart).toBe("2027-05-17");
  });
});

describe("note conflicts", () => {
  it("refuses a save from a stale version with the current text", async () => {
    const maya = await viewerFor(db, "maya@acme.example");
    const jonahV = await viewerFor(db, "jonah@acme.example");
    const [m] = await db.select().from(meetings).where(and(eq(meetings.reportId, jonahV.personId), eq(meetings.status, "scheduled")));
    const n = await createNote(db, maya, m!.id, { visibility: "shared", body: "v1" });
    const a = await updateNote(db, jonahV, n.id, { body: "Jonah's text", version: n.version });
    expect(a.version).toBe(n.version + 1);
    await expect(updateNote(db, maya, n.id, { body: "Maya's text", version: n.version })).rejects.toMatchObject({
      status: 409,
      extra: { current: { body: "Jonah's text", version: a.version } },
    });
    // The editor's "create if none" path also answers 409 instead of a duplicate note.
    await expect(createNote(db, maya, m!.id, { visibility: "shared", body: "dup", onlyIfNone: true })).rejects.toMatchObject({ status: 409 });
  });

  it.runIf(onPostgres)("two concurrent saves from the same version: exactly one wins (real PostgreSQL)", async () => {
    const maya = await viewerFor(db, "maya@acme.example");
    const inesV = await viewerFor(db, "ines@acme.example");
    const [m] = await db.select().from(meetings).where(and(eq(meetings.reportId, inesV.personId), eq(meetings.status, "scheduled")));
    const n = await createNote(db, maya, m!.id, { visibility: "shared", body: "start" });
    const pool = await getDb();
    for (let round = 0; round < 5; round++) {
      const [cur] = await db.select().from(notes).where(eq(notes.id, n.id));
      const results = await Promise.allSettled([
        updateNote(pool, maya, n.id, { body: `maya ${round}`, version: cur!.version }),
        updateNote(pool, inesV, n.id, { body: `ines ${round}`, version: cur!.version }),
        updateNote(pool, maya, n.id, { body: `maya again ${round}`, version: cur!.version }),
      ]);
      const won = results.filter((r) => r.status === "fulfilled");
      const lost = results.filter((r) => r.status === "rejected");
      expect(won).toHaveLength(1);
      expect(lost.every((r) => (r as PromiseRejectedResult).reason.status === 409)).toBe(true);
      const [after] = await db.select().from(notes).where(eq(notes.id, n.id));
      expect(after!.version).toBe(cur!.version + 1);
      expect(after!.body).toBe((won[0] as PromiseFulfilledResult<{ body: string }>).value.body);
    }
  });
});
