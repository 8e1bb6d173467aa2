/**
 * The number of SQL statements behind the radar does not grow with team size:
 * teams of 5 and 50 reports (rows inserted directly, each report with role
 * history, goals, 1:1s, pulses, learning, skills and a stuck signal) take the
 * same number of queries, for a direct team, a subtree and an org page. The
 * pages' domain reads (/team, /people/[id], the 1:1 page, /me) take the same
 * number of statements for a report with a short history and one with years
 * of 1:1s, notes, carried-over items, goals, learning, wins and pulses.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { countQueries } from "@/db/query-log";
import * as s from "@/db/schema";
import { getRadarSettings, isSkipLevelManager, loadRadarRows, radarForManager, radarForPerson, radarSubtree } from "@/lib/radar";
import { authorize, relationTo } from "@/lib/policy";
import { getDirectoryEntry } from "@/lib/people/directory";
import { listRoleEvents } from "@/lib/people/role-events";
import { listRotations } from "@/lib/people/rotations";
import { loadMeeting } from "@/lib/meetings/access";
import { meetingDetailFor } from "@/lib/meetings/detail";
import { prepBrief } from "@/lib/meetings/prep";
import { lastAndNext } from "@/lib/meetings/summary";
import { getPlan, planGlance } from "@/lib/plan";
import { loadTrend } from "@/lib/pulse/checkins";
import { listVisibleSignals, openSignalsForViewer } from "@/lib/stuck/signals";
import { setupTestDb, teardownTestDb } from "../helpers/db";
import type { Viewer } from "@/lib/auth/viewer-type";
import { viewerFor } from "../helpers/viewers";

let db: Db;
let orgId: string;
let small: Viewer;
let large: Viewer;
let largeManagerId: string;
let smallManagerId: string;
const DAY = 86_400_000;
const now = new Date();
const daysAgo = (d: number) => new Date(now.getTime() - d * DAY);
const isoDaysAgo = (d: number) => daysAgo(d).toISOString().slice(0, 10);

async function person(name: string, managerId: string | null): Promise<string> {
  const email = `${name.toLowerCase().replace(/\s+/g, ".")}@scale.example`;
  const [u] = await db.insert(s.users).values({ email, name }).returning({ id: s.users.id });
  const [m] = await db
    .insert(s.memberships)
    .values({ orgId, userId: u!.id, managerId, title: "Engineer", team: "Scale" })
    .returning({ id: s.memberships.id });
  return m!.id;
}

/** A manager with `n` reports, each with a full set of radar inputs. */
async function team(managerName: string, n: number, directorId: string): Promise<string> {
  const managerId = await person(managerName, directorId);
  const reports: string[] = [];
  for (let i = 0; i < n; i++) reports.push(await person(`${managerName} Report ${i}`, managerId));
  await db.insert(s.roleEvents).values(
    reports.flatMap((personId, i) => [
      { orgId, personId, type: "title_change" as const, effectiveOn: isoDaysAgo(1200), description: "Joined." },
      { orgId, personId, type: "promotion" as const, effectiveOn: isoDaysAgo(30 + i * 20), description: "Promoted." },
    ]),
  );
  await db.insert(s.stretchGoals).values(reports.map((personId, i) => ({ orgId, personId, title: `Goal ${i}`, category: "mentoring" as const, status: i % 2 ? ("active" as const) : ("done" as const) })));
  await db.insert(s.meetings).values(
    reports.flatMap((reportId, i) => [
      { orgId, managerId, reportId, scheduledAt: daysAgo(10 + i), status: "held" as const, heldAt: daysAgo(10 + i) },
      { orgId, managerId, reportId, scheduledAt: daysAgo(40 + i), status: "cancelled" as const },
      { orgId, managerId, reportId, scheduledAt: new Date(now.getTime() + 3 * DAY), status: "scheduled" as const },
    ]),
  );
  await db.insert(s.pulseCheckins).values(
    reports.flatMap((personId, i) =>
      [0, 1, 2, 3].map((w) => ({ orgId, personId, weekStart: isoDaysAgo(7 * w + 1), motivation: 1 + ((i + w) % 5), skillsUsed: 3, variety: 3, purpose: 3, initiative: 3 })),
    ),
  );
  await db.insert(s.learningItems).values(reports.map((personId, i) => ({ orgId, personId, kind: "book" as const, title: `Book ${i}`, status: "done" as const, completedOn: isoDaysAgo(i * 10) })));
  await db.insert(s.skills).values(reports.map((personId, i) => ({ orgId, personId, name: `Skill ${i}`, status: i % 3 ? ("used" as const) : ("unused" as const) })));
  await db.insert(s.stuckSignals).values(reports.filter((_, i) => i % 4 === 0).map((personId) => ({ orgId, personId, createdAt: daysAgo(9), includeSkipLevel: true })));
  return managerId;
}

async function personIdOf(email: string): Promise<string> {
  const v = await viewerFor(db, email);
  return v.personId;
}

/** Two years of weekly 1:1s with agenda, notes and action items, the latest carrying items from 50 earlier ones, and a long plan. */
async function longHistory(reportId: string, managerId: string): Promise<void> {
  const past = await db
    .insert(s.meetings)
    .values(Array.from({ length: 104 }, (_, w) => ({ orgId, managerId, reportId, scheduledAt: daysAgo(50 + 7 * w), status: "held" as const, heldAt: daysAgo(50 + 7 * w) })))
    .returning({ id: s.meetings.id });
  const latest = await latestHeld(reportId, managerId);
  await db.insert(s.agendaItems).values(past.flatMap((m, i) => [0, 1].map((k) => ({ orgId, meetingId: m.id, authorId: reportId, body: `Topic ${i}.${k}`, position: k }))));
  await db.insert(s.notes).values(past.flatMap((m, i) => [
    { orgId, meetingId: m.id, authorId: managerId, visibility: "shared" as const, body: `Shared ${i}` },
    { orgId, meetingId: m.id, authorId: managerId, visibility: "private" as const, body: `Private ${i}` },
  ]));
  await db.insert(s.actionItems).values(past.map((m, i) => ({ orgId, meetingId: m.id, ownerId: reportId, body: `Do ${i}` })));
  // The latest 1:1 has its notes and holds items carried over from 50 different earlier 1:1s.
  await db.insert(s.notes).values([
    { orgId, meetingId: latest, authorId: managerId, visibility: "shared" as const, body: "Shared, latest" },
    { orgId, meetingId: latest, authorId: managerId, visibility: "private" as const, body: "Private, latest" },
  ]);
  await db.insert(s.agendaItems).values(past.slice(0, 50).map((m, i) => ({ orgId, meetingId: latest, authorId: reportId, body: `Carried ${i}`, position: 10 + i, carriedFromMeetingId: m.id })));
  await db.insert(s.actionItems).values(past.slice(0, 50).map((m, i) => ({ orgId, meetingId: latest, ownerId: managerId, body: `Carried action ${i}`, carriedFromMeetingId: m.id })));
  const goals = await db
    .insert(s.stretchGoals)
    .values(Array.from({ length: 30 }, (_, i) => ({ orgId, personId: reportId, title: `Long goal ${i}`, category: "mentoring" as const, status: i % 3 ? ("done" as const) : ("active" as const) })))
    .returning({ id: s.stretchGoals.id });
  await db.insert(s.stretchGoalUpdates).values(goals.flatMap((g, i) => [0, 1, 2].map((k) => ({ orgId, goalId: g.id, authorId: reportId, body: `Update ${i}.${k}` }))));
  await db.insert(s.learningItems).values(Array.from({ length: 40 }, (_, i) => ({ orgId, personId: reportId, kind: "course" as const, title: `Course ${i}`, status: "done" as const, completedOn: isoDaysAgo(20 + i * 15) })));
  await db.insert(s.wins).values(Array.from({ length: 40 }, (_, i) => ({ orgId, personId: reportId, title: `Win ${i}`, occurredOn: isoDaysAgo(5 + i * 15) })));
  await db.insert(s.pulseCheckins).values(
    Array.from({ length: 100 }, (_, i) => ({ orgId, personId: reportId, weekStart: isoDaysAgo(7 * (i + 4) + 1), motivation: 1 + (i % 5), skillsUsed: 3, variety: 3, purpose: 3, initiative: 3 })),
  );
  await db.insert(s.roleEvents).values(Array.from({ length: 20 }, (_, i) => ({ orgId, personId: reportId, type: "title_change" as const, effectiveOn: isoDaysAgo(1300 + i * 30), description: `Title ${i}` })));
}

async function latestHeld(reportId: string, managerId: string): Promise<string> {
  const [m] = await db
    .select({ id: s.meetings.id })
    .from(s.meetings)
    .where(and(eq(s.meetings.orgId, orgId), eq(s.meetings.reportId, reportId), eq(s.meetings.managerId, managerId), eq(s.meetings.status, "held")))
    .orderBy(desc(s.meetings.scheduledAt))
    .limit(1);
  return m!.id;
}

beforeAll(async () => {
  db = await setupTestDb();
  const [org] = await db.insert(s.organizations).values({ slug: "scale", name: "Scale Test" }).returning({ id: s.organizations.id });
  orgId = org!.id;
  const director = await person("Dee Director", null);
  smallManagerId = await team("Small Manager", 5, director);
  largeManagerId = await team("Large Manager", 50, director);
  await longHistory(await personIdOf("large.manager.report.0@scale.example"), largeManagerId);
  small = await viewerFor(db, "small.manager@scale.example");
  large = await viewerFor(db, "large.manager@scale.example");
});
afterAll(teardownTestDb);

describe("radar query count at team sizes 5 and 50", () => {
  it("is the same for a direct team of 5 and of 50, and at most 2", async () => {
    const five = await countQueries(() => radarForManager(db, small));
    const fifty = await countQueries(() => radarForManager(db, large));
    expect(five.result).toHaveLength(5);
    expect(fifty.result).toHaveLength(50);
    // The facts really were loaded: these flags come from skills and stuck-signal rows.
    const codes = new Set(fifty.result.flatMap((p) => p.flags.map((f) => f.code)));
    expect(codes).toContain("skills_unused");
    expect(codes).toContain("stuck_unacknowledged");
    expect(fifty.result.every((p) => p.lastOneOnOne !== null)).toBe(true);
    expect(fifty.count).toBe(five.count);
    expect(five.count).toBeLessThanOrEqual(2);
  });

  it("is the same for a subtree of 57 as for a team of 5, and for org pages of 5 and 50", async () => {
    const dee = await viewerFor(db, "dee.director@scale.example");
    const five = await countQueries(() => radarForManager(db, small));
    // The compact read /team?view=subtree and the API use: the same count, everyone below Dee.
    const subtree = await countQueries(() => radarSubtree(db, dee));
    expect(subtree.result).toHaveLength(57);
    expect(subtree.count).toBe(five.count);
    const everyone = await loadRadarRows(db, orgId, { kind: "subtree", managerId: dee.personId });
    expect(subtree.result.map((p) => p.id)).toEqual(everyone.map((p) => p.id));
    const page5 = await countQueries(() => loadRadarRows(db, orgId, { kind: "org", limit: 5, offset: 0 }));
    const page50 = await countQueries(() => loadRadarRows(db, orgId, { kind: "org", limit: 50, offset: 0 }));
    expect(page5.result).toHaveLength(5);
    expect(page50.result).toHaveLength(50);
    expect(page50.count).toBe(page5.count);
    expect(page5.count).toBe(1);
  });
});

describe("pages' domain reads for a short and a long history", () => {
  /** What /team reads (the layout's viewer and navigation are one query each on top). */
  const teamPage = (v: Viewer) =>
    Promise.all([isSkipLevelManager(db, v), radarForManager(db, v, { settings: getRadarSettings(db, v.orgId) }), openSignalsForViewer(db, v)]);

  /** What /people/[id] reads, for the manager viewing a report. */
  const personPage = async (v: Viewer, id: string) => {
    const rel = await relationTo(db, v, id);
    return Promise.all([
      getDirectoryEntry(db, v, id, rel),
      radarForPerson(db, v, id, rel),
      listRoleEvents(db, v, id, rel),
      listRotations(db, v, id, rel),
      lastAndNext(db, v, id, rel),
      planGlance(db, v, id, rel),
      loadTrend(db, v.orgId, id, 12),
    ]);
  };

  /** What the 1:1 page reads. */
  const meetingPage = async (v: Viewer, meetingId: string) => {
    const access = await loadMeeting(db, v, meetingId, "read");
    return Promise.all([meetingDetailFor(db, v, access), prepBrief(db, v, access), lastAndNext(db, v, access.meeting.reportId, access.rel)]);
  };

  /** What /me reads (flags, stuck, pulse, plan). */
  const mePage = async (v: Viewer) => {
    const rel = await authorize(db, v, "flags", "read", v.personId);
    return Promise.all([radarForPerson(db, v, v.personId, rel), listVisibleSignals(db, v, { personId: v.personId }), loadTrend(db, v.orgId, v.personId, 12), getPlan(db, v, v.personId)]);
  };

  it("/team takes the same statements for 5 and 50 reports", async () => {
    const five = await countQueries(() => teamPage(small));
    const fifty = await countQueries(() => teamPage(large));
    expect(five.result[1]).toHaveLength(5);
    expect(fifty.result[1]).toHaveLength(50);
    expect(fifty.count).toBe(five.count);
    expect(five.count).toBeLessThanOrEqual(5);
  });

  it("/people/[id], the 1:1 page and /me take the same statements for a short and a two-year history", async () => {
    const shortId = await personIdOf("small.manager.report.0@scale.example");
    const longId = await personIdOf("large.manager.report.0@scale.example");

    const pShort = await countQueries(() => personPage(small, shortId));
    const pLong = await countQueries(() => personPage(large, longId));
    expect(pLong.result[2].length).toBeGreaterThan(20); // the long role history was read
    expect(pLong.count).toBe(pShort.count);

    const shortMeeting = await latestHeld(shortId, smallManagerId);
    const mShort = await countQueries(() => meetingPage(small, shortMeeting));
    const longMeeting = await latestHeld(longId, largeManagerId);
    const mLong = await countQueries(() => meetingPage(large, longMeeting));
    const [detail, brief] = mLong.result;
    expect(detail.agenda.length).toBeGreaterThanOrEqual(50);
    expect(Object.keys(detail.carriedFrom)).toHaveLength(50); // carried-from dates of 50 meetings, in one read
    expect(detail.notes.some((n) => n.visibility === "private")).toBe(true); // the manager's own private note
    expect(brief.openActions.length).toBeGreaterThan(0);
    expect(mLong.count).toBe(mShort.count);

    const reportShort = await viewerFor(db, "small.manager.report.0@scale.example");
    const reportLong = await viewerFor(db, "large.manager.report.0@scale.example");
    const meShort = await countQueries(() => mePage(reportShort));
    const meLong = await countQueries(() => mePage(reportLong));
    expect(meLong.result[3].plan.goals.length).toBeGreaterThan(20);
    expect(meLong.result[3].plan.learning.length).toBeGreaterThan(20);
    expect(meLong.count).toBe(meShort.count);
  });
});
