/**
 * The number of SQL statements behind the radar does not grow with team size:
 * teams of 5 and 50 reports (rows inserted directly, each report with role
 * history, goals, 1:1s, pulses, learning, skills and a stuck signal) take the
 * same number of queries, for a direct team, a subtree and an org page.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { countQueries } from "@/db/query-log";
import * as s from "@/db/schema";
import { loadRadarRows, radarForManager } from "@/lib/radar";
import { setupTestDb, teardownTestDb } from "../helpers/db";
import type { Viewer } from "@/lib/auth/viewer-type";
import { viewerFor } from "../helpers/viewers";

let db: Db;
let orgId: string;
let small: Viewer;
let large: Viewer;
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

beforeAll(async () => {
  db = await setupTestDb();
  const [org] = await db.insert(s.organizations).values({ slug: "scale", name: "Scale Test" }).returning({ id: s.organizations.id });
  orgId = org!.id;
  const director = await person("Dee Director", null);
  await team("Small Manager", 5, director);
  await team("Large Manager", 50, director);
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
    const subtree = await countQueries(() => radarForManager(db, dee, { subtree: true }));
    expect(subtree.result).toHaveLength(57);
    expect(subtree.count).toBe(five.count);
    const page5 = await countQueries(() => loadRadarRows(db, orgId, { kind: "org", limit: 5, offset: 0 }));
    const page50 = await countQueries(() => loadRadarRows(db, orgId, { kind: "org", limit: 50, offset: 0 }));
    expect(page5.result).toHaveLength(5);
    expect(page50.result).toHaveLength(50);
    expect(page50.count).toBe(page5.count);
    expect(page5.count).toBe(1);
  });
});
