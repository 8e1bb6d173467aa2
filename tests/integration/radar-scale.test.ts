import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { radarForOrg, orgAggregates } from "@/lib/radar/org";
import { applyImport } from "@/lib/people/csv-import";
import { onPostgres, setupTestDb, teardownTestDb } from "../helpers/db";
import { viewerFor } from "../helpers/viewers";

let db: Db;
beforeAll(async () => {
  db = await setupTestDb({ demo: true });
});
afterAll(teardownTestDb);

describe("the org radar at 10,000 people", () => {
  it.runIf(onPostgres)("serves a page and the team aggregates at 10,000 people", async () => {
    const ada = await viewerFor(db, "ada@acme.example");
    // 10,000 people in 40 teams, each with a role event, and last week's pulse for some (this week's is not in the org pulse yet).
    await db.execute(sql`
      WITH u AS (
        INSERT INTO users (email, name) SELECT 'p' || g || '@scale.example', 'Person ' || lpad(g::text, 5, '0') FROM generate_series(1, 10000) g RETURNING id, name
      ), m AS (
        INSERT INTO memberships (org_id, user_id, title, team, manager_id)
        SELECT ${ada.orgId}, u.id, 'Engineer', 'Team ' || (substr(u.name, 8)::int % 40), ${ada.personId} FROM u RETURNING id, team
      ), e AS (
        INSERT INTO role_events (org_id, person_id, type, effective_on)
        SELECT ${ada.orgId}, m.id, 'promotion', (current_date - (random() * 1500)::int) FROM m RETURNING person_id
      )
      INSERT INTO pulse_checkins (org_id, person_id, week_start, team, motivation, skills_used, variety, purpose, initiative)
      -- Two weeks back: in the org pulse's window on any day (a Monday's still waits for last week's late answers).
      SELECT ${ada.orgId}, e.person_id, date_trunc('week', current_date)::date - 14, m.team, 3, 3, 3, 3, 3
        FROM e JOIN m ON m.id = e.person_id WHERE random() < 0.5`);
    await db.execute(sql`ANALYZE`);
    const t0 = performance.now();
    const page = await radarForOrg(db, ada, { page: 120, pageSize: 50 });
    const t1 = performance.now();
    const agg = await orgAggregates(db, ada);
    const t2 = performance.now();
    expect(page.people).toHaveLength(50);
    expect(page.total).toBeGreaterThan(10_000);
    expect(agg.teams.length).toBeGreaterThanOrEqual(40);
    expect(agg.total.people).toBe(page.total);
    expect(agg.pulse.teams.filter((t) => t.pulse).length).toBeGreaterThanOrEqual(40);
    expect(agg.pulse.total.pulse?.responses).toBeGreaterThan(4000);
    console.log(`[scale] radar page ${Math.round(t1 - t0)} ms, aggregates ${Math.round(t2 - t1)} ms`);
    // How fast is for `npm run bench` to say (tests/bench); here, only that it works at this size.
  });

  it.runIf(onPostgres)("imports a 3,000-row HRIS file in one transaction, and re-imports it as a no-op", async () => {
    const ada = await viewerFor(db, "ada@acme.example");
    const lines = ["email,name,title,team,manager email,role start date"];
    for (let i = 0; i < 3000; i++) {
      const mgr = i < 10 ? "dana@acme.example" : `h${Math.floor(i / 10) - 1}@hris.example`;
      lines.push(`h${i}@hris.example,Hris ${i},Engineer,Unit ${i % 25},${mgr},2024-0${(i % 9) + 1}-15`);
    }
    const csv = lines.join("\r\n");
    const t0 = performance.now();
    const first = await applyImport(db, ada, csv);
    const t1 = performance.now();
    expect(first.counts.create).toBe(3000);
    expect(first.roleEventsAdded).toBe(3000);
    const again = await applyImport(db, ada, csv);
    expect(again.counts.unchanged).toBe(3000);
    expect(again.roleEventsAdded).toBe(0);
    console.log(`[scale] CSV import of 3,000 rows ${Math.round(t1 - t0)} ms`);
  });
});
