/**
 * A list of "I feel stuck" signals never ends silently: at most SIGNALS_SHOWN
 * are listed, every open one first, and the page and the API say when there
 * are more (it used to stop at 200 without a word).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { listVisibleSignalsPage, SIGNALS_SHOWN } from "@/lib/stuck/signals";
import { setupTestDb, teardownTestDb } from "../helpers/db";
import { viewerFor } from "../helpers/viewers";

let db: Db;
beforeAll(async () => {
  db = await setupTestDb({ demo: true });
});
afterAll(teardownTestDb);

describe("the list of signals an admin hears about", () => {
  it("lists SIGNALS_SHOWN of them, the open ones first, and says there are more", async () => {
    const ada = await viewerFor(db, "ada@acme.example");
    const before = await listVisibleSignalsPage(db, ada, { includeOwn: false, audit: false });
    expect(before.more).toBe(false);
    // 210 people who told HR: 10 of them still waiting, the others acknowledged long ago.
    const n = SIGNALS_SHOWN + 10;
    await db.execute(sql`
      WITH u AS (
        INSERT INTO users (email, name, password_hash)
        SELECT 'many' || i || '@acme.example', 'Many ' || i, NULL FROM generate_series(1, ${n}) i
        RETURNING id, name
      ), m AS (
        INSERT INTO memberships (org_id, user_id, role, title, team)
        SELECT ${ada.orgId}, u.id, 'member', 'Engineer', 'Many' FROM u
        RETURNING id, user_id
      )
      INSERT INTO stuck_signals (org_id, person_id, message, include_skip_level, include_hr, status, created_at, acknowledged_at, next_step)
      SELECT ${ada.orgId}, m.id, '', false, true,
             (CASE WHEN u.name IN (SELECT 'Many ' || i FROM generate_series(1, 10) i) THEN 'open' ELSE 'acknowledged' END)::stuck_status,
             now() - interval '300 days' + (row_number() OVER (ORDER BY u.name)) * interval '1 hour',
             CASE WHEN u.name IN (SELECT 'Many ' || i FROM generate_series(1, 10) i) THEN NULL ELSE now() END,
             CASE WHEN u.name IN (SELECT 'Many ' || i FROM generate_series(1, 10) i) THEN NULL ELSE 'Talk in our next 1:1' END
        FROM m JOIN u ON u.id = m.user_id`);
    const page = await listVisibleSignalsPage(db, ada, { includeOwn: false, audit: false });
    expect(page.items).toHaveLength(SIGNALS_SHOWN);
    expect(page.more).toBe(true);
    const open = page.items.filter((s) => s.status === "open");
    expect(open.length).toBeGreaterThanOrEqual(10);
    // Every open one comes before any other.
    expect(page.items.slice(0, open.length).every((s) => s.status === "open")).toBe(true);
  });
});

describe("one's own signals", () => {
  it("are only one's own, also for a manager whose reports have signals", async () => {
    const maya = await viewerFor(db, "maya@acme.example");
    const all = await listVisibleSignalsPage(db, maya, { audit: false });
    expect(all.items.some((s) => s.personId !== maya.personId)).toBe(true);
    const own = await listVisibleSignalsPage(db, maya, { personId: maya.personId, audit: false });
    expect(own.items.every((s) => s.personId === maya.personId)).toBe(true);
    expect(own.items.map((s) => s.id)).toEqual(all.items.filter((s) => s.personId === maya.personId).map((s) => s.id));
  });
});
