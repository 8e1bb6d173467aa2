/**
 * radar_facts is kept by triggers (migration 0002). These tests hold what the
 * radar reads from it to the radar's earlier live computation (nine probes
 * into the history tables per person, written out again below as the oracle)
 * after every kind of write to every table a fact comes from, in bulk too,
 * and check that two writers touching one person at once both count.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rows, type Db } from "@/db/client";
import { toAppError } from "@/lib/errors";
import { loadRadarRows } from "@/lib/radar";
import { transactionWithRetry, type Tx } from "@/lib/transaction";
import { onPostgres, setupTestDb, teardownTestDb } from "../helpers/db";
import { personId, viewerFor } from "../helpers/viewers";
import { createLearning, updateLearning } from "@/lib/plan/learning";
import { learningPatch } from "@/lib/plan/schemas";

let db: Db;
let orgId: string;
let eli: string;
let maya: string;
let omar: string;
beforeAll(async () => {
  db = await setupTestDb({ demo: true });
  eli = await personId(db, "eli@acme.example");
  maya = await personId(db, "maya@acme.example");
  omar = await personId(db, "omar@acme.example");
  orgId = rows<{ org_id: string }>(await db.execute(sql`SELECT org_id FROM memberships WHERE id = ${eli}`))[0]!.org_id;
});
afterAll(teardownTestDb);

type Live = {
  id: string;
  role_since: string;
  active_goals: number;
  titles: string[] | null;
  rotation: string | null;
  last_held: string | null;
  next: string | null;
  rust: number[] | null;
  stuck_any: string | null;
  stuck_skip: string | null;
  stuck_hr: string | null;
  learning: string | null;
  unused: string[] | null;
};

/** The radar's facts computed from the history tables, as the radar did before radar_facts existed. */
async function liveFacts(now: Date): Promise<Map<string, Live>> {
  const today = now.toISOString().slice(0, 10);
  const found = rows<Live>(
    await db.execute(sql`
      SELECT m.id,
             coalesce((SELECT max(e.effective_on) FROM role_events e WHERE e.person_id = m.id AND e.effective_on <= ${today}::date),
                      m.created_at::date)::text AS role_since,
             (SELECT count(*) FROM stretch_goals g WHERE g.person_id = m.id AND g.status = 'active')::int AS active_goals,
             (SELECT array_agg(g.title ORDER BY g.created_at, g.id) FROM stretch_goals g WHERE g.person_id = m.id AND g.status = 'active') AS titles,
             (SELECT r.host FROM rotations r WHERE r.person_id = m.id AND r.status = 'active' ORDER BY r.start_on DESC, r.id LIMIT 1) AS rotation,
             (SELECT max(mt.scheduled_at) FROM meetings mt WHERE mt.report_id = m.id AND mt.manager_id = m.manager_id AND mt.status = 'held')::text AS last_held,
             (SELECT min(mt.scheduled_at) FROM meetings mt WHERE mt.report_id = m.id AND mt.manager_id = m.manager_id AND mt.status = 'scheduled'
                 -- Not overdue: 12 hours of grace, as the 1:1 pages count "next" (a 1:1 half an hour ago not yet marked held).
                 AND mt.scheduled_at >= ${new Date(now.getTime() - 12 * 3_600_000).toISOString()}::timestamptz)::text AS next,
             (SELECT array_agg(x.rust ORDER BY x.week_start DESC) FROM (
                SELECT pc.week_start, (6 - (pc.motivation + pc.skills_used + pc.variety + pc.purpose + pc.initiative) / 5.0)::float8 AS rust
                  FROM pulse_checkins pc WHERE pc.person_id = m.id ORDER BY pc.week_start DESC LIMIT 3) x) AS rust,
             (SELECT min(s.created_at) FROM stuck_signals s WHERE s.person_id = m.id AND s.status = 'open')::text AS stuck_any,
             (SELECT min(s.created_at) FROM stuck_signals s WHERE s.person_id = m.id AND s.status = 'open' AND s.include_skip_level)::text AS stuck_skip,
             (SELECT min(s.created_at) FROM stuck_signals s WHERE s.person_id = m.id AND s.status = 'open' AND s.include_hr)::text AS stuck_hr,
             -- Learning under way or done, as of its last write: no planned item, no date (one ahead would count early).
             (SELECT max(l.status_changed_at) FROM learning_items l WHERE l.person_id = m.id AND l.status <> 'planned')::text AS learning,
             (SELECT array_agg(k.name ORDER BY k.name) FROM skills k WHERE k.person_id = m.id AND k.status = 'unused') AS unused
        FROM memberships m WHERE m.org_id = ${orgId} AND m.deactivated_at IS NULL`),
  );
  return new Map(found.map((r) => [r.id, r]));
}

const time = (v: string | Date | null) => (v === null ? null : new Date(v).getTime());

/** Every person of the org: what the radar reads equals the live computation. Returns how many people were compared. */
async function expectRadarMatchesHistory(now = new Date()): Promise<number> {
  const [radar, live] = await Promise.all([loadRadarRows(db, orgId, { kind: "org", limit: 10_000, offset: 0 }, now), liveFacts(now)]);
  expect(radar.map((r) => r.id).sort()).toEqual([...live.keys()].sort());
  for (const r of radar) {
    const l = live.get(r.id)!;
    const f = r.facts;
    expect(
      {
        name: r.name,
        roleSince: f.roleSince,
        activeGoals: f.activeGoals,
        titles: r.activeGoalTitles,
        rotation: f.activeRotation,
        lastHeld: time(f.lastOneOnOne),
        next: time(r.nextOneOnOne),
        rust: f.pulseRust.map((x) => Math.round(x * 1000) / 1000),
        stuckAny: time(f.oldestOpenStuck),
        stuckSkip: time(r.oldestOpenStuckForSkip),
        stuckHr: time(r.oldestOpenStuckForHr),
        learning: time(f.lastLearning),
        unused: f.unusedSkills,
      },
      `radar facts of ${r.name}`,
    ).toEqual({
      name: r.name,
      roleSince: l.role_since,
      activeGoals: l.active_goals,
      titles: l.titles ?? [],
      rotation: l.rotation,
      lastHeld: time(l.last_held),
      next: time(l.next),
      rust: (l.rust ?? []).map((x) => Math.round(Number(x) * 1000) / 1000),
      stuckAny: time(l.stuck_any),
      stuckSkip: time(l.stuck_skip),
      stuckHr: time(l.stuck_hr),
      learning: time(l.learning),
      unused: l.unused ?? [],
    });
  }
  return radar.length;
}

const insertGoal = (person: string, title: string) =>
  sql`INSERT INTO stretch_goals (org_id, person_id, title, category, status) VALUES (${orgId}, ${person}, ${title}, 'new_tool', 'active')`;

/**
 * Two writers, each in its own transaction, that take one person's facts row
 * (A: Eli, B: Omar) and then reach for the other's: PostgreSQL sees a deadlock.
 * `run` is db.transaction or transactionWithRetry; `runs` counts each writer's attempts.
 */
function crossingWriters(run: (fn: (tx: Tx) => Promise<void>) => Promise<void>, prefix: string) {
  let aHolds!: () => void;
  let bHolds!: () => void;
  const aHeld = new Promise<void>((r) => (aHolds = r));
  const bHeld = new Promise<void>((r) => (bHolds = r));
  const runs = { a: 0, b: 0 };
  const a = run(async (tx) => {
    runs.a++;
    await tx.execute(insertGoal(eli, `${prefix} A1`));
    aHolds();
    await bHeld;
    await tx.execute(insertGoal(omar, `${prefix} A2`));
  });
  const b = run(async (tx) => {
    runs.b++;
    await tx.execute(insertGoal(omar, `${prefix} B1`));
    bHolds();
    await aHeld;
    await tx.execute(insertGoal(eli, `${prefix} B2`));
  });
  const titles = async () =>
    rows<{ title: string }>(await db.execute(sql`SELECT title FROM stretch_goals WHERE title LIKE ${`${prefix} %`} ORDER BY title`)).map((r) => r.title);
  return { writers: [a, b], runs, titles };
}

async function factsOf(person: string) {
  return rows<{ active_goals: number; active_goal_titles: string[] | null; last_held_at: string | null }>(
    await db.execute(sql`SELECT active_goals, active_goal_titles, last_held_at::text FROM radar_facts WHERE person_id = ${person}`),
  )[0];
}

describe("radar facts kept by the database", () => {
  it("match the history on the demo data as seeded", async () => {
    expect(await expectRadarMatchesHistory()).toBeGreaterThan(10);
  });

  it("follow inserts, updates and deletes on every table a fact comes from", async () => {
    const steps: [string, () => Promise<unknown>][] = [
      ["a new role event", () => db.execute(sql`INSERT INTO role_events (org_id, person_id, type, effective_on) VALUES (${orgId}, ${eli}, 'scope_change', current_date - 3)`)],
      ["an active stretch goal", () => db.execute(sql`INSERT INTO stretch_goals (org_id, person_id, title, category, status) VALUES (${orgId}, ${eli}, 'Lead the outage review', 'mentoring', 'active')`)],
      ["a goal finished", () => db.execute(sql`UPDATE stretch_goals SET status = 'done' WHERE person_id = ${eli} AND title = 'Lead the outage review'`)],
      ["a goal deleted", () => db.execute(sql`DELETE FROM stretch_goals WHERE person_id = ${eli} AND title = 'Lead the outage review'`)],
      ["an active rotation", () => db.execute(sql`INSERT INTO rotations (org_id, person_id, host, start_on, status) VALUES (${orgId}, ${eli}, 'Payments', current_date - 10, 'active')`)],
      ["a rotation done", () => db.execute(sql`UPDATE rotations SET status = 'done', ended_on = current_date WHERE person_id = ${eli} AND host = 'Payments'`)],
      ["a 1:1 held", () => db.execute(sql`UPDATE meetings SET status = 'held', held_at = now(), scheduled_at = now() - interval '1 hour' WHERE id = (SELECT id FROM meetings WHERE report_id = ${eli} AND status = 'scheduled' ORDER BY scheduled_at LIMIT 1)`)],
      ["a 1:1 scheduled sooner", () => db.execute(sql`INSERT INTO meetings (org_id, manager_id, report_id, scheduled_at) VALUES (${orgId}, ${maya}, ${eli}, now() + interval '2 hours')`)],
      ["a 1:1 half an hour ago, not yet marked held", () => db.execute(sql`INSERT INTO meetings (org_id, manager_id, report_id, scheduled_at) VALUES (${orgId}, ${maya}, ${eli}, now() - interval '30 minutes')`)],
      ["a 1:1 rescheduled", () => db.execute(sql`UPDATE meetings SET scheduled_at = now() + interval '3 days' WHERE report_id = ${eli} AND status = 'scheduled' AND scheduled_at < now() + interval '1 day'`)],
      ["a 1:1 cancelled", () => db.execute(sql`UPDATE meetings SET status = 'cancelled', cancelled_at = now() WHERE id = (SELECT id FROM meetings WHERE report_id = ${eli} AND status = 'scheduled' AND scheduled_at > now() ORDER BY scheduled_at LIMIT 1)`)],
      ["a held 1:1 deleted", () => db.execute(sql`DELETE FROM meetings WHERE id = (SELECT id FROM meetings WHERE report_id = ${eli} AND status = 'held' ORDER BY scheduled_at DESC LIMIT 1)`)],
      ["a pulse check-in", () => db.execute(sql`INSERT INTO pulse_checkins (org_id, person_id, week_start, motivation, skills_used, variety, purpose, initiative) VALUES (${orgId}, ${eli}, date_trunc('week', now())::date + 7, 5, 5, 4, 5, 5)`)],
      ["a check-in changed", () => db.execute(sql`UPDATE pulse_checkins SET motivation = 1 WHERE person_id = ${eli} AND week_start = date_trunc('week', now())::date + 7`)],
      ["a check-in deleted", () => db.execute(sql`DELETE FROM pulse_checkins WHERE person_id = ${eli} AND week_start = date_trunc('week', now())::date + 7`)],
      ["an “I feel stuck” to HR and skip-level", () => db.execute(sql`INSERT INTO stuck_signals (org_id, person_id, include_skip_level, include_hr, created_at) VALUES (${orgId}, ${eli}, true, true, now() - interval '9 days')`)],
      ["a signal acknowledged", () => db.execute(sql`UPDATE stuck_signals SET status = 'acknowledged', acknowledged_at = now() WHERE person_id = ${eli}`)],
      ["learning", () => db.execute(sql`INSERT INTO learning_items (org_id, person_id, kind, title, status, started_on) VALUES (${orgId}, ${eli}, 'course', 'Rust for SREs', 'in_progress', current_date + 2)`)],
      ["learning deleted", () => db.execute(sql`DELETE FROM learning_items WHERE person_id = ${eli} AND title = 'Rust for SREs'`)],
      ["learning planned years ahead", () => db.execute(sql`INSERT INTO learning_items (org_id, person_id, kind, title, status, started_on) VALUES (${orgId}, ${eli}, 'conference', 'KubeCon 2030', 'planned', current_date + 1200)`)],
      [
        "learning saved done with a finish date ahead, long ago (before the form refused it)",
        () => db.execute(sql`INSERT INTO learning_items (org_id, person_id, kind, title, status, started_on, completed_on, created_at, updated_at)
                            VALUES (${orgId}, ${eli}, 'course', 'Done ahead', 'done', current_date - 400, current_date + 300, now() - interval '400 days', now() - interval '400 days')`),
      ],
      ["planned learning started", () => db.execute(sql`UPDATE learning_items SET status = 'in_progress', started_on = current_date, updated_at = now() WHERE person_id = ${eli} AND title = 'KubeCon 2030'`)],
      ["learning retitled", () => db.execute(sql`UPDATE learning_items SET title = 'KubeCon EU 2030', updated_at = now() + interval '1 hour' WHERE person_id = ${eli} AND title = 'KubeCon 2030'`)],
      ["learning finished", () => db.execute(sql`UPDATE learning_items SET status = 'done', completed_on = current_date WHERE person_id = ${eli} AND title = 'KubeCon EU 2030'`)],
      ["an unused skill", () => db.execute(sql`INSERT INTO skills (org_id, person_id, name, status) VALUES (${orgId}, ${eli}, 'Aardvark wrangling', 'unused')`)],
      ["a skill now used", () => db.execute(sql`UPDATE skills SET status = 'used' WHERE person_id = ${eli} AND name = 'Aardvark wrangling'`)],
      ["a new manager (last 1:1 is with the current one)", () => db.execute(sql`UPDATE memberships SET manager_id = ${omar} WHERE id = ${eli}`)],
      ["back to the old manager", () => db.execute(sql`UPDATE memberships SET manager_id = ${maya} WHERE id = ${eli}`)],
      ["a goal moved to someone else", () => db.execute(sql`UPDATE stretch_goals SET person_id = ${omar} WHERE id = (SELECT id FROM stretch_goals WHERE person_id = ${eli} AND status = 'active' LIMIT 1)`)],
      [
        "a bulk insert: a check-in for everyone in one statement",
        () => db.execute(sql`INSERT INTO pulse_checkins (org_id, person_id, week_start, motivation, skills_used, variety, purpose, initiative)
                            SELECT org_id, id, date_trunc('week', now())::date + 14, 2, 3, 2, 3, 2 FROM memberships WHERE org_id = ${orgId}`),
      ],
    ];
    const hourAgo = new Date(Date.now() - 3_600_000);
    const weekAgo = new Date(Date.now() - 7 * 86_400_000);
    const inAWeek = new Date(Date.now() + 7 * 86_400_000);
    for (const [name, write] of steps) {
      await write();
      await expect(expectRadarMatchesHistory(), `after ${name}`).resolves.toBeGreaterThan(10);
      // Instants before the rows were refreshed, and one well after.
      await expect(expectRadarMatchesHistory(hourAgo), `an hour ago, after ${name}`).resolves.toBeGreaterThan(10);
      await expect(expectRadarMatchesHistory(weekAgo), `a week ago, after ${name}`).resolves.toBeGreaterThan(10);
      await expect(expectRadarMatchesHistory(inAWeek), `in a week, after ${name}`).resolves.toBeGreaterThan(10);
    }
  });

  it("give a newcomer a facts row, and drop it with the person", async () => {
    const [u] = rows<{ id: string }>(await db.execute(sql`INSERT INTO users (email, name) VALUES ('newcomer@acme.example', 'Nia Newcomer') RETURNING id`));
    const [m] = rows<{ id: string }>(
      await db.execute(sql`INSERT INTO memberships (org_id, user_id, title, manager_id) VALUES (${orgId}, ${u!.id}, 'Engineer', ${maya}) RETURNING id`),
    );
    expect(await factsOf(m!.id)).toMatchObject({ active_goals: 0, active_goal_titles: null, last_held_at: null });
    await expectRadarMatchesHistory();
    await db.execute(sql`DELETE FROM memberships WHERE id = ${m!.id}`);
    expect(await factsOf(m!.id)).toBeUndefined();
  });

  it("read a role event dated in the future only once its day has come", async () => {
    const before = (await loadRadarRows(db, orgId, { kind: "people", ids: [eli] }))[0]!.facts.roleSince;
    await db.execute(sql`INSERT INTO role_events (org_id, person_id, type, effective_on) VALUES (${orgId}, ${eli}, 'title_change', current_date + 30)`);
    const soon = new Date(Date.now() + 40 * 86_400_000);
    const future = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    expect((await loadRadarRows(db, orgId, { kind: "people", ids: [eli] }))[0]!.facts.roleSince).toBe(before);
    expect((await loadRadarRows(db, orgId, { kind: "people", ids: [eli] }, soon))[0]!.facts.roleSince).toBe(future);
    await expectRadarMatchesHistory();
    await expectRadarMatchesHistory(soon);
  });

  it("take no learning date ahead: learning only planned counts as none, and a finish date ahead counts as the day it was saved", async () => {
    const [u] = rows<{ id: string }>(await db.execute(sql`INSERT INTO users (email, name) VALUES ('planner@acme.example', 'Pia Planner') RETURNING id`));
    const [m] = rows<{ id: string }>(
      await db.execute(sql`INSERT INTO memberships (org_id, user_id, title, manager_id, created_at) VALUES (${orgId}, ${u!.id}, 'Engineer', ${maya}, now() - interval '2 years') RETURNING id`),
    );
    const pia = m!.id;
    const lastLearning = async (at?: Date) => (await loadRadarRows(db, orgId, { kind: "people", ids: [pia] }, at))[0]!.facts.lastLearning;
    const stored = async () => rows<{ at: string | null }>(await db.execute(sql`SELECT last_learning_at::text AS at FROM radar_facts WHERE person_id = ${pia}`))[0]!.at;
    await db.execute(sql`INSERT INTO learning_items (org_id, person_id, kind, title, status, started_on) VALUES (${orgId}, ${pia}, 'conference', 'KubeCon 2030', 'planned', '2030-01-01')`);
    // It used to be 1 Jan 2030, so the learning gap stayed away until then.
    expect(await stored()).toBeNull();
    expect(await lastLearning()).toBeNull();
    expect(await lastLearning(new Date("2030-02-01T00:00:00Z"))).toBeNull(); // nor once its day has come without a Start

    // Saved done a year ago with a finish date ahead (before the form refused one): as of the day it was saved.
    const savedAt = new Date(Date.now() - 365 * 86_400_000);
    await db.execute(sql`INSERT INTO learning_items (org_id, person_id, kind, title, status, started_on, completed_on, created_at, updated_at)
                         VALUES (${orgId}, ${pia}, 'course', 'Done ahead', 'done', '2025-10-01', '2027-09-01', ${savedAt.toISOString()}::timestamptz, ${savedAt.toISOString()}::timestamptz)`);
    expect(new Date((await stored())!).getTime()).toBe(savedAt.getTime());
    expect((await lastLearning())!.getTime()).toBe(savedAt.getTime());
    await expectRadarMatchesHistory();
    await db.execute(sql`DELETE FROM users WHERE id = ${u!.id}`);
  });

  it("count learning when it is recorded, started or finished, not when its words are edited", async () => {
    const eliViewer = await viewerFor(db, "eli@acme.example");
    const [u] = rows<{ id: string }>(await db.execute(sql`INSERT INTO users (email, name) VALUES ('lena@acme.example', 'Lena Learner') RETURNING id`));
    const [m] = rows<{ id: string }>(
      await db.execute(sql`INSERT INTO memberships (org_id, user_id, title, manager_id, created_at) VALUES (${orgId}, ${u!.id}, 'Engineer', ${eli}, now() - interval '3 years') RETURNING id`),
    );
    const lena = m!.id;
    const lastLearning = async () => (await loadRadarRows(db, orgId, { kind: "people", ids: [lena] }))[0]!.facts.lastLearning?.getTime() ?? null;
    // A course finished two years ago, recorded then.
    const longAgo = new Date(Date.now() - 730 * 86_400_000);
    const [item] = rows<{ id: string }>(
      await db.execute(sql`INSERT INTO learning_items (org_id, person_id, kind, title, status, started_on, completed_on, created_at, updated_at)
                           VALUES (${orgId}, ${lena}, 'course', 'Kubernetes fundamentls', 'done', current_date - 760, current_date - 730, ${longAgo.toISOString()}::timestamptz, ${longAgo.toISOString()}::timestamptz) RETURNING id`),
    );
    expect(await lastLearning()).toBe(longAgo.getTime());

    // Her manager (Eli, here) fixes the spelling and adds takeaways: no new learning.
    const fixed = await updateLearning(db, eliViewer, item!.id, { version: 1, title: "Kubernetes fundamentals", takeaways: "Operators, probes" });
    expect(fixed.title).toBe("Kubernetes fundamentals");
    expect(await lastLearning()).toBe(longAgo.getTime());
    // A PATCH of the version alone is refused before it reaches the row.
    expect(learningPatch.safeParse({ version: 2 }).success).toBe(false);

    // A new course started is learning, today; so is setting the old one back under way.
    const before = Date.now();
    await createLearning(db, eliViewer, lena, { kind: "course", title: "Rust for SREs", status: "in_progress", takeaways: "" });
    expect(await lastLearning()).toBeGreaterThanOrEqual(before - 1000);
    await db.execute(sql`DELETE FROM learning_items WHERE person_id = ${lena} AND title = 'Rust for SREs'`);
    expect(await lastLearning()).toBe(longAgo.getTime());
    await updateLearning(db, eliViewer, item!.id, { version: 2, status: "in_progress", completedOn: null });
    expect(await lastLearning()).toBeGreaterThanOrEqual(before - 1000);
    await expectRadarMatchesHistory();
    await db.execute(sql`DELETE FROM users WHERE id = ${u!.id}`);
  });

  it.runIf(onPostgres)("count both of two writers who add goals for one person at the same time", async () => {
    const before = (await factsOf(omar))!.active_goals;
    let releaseFirst!: () => void;
    const firstMayCommit = new Promise<void>((r) => (releaseFirst = r));
    let firstWrote!: () => void;
    const firstHasWritten = new Promise<void>((r) => (firstWrote = r));
    const first = db.transaction(async (tx) => {
      await tx.execute(insertGoal(omar, "First writer"));
      firstWrote();
      await firstMayCommit;
    });
    await firstHasWritten;
    // The second writer's statement runs while the first has written but not committed.
    const second = db.transaction(async (tx) => {
      await tx.execute(insertGoal(omar, "Second writer"));
    });
    await new Promise((r) => setTimeout(r, 300));
    releaseFirst();
    await Promise.all([first, second]);
    const after = (await factsOf(omar))!;
    expect(after.active_goals).toBe(before + 2);
    expect(after.active_goal_titles).toEqual(expect.arrayContaining(["First writer", "Second writer"]));
    await expectRadarMatchesHistory();
  });

  it.runIf(onPostgres)("turn a deadlock between two writers into a 409 that asks to try again, with nothing half-saved", async () => {
    const { writers, titles } = crossingWriters((fn) => db.transaction(fn), "Deadlock");
    const results = await Promise.allSettled(writers);
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(failed).toHaveLength(1);
    const e = toAppError(failed[0]!.reason);
    expect(e.status).toBe(409);
    expect(e.message).toMatch(/try again/);
    expect([["Deadlock A1", "Deadlock A2"], ["Deadlock B1", "Deadlock B2"]]).toContainEqual(await titles());
    await expectRadarMatchesHistory();
  });

  it.runIf(onPostgres)("run a deadlocked transaction again through transactionWithRetry, so both writers' changes land", async () => {
    const { writers, runs, titles } = crossingWriters((fn) => transactionWithRetry(db, fn), "Retried");
    await Promise.all(writers);
    expect(runs.a + runs.b).toBe(3); // one of them deadlocked once and ran again
    expect(await titles()).toEqual(["Retried A1", "Retried A2", "Retried B1", "Retried B2"]);
    await expectRadarMatchesHistory();
  });

  it("never runs a transaction again for an error that is not a deadlock", async () => {
    let runs = 0;
    await expect(
      transactionWithRetry(db, async (tx) => {
        runs++;
        await tx.execute(sql`INSERT INTO stretch_goals (org_id, person_id, title, category, status) VALUES (${orgId}, ${eli}, 'Bad', 'not_a_category', 'active')`);
      }),
    ).rejects.toThrow();
    expect(runs).toBe(1);
  });
});
