/**
 * The demo data obeys the rules the app keeps: nothing is left open on a
 * held or cancelled 1:1 (carry-over moves it to the next one), so a newcomer's
 * first "mark held" does not sweep two years of stale talking points along.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rows, type Db } from "@/db/client";
import { setupTestDb, teardownTestDb } from "../helpers/db";

let db: Db;
beforeAll(async () => {
  db = await setupTestDb({ demo: true });
});
afterAll(teardownTestDb);

describe("demo data", () => {
  it("leaves no open talking point or action item on a held or cancelled 1:1; what was carried says where from", async () => {
    const open = rows<{ kind: string; n: number }>(
      await db.execute(sql`
        SELECT 'agenda' AS kind, count(*)::int AS n FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id WHERE m.status <> 'scheduled' AND NOT a.done
        UNION ALL
        SELECT 'action', count(*)::int FROM action_items x JOIN meetings m ON m.id = x.meeting_id WHERE m.status <> 'scheduled' AND x.done_at IS NULL`),
    );
    expect(open).toEqual([
      { kind: "agenda", n: 0 },
      { kind: "action", n: 0 },
    ]);
    // Eli's overdue action item from his last 1:1 is on the upcoming one, carried from a held 1:1 of the pair.
    const [carried] = rows<{ status: string; from_status: string; same_pair: boolean }>(
      await db.execute(sql`
        SELECT m.status, f.status AS from_status, (f.report_id = m.report_id AND f.manager_id = m.manager_id) AS same_pair
          FROM action_items x JOIN meetings m ON m.id = x.meeting_id JOIN meetings f ON f.id = x.carried_from_meeting_id
         WHERE x.body LIKE 'Write up the on-call tooling proposal%'`),
    );
    expect(carried).toEqual({ status: "scheduled", from_status: "held", same_pair: true });
  });

  it("records with every pulse check-in the team it was given from, as submitPulse does", async () => {
    // Nobody in the demo changed team during its 12 weeks of pulses: the team then is the team now.
    const [c] = rows<{ total: number; elsewhere: number }>(
      await db.execute(sql`
        SELECT count(*)::int AS total, count(*) FILTER (WHERE p.team IS DISTINCT FROM m.team)::int AS elsewhere
          FROM pulse_checkins p JOIN memberships m ON m.id = p.person_id`),
    );
    expect(c!.total).toBeGreaterThan(100);
    expect(c!.elsewhere).toBe(0);
  });
});
