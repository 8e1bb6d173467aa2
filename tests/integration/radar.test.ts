import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { countQueries } from "@/db/query-log";
import { relationTo } from "@/lib/policy/relation";
import type { Viewer } from "@/lib/auth/viewer-type";
import { getRadarSettings, loadRadarRows, radarForManager, radarForPerson, radarPersonFor, radarSubtree, type RadarPerson } from "@/lib/radar";
import { setupTestDb, teardownTestDb } from "../helpers/db";
import { personId, viewerFor } from "../helpers/viewers";

let db: Db;
beforeAll(async () => {
  db = await setupTestDb({ demo: true });
});
afterAll(teardownTestDb);

/**
 * The oracle radarSubtree is held to: the full rows of everyone below the
 * viewer (the recursive walk, always), each through radarPersonFor with the
 * relation its depth gives.
 */
async function fullSubtree(viewer: Viewer, now = new Date()): Promise<RadarPerson[]> {
  const [settings, rows] = await Promise.all([
    getRadarSettings(db, viewer),
    loadRadarRows(db, viewer.orgId, { kind: "subtree", managerId: viewer.personId }, now),
  ]);
  const admin = viewer.role === "admin";
  return rows.map((r) => radarPersonFor(r, { sameOrg: true, self: false, manager: r.depth === 1, skipLevel: r.depth > 1, admin }, settings, now));
}

describe("relationTo", () => {
  it("knows manager, skip-level, admin, peer and other org", async () => {
    const eli = await personId(db, "eli@acme.example");
    const maya = await viewerFor(db, "maya@acme.example");
    const dana = await viewerFor(db, "dana@acme.example");
    const ada = await viewerFor(db, "ada@acme.example");
    const omar = await viewerFor(db, "omar@acme.example");
    const hank = await viewerFor(db, "hank@globex.example");
    const eliV = await viewerFor(db, "eli@acme.example");
    expect(await relationTo(db, maya, eli)).toMatchObject({ sameOrg: true, manager: true, skipLevel: false });
    expect(await relationTo(db, dana, eli)).toMatchObject({ sameOrg: true, manager: false, skipLevel: true });
    expect(await relationTo(db, ada, eli)).toMatchObject({ sameOrg: true, admin: true, manager: false, skipLevel: false });
    expect(await relationTo(db, omar, eli)).toMatchObject({ sameOrg: true, manager: false, skipLevel: false, admin: false });
    expect(await relationTo(db, eliV, eli)).toMatchObject({ self: true });
    expect((await relationTo(db, hank, eli)).sameOrg).toBe(false);
    expect((await relationTo(db, maya, "not-a-uuid")).sameOrg).toBe(false);
  });

  it("knows oneself without a statement: the same relation the walk gave, admin or not", async () => {
    const eliV = await viewerFor(db, "eli@acme.example");
    const ada = await viewerFor(db, "ada@acme.example");
    const self = await countQueries(() => relationTo(db, eliV, eliV.personId));
    expect(self.count).toBe(0);
    expect(self.result).toEqual({ sameOrg: true, self: true, manager: false, skipLevel: false, admin: false });
    expect(await relationTo(db, ada, ada.personId)).toEqual({ sameOrg: true, self: true, manager: false, skipLevel: false, admin: true });
  });
});

describe("the radar on the demo data", () => {
  it("flags Eli at risk with the role-stale sentence, and not Fatima", async () => {
    const maya = await viewerFor(db, "maya@acme.example");
    const team = await radarForManager(db, maya);
    expect(team).toHaveLength(6);
    const eli = team.find((p) => p.email === "eli@acme.example")!;
    expect(eli.risk).toBe("at_risk");
    expect(eli.monthsInRole).toBe(27);
    expect(eli.flags.find((f) => f.code === "role_stale")?.reason).toBe("Same role for 27 months (threshold 24)");
    expect(eli.flags.map((f) => f.code)).toEqual(
      expect.arrayContaining(["role_stale", "no_stretch", "one_on_one_overdue", "pulse_worsening"]),
    );
    const fatima = team.find((p) => p.email === "fatima@acme.example")!;
    expect(fatima.flags).toEqual([]);
    expect(fatima.risk).toBe("none");
    const gus = team.find((p) => p.email === "gus@acme.example")!;
    expect(gus.flags.map((f) => f.code)).toContain("stuck_unacknowledged");
  });

  it("a skip-level sees the subtree without pulse- or stuck-derived flags", async () => {
    const dana = await viewerFor(db, "dana@acme.example");
    const sub = await radarSubtree(db, dana);
    expect(sub.length).toBeGreaterThanOrEqual(14);
    const eli = sub.find((p) => p.name.startsWith("Eli "))!;
    expect(eli.depth).toBe(2);
    expect(eli.flags.map((f) => f.code)).toContain("role_stale");
    expect(eli.flags.map((f) => f.code)).not.toContain("pulse_worsening");
    const gus = sub.find((p) => p.name.startsWith("Gus "))!;
    expect(gus.depth).toBe(2);
    expect(gus.flags.map((f) => f.code)).not.toContain("stuck_unacknowledged");
    // Maya, Dana's own report, sees both as their manager would.
    const maya = await viewerFor(db, "maya@acme.example");
    const team = await radarForManager(db, maya);
    expect(team.find((p) => p.email === "eli@acme.example")!.flags.map((f) => f.code)).toContain("pulse_worsening");
    expect(team.find((p) => p.email === "gus@acme.example")!.flags.map((f) => f.code)).toContain("stuck_unacknowledged");
  });

  it("the person sees their own flags", async () => {
    const eliV = await viewerFor(db, "eli@acme.example");
    const rel = await relationTo(db, eliV, eliV.personId);
    const me = await radarForPerson(db, eliV, eliV.personId, rel);
    expect(me?.flags.find((f) => f.code === "role_stale")?.selfReason).toContain("27 months");
  });

  it("reads a subtree without the recursive walk when the viewer manages no managers, with the same result", async () => {
    const maya = await viewerFor(db, "maya@acme.example");
    const walked = await countQueries(() => radarSubtree(db, maya)); // no nav: walks the tree
    const known = { ...maya, nav: { managesPeople: true, hasManager: true, managesManagers: false } };
    const direct = await countQueries(() => radarSubtree(db, known));
    expect(walked.statements.some((q) => /\bRECURSIVE\b/.test(q))).toBe(true);
    expect(direct.statements.some((q) => /\bRECURSIVE\b/.test(q))).toBe(false);
    expect(direct.result.length).toBeGreaterThanOrEqual(6);
    expect(direct.result).toEqual(walked.result);
    // A viewer who does manage managers still gets the whole subtree.
    const dana = await viewerFor(db, "dana@acme.example");
    const danaSub = await radarSubtree(db, { ...dana, nav: { managesPeople: true, hasManager: false, managesManagers: true } });
    expect(danaSub.some((p) => p.depth === 2)).toBe(true);
  });

  it("the compact subtree read gives everyone the same flags, risk, time in role and manager as the full read", async () => {
    const dana = await viewerFor(db, "dana@acme.example");
    const maya = await viewerFor(db, "maya@acme.example");
    const summary = ({ userId: _u, email: _e, nextOneOnOne: _n, activeGoalTitles: _g, ...rest }: RadarPerson) => rest;
    for (const now of [new Date(), new Date(Date.now() + 9 * 86_400_000)]) {
      for (const v of [
        { ...dana, nav: { managesPeople: true, hasManager: false, managesManagers: true } },
        { ...maya, nav: { managesPeople: true, hasManager: true, managesManagers: false } },
      ]) {
        const full = await fullSubtree(v, now);
        const compact = await countQueries(() => radarSubtree(db, v, { now }));
        expect(compact.result.length).toBe(full.length);
        expect(compact.result).toEqual(full.map(summary));
        expect(compact.count).toBeLessThanOrEqual(2);
      }
    }
    const sub = await radarSubtree(db, dana);
    const eli = sub.find((p) => p.name.startsWith("Eli"))!;
    expect(eli.flags.find((f) => f.code === "role_stale")?.reason).toBe("Same role for 27 months (threshold 24)");
    // Managers named from the subtree itself: below Dana's own reports, and Dana for those.
    expect(eli.managerName).toMatch(/^Maya/);
    expect(sub.filter((p) => p.depth === 1).every((p) => p.managerName === dana.name)).toBe(true);
  });

  it("uses the same number of queries for a team of 6 and a subtree of 14+", async () => {
    const maya = await viewerFor(db, "maya@acme.example");
    const dana = await viewerFor(db, "dana@acme.example");
    const small = await countQueries(() => radarForManager(db, maya));
    const large = await countQueries(() => radarSubtree(db, dana));
    expect(large.result.length).toBeGreaterThan(small.result.length);
    expect(large.count).toBe(small.count);
    expect(small.count).toBeLessThanOrEqual(2);
  });
});

describe("a newcomer", () => {
  it("joins Maya's team with nothing recorded and is not at risk; the same person added long ago would be", async () => {
    const { sql } = await import("drizzle-orm");
    const maya = await viewerFor(db, "maya@acme.example");
    const today = new Date().toISOString().slice(0, 10);
    // As an accepted invitation leaves them: a membership and the role event they joined with, nothing else.
    await db.execute(sql`
      WITH u AS (INSERT INTO users (email, name) VALUES ('newcomer@acme.example', 'Nova Newcomer') RETURNING id),
           m AS (INSERT INTO memberships (org_id, user_id, manager_id, title, team)
                 SELECT ${maya.orgId}, u.id, ${maya.personId}, 'Engineer', 'Platform' FROM u RETURNING id)
      INSERT INTO role_events (org_id, person_id, type, effective_on, description, new_title, new_team, created_by)
      SELECT ${maya.orgId}, m.id, 'title_change', ${today}::date, 'Joined as Engineer.', 'Engineer', 'Platform', ${maya.personId} FROM m`);
    const nova = (await radarForManager(db, maya)).find((p) => p.name === "Nova Newcomer")!;
    expect(nova).toMatchObject({ risk: "none", flags: [] });
    // Four months on, still without a 1:1, a stretch goal or any learning: flagged for the first two, not yet the third.
    const later = new Date(Date.now() + 122 * 86_400_000);
    const novaLater = (await radarForManager(db, maya, { now: later })).find((p) => p.name === "Nova Newcomer")!;
    expect(novaLater.flags.map((f) => f.code).sort()).toEqual(["no_stretch", "one_on_one_overdue"]);
    await db.execute(sql`DELETE FROM users WHERE email = 'newcomer@acme.example'`);
  });
});

describe("learning planned for later", () => {
  const inThreeYears = () => new Date(Date.now() + 3 * 365 * 86_400_000).toISOString().slice(0, 10);
  const gapOf = async (viewer: Viewer, email: string) =>
    (await radarForManager(db, viewer)).find((p) => p.email === email)!.flags.find((f) => f.code === "learning_gap");

  it("is no learning yet: Eli, long without any, plans a conference three years ahead and keeps the learning gap until he starts it", async () => {
    const plan = await import("@/lib/plan");
    const maya = await viewerFor(db, "maya@acme.example");
    const eli = await viewerFor(db, "eli@acme.example");
    const before = (await gapOf(maya, "eli@acme.example"))?.reason;
    expect(before).toMatch(/^No learning activity in \d+ months$/);
    // Its start date used to become his latest learning: no learning gap for three years.
    const item = await plan.createLearning(db, eli, eli.personId, { kind: "conference", title: "KubeCon, three years on", status: "planned", startedOn: inThreeYears(), takeaways: "" });
    expect((await gapOf(maya, "eli@acme.example"))?.reason).toBe(before);
    // Started (early: it starts today), it is learning.
    const started = await plan.updateLearning(db, eli, item.id, { version: item.version, status: "in_progress" });
    expect(await gapOf(maya, "eli@acme.example")).toBeUndefined();
    await plan.deleteLearning(db, eli, item.id, started.version);
    expect((await gapOf(maya, "eli@acme.example"))?.reason).toBe(before);
  });

  it("someone whose only learning is planned ahead is flagged as having none, and told so in words that fit", async () => {
    const { sql } = await import("drizzle-orm");
    const plan = await import("@/lib/plan");
    const maya = await viewerFor(db, "maya@acme.example");
    // Here for a year, nothing learned yet, one course planned.
    await db.execute(sql`
      WITH u AS (INSERT INTO users (email, name) VALUES ('planner@acme.example', 'Pia Planner') RETURNING id)
      INSERT INTO memberships (org_id, user_id, manager_id, title, team, created_at)
      SELECT ${maya.orgId}, u.id, ${maya.personId}, 'Engineer', 'Platform', now() - interval '1 year' FROM u`);
    const pia = await personId(db, "planner@acme.example");
    await plan.createLearning(db, maya, pia, { kind: "course", title: "Rust, some day", status: "planned", startedOn: inThreeYears(), takeaways: "" });
    expect((await gapOf(maya, "planner@acme.example"))?.reason).toBe("No learning activity recorded");
    const piaV = await viewerFor(db, "planner@acme.example");
    const self = await radarForPerson(db, piaV, pia, await relationTo(db, piaV, pia));
    expect(self?.flags.find((f) => f.code === "learning_gap")?.selfReason).toBe("You haven't started any learning yet — pick a course, book or talk.");
    await db.execute(sql`DELETE FROM users WHERE email = 'planner@acme.example'`);
  });
});
