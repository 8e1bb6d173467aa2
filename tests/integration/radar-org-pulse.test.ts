/**
 * The org pulse cannot be differenced by changing people: it covers a closed
 * window, grouped by the team recorded with each answer, so an admin who moves
 * or deactivates someone and reloads sees the same numbers (QA's hole: move
 * Gus out of Platform, and the change in Platform's average was his answer).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rows, type Db } from "@/db/client";
import { countQueries } from "@/db/query-log";
import { pulseCheckins } from "@/db/schema";
import { isoWeekStart } from "@/lib/pulse/week";
import { submitPulse, type PulseAnswers } from "@/lib/pulse/checkins";
import { changeTitleTeam, deactivateMember } from "@/lib/people/structure";
import { orgAggregates } from "@/lib/radar/org";
import { loadOrgPulse } from "@/lib/radar/org-pulse-query";
import { setupTestDb, teardownTestDb } from "../helpers/db";
import { shownTitleTeam } from "../helpers/people";
import { viewerFor } from "../helpers/viewers";

let db: Db;
beforeAll(async () => {
  db = await setupTestDb({ demo: true });
});
afterAll(teardownTestDb);

const DAY = 86_400_000;
// Weeks well after the demo data's, so only this test's answers fall in the windows below.
const monday = Date.parse(`${isoWeekStart(new Date())}T00:00:00Z`) + 20 * 7 * DAY;
const T = new Date(monday + 2 * DAY + 12 * 3_600_000); // a Wednesday: its window is the four weeks before
const answeredAt = new Date(T.getTime() - 14 * DAY); // inside the window of T and of T + 1 week

const PLATFORM = ["maya", "eli", "fatima", "gus", "hiro", "ines", "jonah"];
const MOBILE = ["omar", "kira", "leo", "mei", "nadia", "pablo"];
// Different answers per person: a group's numbers depend on exactly who is counted in it.
const answersOf = (i: number): PulseAnswers => ({ motivation: 1 + (i % 5), skillsUsed: 1 + ((i * 2) % 5), variety: 3, purpose: 1 + ((i * 3) % 5), initiative: 2 });
const rustOf = (a: PulseAnswers) => 6 - (a.motivation + a.skillsUsed + a.variety + a.purpose + a.initiative) / 5;
const avg = (keys: string[]) => Math.round((keys.reduce((s, k) => s + rustOf(answersOf([...PLATFORM, ...MOBILE].indexOf(k))), 0) / keys.length) * 10) / 10;
const V = (key: string) => viewerFor(db, `${key}@acme.example`);
/** Shown: the groups with an average; every other row (a team with 0–4 answers, or none) looks the same. */
const shown = (teams: { team: string; pulse: unknown; pulseSuppressed: boolean }[]) => teams.filter((t) => t.pulse);
const hidden = (teams: { team: string; pulse: unknown; pulseSuppressed: boolean }[]) => teams.filter((t) => !t.pulse);
const currentTeams = async (orgId: string) =>
  rows<{ team: string }>(await db.execute(sql`SELECT DISTINCT coalesce(nullif(team, ''), 'No team') AS team FROM memberships WHERE org_id = ${orgId} AND deactivated_at IS NULL`)).map((r) => r.team);

describe("the org pulse", () => {
  it("stays the same when an admin moves or deactivates respondents; a new answer shows once its week closes", async () => {
    for (const [i, key] of [...PLATFORM, ...MOBILE].entries()) {
      const v = await V(key);
      await submitPulse(db, v, v.personId, answersOf(i), answeredAt);
    }
    const ada = await V("ada");
    const before = await orgAggregates(db, ada, T);
    expect(before.pulse.window.endsOn).toBe(new Date(monday - DAY).toISOString().slice(0, 10));
    expect(shown(before.pulse.teams)).toEqual([
      { team: "Mobile", pulse: { responses: 6, avgRust: avg(MOBILE) }, pulseSuppressed: false },
      { team: "Platform", pulse: { responses: 7, avgRust: avg(PLATFORM) }, pulseSuppressed: false },
    ]);
    // Every current team is listed; those without enough answers all look alike.
    expect(new Set(before.pulse.teams.map((t) => t.team))).toEqual(new Set(await currentTeams(ada.orgId)));
    expect(hidden(before.pulse.teams).every((t) => t.pulseSuppressed)).toBe(true);
    expect(before.pulse.total.pulse).toEqual({ responses: 13, avgRust: avg([...PLATFORM, ...MOBILE]) });

    // QA's attack: move Gus from Platform to Mobile, deactivate Hiro, reload.
    const gus = await V("gus");
    const hiro = await V("hiro");
    expect((await changeTitleTeam(db, ada, gus.personId, { team: "Mobile", basedOn: await shownTitleTeam(db, gus.personId) })).changed).toEqual(["team"]);
    await deactivateMember(db, ada, hiro.personId);
    const after = await orgAggregates(db, ada, T);
    expect(after.pulse).toEqual(before.pulse);
    // The team table does follow people: it is about current members.
    expect(after.teams.find((t) => t.team === "Platform")!.people).toBe(before.teams.find((t) => t.team === "Platform")!.people - 2);

    // Gus answers again, now from Mobile, in T's own week: nothing shows while that week is open…
    await submitPulse(db, gus, gus.personId, { motivation: 5, skillsUsed: 5, variety: 5, purpose: 5, initiative: 5 }, T);
    const recorded = await db
      .select({ weekStart: pulseCheckins.weekStart, team: pulseCheckins.team })
      .from(pulseCheckins)
      .where(and(eq(pulseCheckins.personId, gus.personId), sql`${pulseCheckins.weekStart} >= ${isoWeekStart(answeredAt)}`))
      .orderBy(pulseCheckins.weekStart);
    expect(recorded).toEqual([
      { weekStart: isoWeekStart(answeredAt), team: "Platform" },
      { weekStart: isoWeekStart(T), team: "Mobile" },
    ]);
    expect((await orgAggregates(db, ada, T)).pulse).toEqual(before.pulse);

    // …and once it has closed, Gus counts once, with his latest answer, in the team he answered from.
    // Hiro, deactivated, still counts: his answer is in this window too.
    const next = await orgAggregates(db, ada, new Date(T.getTime() + 7 * DAY));
    const gusNow = { motivation: 5, skillsUsed: 5, variety: 5, purpose: 5, initiative: 5 };
    const mobileSum = MOBILE.reduce((s, k) => s + rustOf(answersOf([...PLATFORM, ...MOBILE].indexOf(k))), 0) + rustOf(gusNow);
    expect(shown(next.pulse.teams)).toEqual([
      { team: "Mobile", pulse: { responses: 7, avgRust: Math.round((mobileSum / 7) * 10) / 10 }, pulseSuppressed: false },
      { team: "Platform", pulse: { responses: 6, avgRust: avg(PLATFORM.filter((k) => k !== "gus")) }, pulseSuppressed: false },
    ]);
    expect(next.pulse.total.pulse?.responses).toBe(13);

    // Four weeks on, only Gus's second answer is left: one person, hidden, and so is the whole.
    const later = await orgAggregates(db, ada, new Date(T.getTime() + 28 * DAY));
    expect(shown(later.pulse.teams)).toEqual([]);
    expect(later.pulse.teams.find((t) => t.team === "Mobile")).toEqual({ team: "Mobile", pulse: null, pulseSuppressed: true });
    expect(later.pulse.total).toEqual({ team: "Whole organization", pulse: null, pulseSuppressed: true });
    // A week after that, no answer at all: the very same table, so it does not tell one answer from none.
    const empty = await orgAggregates(db, ada, new Date(T.getTime() + 35 * DAY));
    expect(empty.pulse.teams).toEqual(later.pulse.teams);
    expect(empty.pulse.total).toEqual(later.pulse.total);
  });

  it("counts '' and a missing team as one \"No team\" group, and never mixes organizations", async () => {
    const ada = await V("ada");
    const t2 = new Date(T.getTime() + 10 * 7 * DAY);
    const week = isoWeekStart(new Date(t2.getTime() - 7 * DAY));
    const people = rows<{ id: string; org_id: string }>(
      await db.execute(sql`SELECT id, org_id FROM memberships WHERE org_id = ${ada.orgId} AND team IN ('Mobile', 'Platform') ORDER BY id LIMIT 10`),
    );
    const teams = [null, null, "", "", null, "Platform", "Platform", "Platform", "Platform", "Platform"];
    for (const [i, p] of people.entries()) {
      await db.execute(sql`INSERT INTO pulse_checkins (org_id, person_id, week_start, team, motivation, skills_used, variety, purpose, initiative)
                           VALUES (${p.org_id}, ${p.id}, ${week}, ${teams[i]}, 4, 4, 4, 4, 4)`);
    }
    // Globex answers in the same week: never part of Acme's numbers.
    const hank = await viewerFor(db, "hank@globex.example");
    await submitPulse(db, hank, hank.personId, { motivation: 1, skillsUsed: 1, variety: 1, purpose: 1, initiative: 1 }, new Date(t2.getTime() - 7 * DAY));

    const pulse = await loadOrgPulse(db, ada.orgId, t2);
    expect(shown(pulse.teams)).toEqual([
      { team: "Platform", pulse: { responses: 5, avgRust: 2 }, pulseSuppressed: false },
      { team: "No team", pulse: { responses: 5, avgRust: 2 }, pulseSuppressed: false },
    ]);
    expect(pulse.teams.filter((t) => t.team === "No team")).toHaveLength(1);
    expect(pulse.total.pulse).toEqual({ responses: 10, avgRust: 2 });
    const globex = await loadOrgPulse(db, hank.orgId, t2);
    expect(globex.total).toEqual({ team: "Whole organization", pulse: null, pulseSuppressed: true });
  });

  it("a team of one looks the same whether or not its person answered", async () => {
    // Ada is the People team on her own (demo data).
    const ada = await V("ada");
    const t3 = new Date(T.getTime() + 30 * 7 * DAY);
    const rowOf = async () => (await loadOrgPulse(db, ada.orgId, t3)).teams.find((t) => t.team === "People");
    const without = await rowOf();
    expect(without).toEqual({ team: "People", pulse: null, pulseSuppressed: true });
    await submitPulse(db, ada, ada.personId, { motivation: 2, skillsUsed: 2, variety: 2, purpose: 2, initiative: 2 }, new Date(t3.getTime() - 7 * DAY));
    expect(await rowOf()).toEqual(without);
  });

  it("a team an admin empties looks the same whether or not its person had answered", async () => {
    // Dana is Engineering and Ada is People, each on their own (demo data). In a window of their own, Dana answers and
    // Ada does not; then the admin moves both into Platform.
    const ada = await V("ada");
    const dana = await V("dana");
    const t5 = new Date(T.getTime() + 60 * 7 * DAY);
    await submitPulse(db, dana, dana.personId, { motivation: 2, skillsUsed: 2, variety: 2, purpose: 2, initiative: 2 }, new Date(t5.getTime() - 7 * DAY));
    const teamsAt = async () => (await loadOrgPulse(db, ada.orgId, t5)).teams.map((t) => t.team);
    expect(await teamsAt()).toEqual(expect.arrayContaining(["Engineering", "People"]));
    for (const who of [dana, ada]) {
      await changeTitleTeam(db, ada, who.personId, { team: "Platform", basedOn: await shownTitleTeam(db, who.personId) });
    }
    // Neither is listed: Engineering used to stay, for Dana's one answer, and People went, telling the two apart.
    const after = await teamsAt();
    expect(after).not.toContain("Engineering");
    expect(after).not.toContain("People");
    // Dana's answer still counts in the whole organization, which stays hidden below five answers.
    expect((await loadOrgPulse(db, ada.orgId, t5)).total).toEqual({ team: "Whole organization", pulse: null, pulseSuppressed: true });
    await changeTitleTeam(db, ada, dana.personId, { team: "Engineering", basedOn: await shownTitleTeam(db, dana.personId) });
    await changeTitleTeam(db, ada, ada.personId, { team: "People", basedOn: await shownTitleTeam(db, ada.personId) });
  });

  it("reads the window in one statement", async () => {
    const ada = await V("ada");
    const { count, statements } = await countQueries(() => loadOrgPulse(db, ada.orgId, T));
    expect(count).toBe(1);
    expect(statements[0]).toMatch(/from pulse_checkins pc/i);
    // The numbers come from the answers alone; memberships give only the current teams' names, with no numbers.
    const [numbers, names] = statements[0]!.split(/UNION ALL/i);
    expect(numbers).not.toMatch(/memberships/i);
    expect(names).toMatch(/0 AS n, NULL::float8 AS rust_sum/i);
  });
});

describe("migration 0003", () => {
  it("backfills each existing answer's team from the respondent's membership, in the same organization", async () => {
    await db.execute(sql`UPDATE pulse_checkins SET team = NULL WHERE week_start < ${isoWeekStart(new Date(monday))}`);
    const file = readFileSync(path.resolve("db/migrations/0003_pulse_team_at_answer.sql"), "utf8");
    const backfill = file.split("--> statement-breakpoint").map((s) => s.trim()).find((s) => /^(--.*\n)*UPDATE/.test(s));
    expect(backfill).toBeDefined();
    await db.execute(sql.raw(backfill!));
    const [wrong] = rows<{ n: number; total: number }>(
      await db.execute(sql`SELECT count(*) FILTER (WHERE pc.team IS DISTINCT FROM m.team)::int AS n, count(*)::int AS total
                             FROM pulse_checkins pc JOIN memberships m ON m.id = pc.person_id
                            WHERE pc.week_start < ${isoWeekStart(new Date(monday))}`),
    );
    expect(wrong!.total).toBeGreaterThan(50);
    expect(wrong!.n).toBe(0);
  });
});
