/**
 * `npm run db:synth` on a small organization (PostgreSQL only: the synth is
 * PostgreSQL SQL, never run on the embedded database): the shape of the data,
 * the radar having real work, and determinism.
 */
import postgres from "postgres";
import { z } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { findSynthAccounts } from "@/db/synth/accounts";
import { synthesize } from "@/db/synth/run";
import { computeFlags, getRadarSettings, loadRadarRows, monthsInRole } from "@/lib/radar";
import { onPostgres, setupTestDb, teardownTestDb } from "../helpers/db";

const NOW = new Date("2026-06-15T09:00:00Z");
let db: Db;
let sql: postgres.Sql;

const checksum = async () => {
  const [r] = await sql<{ m: string; n: string; p: string }[]>`
    SELECT (SELECT md5(string_agg(id::text || scheduled_at::text || status, ',' ORDER BY id)) FROM meetings) AS m,
           (SELECT md5(string_agg(id::text || body, ',' ORDER BY id)) FROM notes) AS n,
           (SELECT md5(string_agg(id::text || motivation, ',' ORDER BY id)) FROM pulse_checkins) AS p`;
  return r!;
};

describe.runIf(onPostgres)("db:synth", () => {
  beforeAll(async () => {
    db = await setupTestDb();
    sql = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    await synthesize(sql, { people: 300, seed: 42, now: NOW });
  }, 120_000);
  afterAll(async () => {
    await sql?.end({ timeout: 5 });
    await teardownTestDb();
  });

  it("builds one reporting tree with two years of 1:1s, notes, pulses and accounts to sign in with", async () => {
    const [c] = await sql<Record<string, number>[]>`
      SELECT (SELECT count(*) FROM memberships)::int AS people,
             (SELECT count(*) FROM memberships WHERE manager_id IS NULL)::int AS roots,
             (SELECT count(*) FROM meetings)::int AS meetings,
             (SELECT count(*) FROM meetings WHERE status = 'held')::int AS held,
             (SELECT count(*) FROM notes WHERE visibility = 'shared')::int AS shared,
             (SELECT count(*) FROM notes n JOIN meetings m ON m.id = n.meeting_id WHERE n.visibility = 'private' AND n.author_id <> m.manager_id)::int AS foreign_private,
             (SELECT count(*) FROM meetings WHERE scheduled_at < ${NOW.toISOString()}::timestamptz - interval '731 days')::int AS too_old,
             (SELECT count(*) FROM meetings m JOIN memberships r ON r.id = m.report_id WHERE m.manager_id IS DISTINCT FROM r.manager_id)::int AS wrong_pair,
             (SELECT count(*) FROM pulse_checkins)::int AS pulses,
             (SELECT count(*) FROM pulse_checkins p JOIN memberships m ON m.id = p.person_id WHERE p.team IS DISTINCT FROM m.team)::int AS pulse_elsewhere,
             (SELECT count(DISTINCT org_id) FROM meetings)::int AS orgs`;
    // The synth never moves anyone between teams, so every answer was given from the person's team.
    expect(c).toMatchObject({ people: 300, roots: 1, foreign_private: 0, too_old: 0, wrong_pair: 0, orgs: 1, pulse_elsewhere: 0 });
    expect(c!.shared).toBe(c!.held);
    expect(c!.meetings! / 299).toBeGreaterThan(20); // weekly or biweekly for up to two years
    expect(c!.meetings! / 299).toBeLessThan(110);
    expect(c!.pulses! / 300).toBeGreaterThan(20);

    const a = await findSynthAccounts(sql);
    expect(a.manager.detail).toBe("manager of 8 direct reports");
    expect(a.meetings).toBeGreaterThan(20);
    const [pw] = await sql<{ n: number }[]>`SELECT count(DISTINCT password_hash)::int AS n FROM users`;
    expect(pw!.n).toBe(1);
  });

  it("gives the radar real work: time in role from 1 to 60 months and every kind of flag", async () => {
    const [org] = await sql<{ id: string }[]>`SELECT id FROM organizations WHERE slug = 'synth'`;
    const rows = await loadRadarRows(db, org!.id, { kind: "org", limit: 1000, offset: 0 }, NOW);
    const settings = await getRadarSettings(db, org!.id);
    const months = rows.map((r) => monthsInRole(r.facts, NOW));
    expect(Math.min(...months)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...months)).toBeLessThanOrEqual(60);
    expect(months.filter((m) => m >= 24).length / rows.length).toBeGreaterThan(0.15);
    expect(months.filter((m) => m < 12).length / rows.length).toBeGreaterThan(0.15);
    const codes = new Set(rows.flatMap((r) => computeFlags(r.facts, settings, NOW).map((f) => f.code)));
    for (const code of ["role_stale", "no_stretch", "one_on_one_overdue", "learning_gap", "skills_unused"]) expect(codes).toContain(code);
  });

  it("leaves every person's radar facts computed, though its triggers stood aside during the bulk inserts", async () => {
    const [c] = await sql<{ people: number; facts: number; wrong: number }[]>`
      SELECT (SELECT count(*) FROM memberships)::int AS people,
             (SELECT count(*) FROM radar_facts)::int AS facts,
             (SELECT count(*) FROM memberships m JOIN radar_facts f ON f.person_id = m.id
               WHERE f.active_goals <> (SELECT count(*) FROM stretch_goals g WHERE g.person_id = m.id AND g.status = 'active')
                  OR f.role_latest IS DISTINCT FROM (SELECT max(e.effective_on) FROM role_events e WHERE e.person_id = m.id)
                  OR f.last_held_at IS DISTINCT FROM (SELECT max(mt.scheduled_at) FROM meetings mt
                                                       WHERE mt.report_id = m.id AND mt.manager_id = m.manager_id AND mt.status = 'held')
                  OR f.pulse_latest_week IS DISTINCT FROM (SELECT max(p.week_start) FROM pulse_checkins p WHERE p.person_id = m.id))::int AS wrong`;
    expect(c).toEqual({ people: 300, facts: 300, wrong: 0 });
  });

  it("makes ids the app's forms accept (version-4 shaped, as gen_random_uuid's), so its people can be picked and edited", async () => {
    const ids = await sql<{ id: string }[]>`
      SELECT id::text FROM memberships UNION ALL SELECT id::text FROM meetings LIMIT 2000`;
    expect(ids.length).toBeGreaterThan(300);
    const bad = ids.filter((r) => !z.uuid().safeParse(r.id).success);
    expect(bad).toEqual([]);
  });

  it("is deterministic: the same seed gives the same rows", async () => {
    const first = await checksum();
    await sql.unsafe("TRUNCATE organizations, users RESTART IDENTITY CASCADE");
    await synthesize(sql, { people: 300, seed: 42, now: NOW });
    expect(await checksum()).toEqual(first);
  }, 120_000);
});
