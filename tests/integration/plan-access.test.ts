/**
 * The growth plan against every actor of ACCESS.md, through the domain
 * functions (which call the policy): self and manager read and write,
 * skip-levels read but get 403 on writes, peers/admins/other orgs get 404,
 * and a former manager loses access the moment the reporting line changes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditEvents, memberships, purposeStatements, stretchGoals } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer-type";
import { AppError } from "@/lib/errors";
import { formatDate } from "@/lib/radar/format";
import { relationTo } from "@/lib/policy/relation";
import * as plan from "@/lib/plan";
import { onPostgres, setupTestDb, teardownTestDb } from "../helpers/db";
import { personId, viewerFor } from "../helpers/viewers";
import { learningCreate, type LearningCreate } from "@/lib/plan/schemas";

/**
 * A new learning item as a caller that builds the input itself would pass it (the schema's defaults, none of its
 * checks): createLearning refuses wrong dates on its own. The schema names the same problem first, with the other
 * wrong fields (field-errors-together.test); `schemaSays` checks that it does.
 */
const unchecked = (input: Record<string, unknown>) => ({ status: "planned", takeaways: "", ...input }) as LearningCreate;
function schemaSays(input: Record<string, unknown>, fields: Record<string, string[]>) {
  const issues = learningCreate.safeParse(input).error?.issues ?? [];
  expect(Object.fromEntries(issues.map((i) => [i.path.join("."), [i.message]]))).toEqual(fields);
}

let db: Db;
let eliId: string;
const v: Record<string, Viewer> = {};

beforeAll(async () => {
  db = await setupTestDb({ demo: true });
  eliId = await personId(db, "eli@acme.example");
  for (const [k, email] of Object.entries({
    self: "eli@acme.example",
    manager: "maya@acme.example",
    skip: "dana@acme.example",
    peer: "omar@acme.example",
    admin: "ada@acme.example",
    otherOrg: "gina@globex.example",
  })) v[k] = await viewerFor(db, email);
});
afterAll(teardownTestDb);

async function status(p: Promise<unknown>): Promise<number> {
  try {
    await p;
    return 200;
  } catch (e) {
    if (e instanceof AppError) return e.status;
    throw e;
  }
}

const READ = { self: 200, manager: 200, skip: 200, peer: 404, admin: 404, otherOrg: 404 } as const;
const WRITE = { self: 200, manager: 200, skip: 403, peer: 404, admin: 404, otherOrg: 404 } as const;
type Actor = keyof typeof READ;
const ACTORS = Object.keys(READ) as Actor[];

const readers: Record<string, (viewer: Viewer, id: string) => Promise<unknown>> = {
  plan: (x, id) => plan.getPlan(db, x, id),
  purpose: (x, id) => plan.getPurpose(db, x, id),
  goals: (x, id) => plan.listGoals(db, x, id),
  learning: (x, id) => plan.listLearning(db, x, id),
  connections: (x, id) => plan.listConnections(db, x, id),
  skills: (x, id) => plan.listSkills(db, x, id),
  wins: (x, id) => plan.listWins(db, x, id),
};

/** The version of Eli's purpose now (0 when none): a save carries the version it was based on. */
const purposeVersion = async () =>
  (await db.select({ v: sql<number>`coalesce(max(${purposeStatements.version}), 0)::int` }).from(purposeStatements).where(eq(purposeStatements.personId, eliId)))[0]!.v;

const creators: Record<string, (viewer: Viewer, id: string) => Promise<unknown>> = {
  purpose: async (x, id) => plan.savePurpose(db, x, id, { drewMe: `drew ${x.name}`, impact: "impact", worthEffort: "worth", version: await purposeVersion() }),
  goal: (x, id) => plan.createGoal(db, x, id, { title: `Goal by ${x.name}`, description: "", category: "new_tool", status: "proposed", servesPurpose: false }),
  learning: (x, id) => plan.createLearning(db, x, id, { kind: "book", title: `Book by ${x.name}`, status: "planned", takeaways: "" }),
  connection: (x, id) => plan.createConnection(db, x, id, { kind: "community", name: "Guild", purpose: "", otherPersonId: null }),
  skill: (x, id) => plan.createSkill(db, x, id, { name: `Skill by ${x.name}`, status: "used" }),
  win: (x, id) => plan.createWin(db, x, id, { title: `Win by ${x.name}`, description: "", occurredOn: "2026-01-01", linksPurpose: true }),
};

describe("reading Eli's plan", () => {
  for (const [what, read] of Object.entries(readers)) {
    it(`${what}: self/manager/skip-level read, peer/admin/other org get 404`, async () => {
      for (const a of ACTORS) expect([a, await status(read(v[a]!, eliId))]).toEqual([a, READ[a]]);
    });
  }

  it("skip-levels see the plan but are told they cannot edit", async () => {
    expect((await plan.getPlan(db, v.skip!, eliId)).canEdit).toBe(false);
    expect((await plan.getPlan(db, v.manager!, eliId)).canEdit).toBe(true);
    const own = await plan.getPlan(db, v.self!, eliId);
    expect(own.plan.skills.map((s) => s.name).sort()).toEqual(["Go", "PostgreSQL performance tuning"]);
    expect(own.plan.roleEvents.length).toBeGreaterThan(0);
  });
});

describe("writing Eli's plan", () => {
  for (const [what, create] of Object.entries(creators)) {
    it(`create ${what}: self/manager write, skip-level 403, others 404`, async () => {
      for (const a of ACTORS) expect([a, await status(create(v[a]!, eliId))]).toEqual([a, WRITE[a]]);
    });
  }

  it("row-level writes (update, progress update, delete) follow the same rules", async () => {
    const goal = await plan.createGoal(db, v.self!, eliId, { title: "Row test", description: "", category: "learning", status: "proposed", servesPurpose: false });
    const skill = await plan.createSkill(db, v.self!, eliId, { name: "Row skill", status: "used" });
    const item = await plan.createLearning(db, v.self!, eliId, { kind: "talk", title: "Row talk", status: "planned", takeaways: "" });
    for (const a of ["skip", "peer", "admin", "otherOrg"] as const) {
      expect([a, await status(plan.updateGoal(db, v[a]!, goal.id, { version: goal.version, status: "active" }))]).toEqual([a, WRITE[a]]);
      expect([a, await status(plan.addGoalUpdate(db, v[a]!, goal.id, { body: "x", progress: 10, version: goal.version }))]).toEqual([a, WRITE[a]]);
      expect([a, await status(plan.deleteGoal(db, v[a]!, goal.id, goal.version))]).toEqual([a, WRITE[a]]);
      expect([a, await status(plan.updateSkill(db, v[a]!, skill.id, { version: skill.version, status: "unused" }))]).toEqual([a, WRITE[a]]);
      expect([a, await status(plan.deleteLearning(db, v[a]!, item.id, item.version))]).toEqual([a, WRITE[a]]);
    }
    // Nothing changed through the refused calls.
    const [g] = await db.select().from(stretchGoals).where(eq(stretchGoals.id, goal.id));
    expect(g).toMatchObject({ status: "proposed", version: 1, progress: 0 });
    // The manager may.
    const active = await plan.updateGoal(db, v.manager!, goal.id, { version: 1, status: "active" });
    expect(active.status).toBe("active");
    const { goal: after } = await plan.addGoalUpdate(db, v.manager!, goal.id, { body: "Kicked off", progress: 20, version: active.version });
    expect(after.progress).toBe(20);
    expect(after.updates.map((u) => u.body)).toEqual(["Kicked off"]);
    expect(await status(plan.deleteGoal(db, v.self!, goal.id, after.version))).toBe(200);
  });

  it("a made-up or foreign id is 404, not a hint", async () => {
    const hank = await personId(db, "hank@globex.example");
    expect(await status(plan.listGoals(db, v.manager!, hank))).toBe(404);
    expect(await status(plan.updateGoal(db, v.manager!, "00000000-0000-4000-8000-000000000000", { version: 1 }))).toBe(404);
    expect(await status(plan.listGoals(db, v.manager!, "not-a-uuid"))).toBe(404);
  });

  it("editing an item deleted meanwhile says so, in the same words a peer gets for an item that is not theirs", async () => {
    const goal = await plan.createGoal(db, v.self!, eliId, { title: "Deleted in another tab", description: "", category: "learning", status: "proposed", servesPurpose: false });
    const kept = await plan.createGoal(db, v.self!, eliId, { title: "Still here", description: "", category: "learning", status: "proposed", servesPurpose: false });
    await plan.deleteGoal(db, v.self!, goal.id, goal.version);
    const gone = await plan.updateGoal(db, v.self!, goal.id, { version: goal.version, title: "Renamed" }).catch((e: AppError) => e);
    expect(gone).toMatchObject({ status: 404, message: expect.stringMatching(/not there any more/) });
    const peer = await plan.updateGoal(db, v.peer!, kept.id, { version: kept.version, title: "Renamed" }).catch((e: AppError) => e);
    expect(peer).toMatchObject({ status: 404, message: (gone as AppError).message });
  });

  it("a win cannot point at another person's goal, a connection not at another org's member", async () => {
    const fatimaId = await personId(db, "fatima@acme.example");
    const [fatimaGoal] = await db.select().from(stretchGoals).where(eq(stretchGoals.personId, fatimaId)).limit(1);
    const e = await plan.createWin(db, v.manager!, eliId, { title: "x", description: "", occurredOn: "2026-01-01", goalId: fatimaGoal!.id, linksPurpose: false }).catch((x) => x);
    expect(e).toBeInstanceOf(AppError);
    expect(e.status).toBe(422);
    expect(e.fields.goalId).toBeDefined();
    const hank = await personId(db, "hank@globex.example");
    const c = await plan.createConnection(db, v.self!, eliId, { kind: "mentor", otherPersonId: hank, name: "", purpose: "" }).catch((x) => x);
    expect(c.status).toBe(422);
    const maya = await personId(db, "maya@acme.example");
    const ok = await plan.createConnection(db, v.self!, eliId, { kind: "mentor", otherPersonId: maya, name: "", purpose: "Career advice" });
    expect(ok.otherPersonName).toBe("Maya Manager");
  });
});

describe("plan inputs that cannot be right", () => {
  it("refuses a second entry of the same skill (any letter case), a learning item finished before it started, a win in the future", async () => {
    const mine = await plan.createSkill(db, v.self!, eliId, { name: "Terraform", status: "used" });
    await expect(plan.createSkill(db, v.manager!, eliId, { name: "terraform ", status: "unused" })).rejects.toMatchObject({ status: 422, fields: { name: [expect.stringContaining("already listed")] } });
    const other = await plan.createSkill(db, v.self!, eliId, { name: "Kafka", status: "want_to_build" });
    await expect(plan.updateSkill(db, v.self!, other.id, { version: other.version, name: "TERRAFORM" })).rejects.toMatchObject({ status: 422 });
    expect((await plan.updateSkill(db, v.self!, mine.id, { version: mine.version, name: "Terraform" })).name).toBe("Terraform"); // itself is no duplicate

    const schemas = await import("@/lib/plan/schemas");
    const bad = schemas.learningCreate.safeParse({ kind: "course", title: "Go in depth", status: "done", startedOn: "2026-10-01", completedOn: "2026-01-01" });
    expect(bad.error?.issues.map((i) => i.path.join("."))).toEqual(["completedOn"]);
    const item = await plan.createLearning(db, v.self!, eliId, schemas.learningCreate.parse({ kind: "course", title: "Go in depth", status: "in_progress", startedOn: "2026-10-01" }));
    // Done with a finish date of its own, the start date already saved stays: the pair is checked as it would be.
    await expect(plan.updateLearning(db, v.self!, item.id, { version: item.version, status: "done", completedOn: "2026-09-30" })).rejects.toMatchObject({
      status: 422,
      fields: { completedOn: ["The finish date is before the start date."] },
    });
    expect((await plan.updateLearning(db, v.self!, item.id, { version: item.version, status: "done", completedOn: "2026-10-02" })).completedOn).toBe("2026-10-02");

    const future = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    expect(schemas.winCreate.safeParse({ title: "Shipped", occurredOn: future, linksPurpose: "on" }).error?.issues[0]?.path).toEqual(["occurredOn"]);
    expect(schemas.winCreate.safeParse({ title: "Shipped", occurredOn: new Date().toISOString().slice(0, 10), linksPurpose: "on" }).success).toBe(true);
  });
});

describe("skill names that read the same", () => {
  it("are one skill whatever the Unicode form, invisible characters or spacing, and a name of only invisible characters is refused", async () => {
    const schemas = await import("@/lib/plan/schemas");
    const skill = (name: string) => schemas.skillCreate.parse({ name, status: "used" });
    const precomposed = await plan.createSkill(db, v.self!, eliId, skill("Caf\u00e9 ops"));
    await expect(plan.createSkill(db, v.self!, eliId, skill("cafe\u0301 OPS"))).rejects.toMatchObject({ status: 422, fields: { name: [expect.stringContaining("already listed")] } });
    await expect(plan.createSkill(db, v.self!, eliId, skill("\u200bCaf\u00e9\u00a0ops\u2060"))).rejects.toMatchObject({ status: 422 });
    const other = await plan.createSkill(db, v.self!, eliId, skill("Barista"));
    await expect(plan.updateSkill(db, v.self!, other.id, schemas.skillPatch.parse({ version: other.version, name: "Cafe\u0301\u00ad ops" }))).rejects.toMatchObject({ status: 422 });

    // Saved as it reads: NFC, without the invisible characters around or inside it.
    const nbsp = await plan.createSkill(db, v.self!, eliId, skill("\u00a0Cr\u00e8\u200bme bru\u0302le\u0301e\u200b "));
    expect(nbsp.name).toBe("Cr\u00e8me br\u00fbl\u00e9e");
    expect(precomposed.name).toBe("Caf\u00e9 ops");

    const blank = schemas.skillCreate.safeParse({ name: " \u00a0\u200b ", status: "used" });
    expect(blank.error?.issues.map((i) => i.path.join("."))).toEqual(["name"]);
    await expect(plan.createSkill(db, v.self!, eliId, { name: " \u00a0\u200b ", status: "used" })).rejects.toMatchObject({ status: 422, fields: { name: [expect.any(String)] } });
  });
});

describe("a learning item marked done", () => {
  it("is refused at its status while it starts after today, since it would finish before it started", async () => {
    const schemas = await import("@/lib/plan/schemas");
    const { learningItems } = await import("@/db/schema");
    const inThreeDays = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const startsOn = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${inThreeDays}T00:00:00Z`));
    const refused = { status: 422, fields: { status: [`This starts on ${startsOn}: it cannot be done before it starts. Change its start date first.`] } };
    // In progress with a start ahead is refused now ("learning dates ahead" below); one saved before that rule:
    const [row] = await db
      .insert(learningItems)
      .values({ orgId: v.self!.orgId, personId: eliId, kind: "course", title: "Starts soon", status: "in_progress", startedOn: inThreeDays, createdBy: eliId })
      .returning();
    const item = { id: row!.id, version: row!.version };
    await expect(plan.updateLearning(db, v.self!, item.id, { version: item.version, status: "done" })).rejects.toMatchObject(refused);
    // The edit form sends every field, an empty finish date as null.
    await expect(plan.updateLearning(db, v.self!, item.id, { version: item.version, status: "done", startedOn: inThreeDays, completedOn: null })).rejects.toMatchObject(refused);
    await expect(plan.createLearning(db, v.self!, eliId, unchecked({ kind: "course", title: "Done early", status: "done", startedOn: inThreeDays }))).rejects.toMatchObject(refused);
    schemaSays({ kind: "course", title: "Done early", status: "done", startedOn: inThreeDays }, refused.fields);
    const saved = (await plan.listLearning(db, v.self!, eliId)).find((l) => l.id === item.id)!;
    expect([saved.status, saved.completedOn]).toEqual(["in_progress", null]);

    // Started today or earlier, it finishes today; with a finish date of its own, that date counts.
    const today = new Date().toISOString().slice(0, 10);
    const started = await plan.createLearning(db, v.self!, eliId, schemas.learningCreate.parse({ kind: "course", title: "Started", status: "in_progress", startedOn: today }));
    expect((await plan.updateLearning(db, v.self!, started.id, { version: started.version, status: "done" })).completedOn).toBe(today);
    // A finish date ahead was taken as it came; a done item has finished.
    await expect(plan.updateLearning(db, v.self!, item.id, { version: item.version, status: "done", completedOn: inThreeDays })).rejects.toMatchObject({
      status: 422,
      fields: { status: [refused.fields.status[0]], completedOn: ["Done means it has finished: pick today or an earlier date."] },
    });
  });
});

describe("learning dates ahead", () => {
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const FINISHED = "Done means it has finished: pick today or an earlier date.";

  it("refuses a done item that finishes after the viewer's today, at the finish date, from the form and from the API", async () => {
    const schemas = await import("@/lib/plan/schemas");
    const item = (input: Record<string, unknown>) => schemas.learningCreate.parse({ kind: "course", title: "Finishes later", ...input });
    const refused = { status: 422, message: FINISHED, fields: { completedOn: [FINISHED] } };
    // The form sends the browser's day; an API client without one is allowed UTC's tomorrow (east of UTC), no later.
    const ahead = [
      { status: "done", startedOn: day(-30), completedOn: day(1), today: day(0) },
      { status: "done", completedOn: day(2) },
      { status: "done", startedOn: day(-30), completedOn: "2027-09-01" },
    ];
    for (const input of ahead) {
      await expect(plan.createLearning(db, v.self!, eliId, unchecked({ kind: "course", title: "Finishes later", ...input }))).rejects.toMatchObject(refused);
      schemaSays({ kind: "course", title: "Finishes later", ...input }, refused.fields);
    }
    const titles = async () => (await plan.listLearning(db, v.self!, eliId)).map((l) => l.title);
    expect(await titles()).not.toContain("Finishes later");

    const saved = await plan.createLearning(db, v.self!, eliId, item({ status: "in_progress", startedOn: day(-30) }));
    await expect(plan.updateLearning(db, v.self!, saved.id, schemas.learningPatch.parse({ version: saved.version, status: "done", completedOn: day(5), today: day(0) }))).rejects.toMatchObject(refused);
    const done = await plan.updateLearning(db, v.self!, saved.id, schemas.learningPatch.parse({ version: saved.version, status: "done", completedOn: day(0), today: day(0) }));
    expect([done.status, done.completedOn]).toEqual(["done", day(0)]);
    // Only the finish date moves, on an item already done.
    await expect(plan.updateLearning(db, v.self!, saved.id, { version: done.version, completedOn: day(40) })).rejects.toMatchObject(refused);
  });

  it("keeps a finish date for learning that is done: on one planned or under way it is refused; reopened through the API, the finish date goes", async () => {
    const schemas = await import("@/lib/plan/schemas");
    const ONLY_DONE = "Only learning that is done has a finish date: mark it done, or clear the date.";
    const halfRead = { kind: "book", title: "Half read", status: "in_progress", startedOn: day(-9), completedOn: day(-2) };
    await expect(plan.createLearning(db, v.self!, eliId, unchecked(halfRead))).rejects.toMatchObject({
      status: 422,
      fields: { completedOn: [ONLY_DONE] },
    });
    schemaSays(halfRead, { completedOn: [ONLY_DONE] });
    const done = await plan.createLearning(db, v.self!, eliId, schemas.learningCreate.parse({ kind: "book", title: "Read twice", status: "done", startedOn: day(-9), completedOn: day(-2) }));
    // The edit form sends the finish date it shows.
    await expect(plan.updateLearning(db, v.self!, done.id, { version: done.version, status: "in_progress", startedOn: day(-9), completedOn: day(-2) })).rejects.toMatchObject({ fields: { completedOn: [ONLY_DONE] } });
    const reopened = await plan.updateLearning(db, v.self!, done.id, { version: done.version, status: "in_progress" });
    expect([reopened.status, reopened.startedOn, reopened.completedOn]).toEqual(["in_progress", day(-9), null]);
    // Done with a finish date and no start date: no start date is made up for it; edited, it still has none.
    const noStart = await plan.createLearning(db, v.self!, eliId, schemas.learningCreate.parse({ kind: "talk", title: "Heard last week", status: "done", completedOn: day(-7) }));
    expect([noStart.startedOn, noStart.completedOn]).toEqual([null, day(-7)]);
    const renamed = await plan.updateLearning(db, v.self!, noStart.id, { version: noStart.version, title: "Heard it last week", status: "done", startedOn: null, completedOn: day(-7), takeaways: "" });
    expect([renamed.startedOn, renamed.completedOn]).toEqual([null, day(-7)]);
  });

  it("keeps a start date ahead for planned learning: under way or done it is refused, at the status or at the start date, whichever changed", async () => {
    const schemas = await import("@/lib/plan/schemas");
    const startsOn = formatDate(day(20));
    const planned = await plan.createLearning(db, v.self!, eliId, schemas.learningCreate.parse({ kind: "course", title: "Starts later", status: "planned", startedOn: day(20) }));
    expect([planned.status, planned.startedOn]).toEqual(["planned", day(20)]);
    const begunAhead = { kind: "course", title: "Begun ahead", status: "in_progress", startedOn: day(20), today: day(0) };
    await expect(plan.createLearning(db, v.self!, eliId, unchecked(begunAhead))).rejects.toMatchObject({
      status: 422,
      fields: { status: [`This starts on ${startsOn}: keep it planned until then, or change its start date.`] },
    });
    schemaSays(begunAhead, { status: [`This starts on ${startsOn}: keep it planned until then, or change its start date.`] });
    // The edit form: the status changed (to in progress, the start date ahead kept): named at the status.
    await expect(plan.updateLearning(db, v.self!, planned.id, { version: planned.version, status: "in_progress", startedOn: day(20), completedOn: null, today: day(0) })).rejects.toMatchObject({
      fields: { status: [`This starts on ${startsOn}: keep it planned until then, or change its start date.`] },
    });
    // Under way already, its start moved ahead: named at the start date.
    const begun = await plan.createLearning(db, v.self!, eliId, schemas.learningCreate.parse({ kind: "course", title: "Begun", status: "in_progress", startedOn: day(-3) }));
    await expect(plan.updateLearning(db, v.self!, begun.id, { version: begun.version, status: "in_progress", startedOn: day(20), completedOn: null, today: day(0) })).rejects.toMatchObject({
      fields: { startedOn: ["It is under way, so it started today or earlier: pick a start date no later than today."] },
    });
    await expect(plan.updateLearning(db, v.self!, begun.id, { version: begun.version, startedOn: day(20) })).rejects.toMatchObject({ status: 422, fields: { startedOn: [expect.any(String)] } });
    // A title fixed through the API, on an item saved before these rules, is not judged on its dates.
    const { learningItems } = await import("@/db/schema");
    const [old] = await db
      .insert(learningItems)
      .values({ orgId: v.self!.orgId, personId: eliId, kind: "book", title: "Old row", status: "done", startedOn: day(-60), completedOn: day(300), createdBy: eliId })
      .returning();
    expect((await plan.updateLearning(db, v.self!, old!.id, { version: old!.version, title: "Old row, renamed" })).title).toBe("Old row, renamed");
  });
});

describe("learning dated automatically", () => {
  it("is dated by the viewer's day, as the form sends it, not by UTC's; a day more than one off UTC's, or none (an API script), means UTC's", async () => {
    const schemas = await import("@/lib/plan/schemas");
    const utc = new Date().toISOString().slice(0, 10);
    // Monday morning in Auckland while it is still Sunday in UTC: the browser's day is UTC's tomorrow.
    const ahead = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const started = await plan.createLearning(db, v.self!, eliId, schemas.learningCreate.parse({ kind: "book", title: "Started in Auckland", status: "in_progress", today: ahead }));
    expect(started.startedOn).toBe(ahead);
    const done = await plan.updateLearning(db, v.self!, started.id, schemas.learningPatch.parse({ version: started.version, status: "done", today: ahead }));
    expect([done.startedOn, done.completedOn]).toEqual([ahead, ahead]);
    const finished = await plan.createLearning(db, v.self!, eliId, schemas.learningCreate.parse({ kind: "book", title: "Read on the plane", status: "done", today: ahead }));
    expect([finished.startedOn, finished.completedOn]).toEqual([null, ahead]);
    // A claimed day far from UTC's is not believed; no day at all is UTC's.
    const farOff = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    const odd = await plan.createLearning(db, v.self!, eliId, schemas.learningCreate.parse({ kind: "book", title: "Odd clock", status: "in_progress", today: farOff }));
    expect(odd.startedOn).toBe(utc);
    const api = await plan.createLearning(db, v.self!, eliId, schemas.learningCreate.parse({ kind: "book", title: "From a script", status: "done" }));
    expect([api.startedOn, api.completedOn]).toEqual([null, utc]);
  });

  it("Start pressed before a planned start date starts it today, not in the future (which then refused Mark done)", async () => {
    const schemas = await import("@/lib/plan/schemas");
    const utc = new Date().toISOString().slice(0, 10);
    const later = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    const planned = await plan.createLearning(db, v.self!, eliId, schemas.learningCreate.parse({ kind: "course", title: "Planned for later", status: "planned", startedOn: later }));
    expect(planned.startedOn).toBe(later);
    const started = await plan.updateLearning(db, v.self!, planned.id, schemas.learningPatch.parse({ version: planned.version, status: "in_progress", today: utc }));
    expect([started.status, started.startedOn]).toEqual(["in_progress", utc]);
    const done = await plan.updateLearning(db, v.self!, planned.id, schemas.learningPatch.parse({ version: started.version, status: "done", today: utc }));
    expect([done.status, done.startedOn, done.completedOn]).toEqual(["done", utc, utc]);
    // An earlier start date stays as it was.
    const earlier = new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10);
    const old = await plan.createLearning(db, v.self!, eliId, schemas.learningCreate.parse({ kind: "course", title: "Begun a while ago", status: "planned", startedOn: earlier }));
    expect((await plan.updateLearning(db, v.self!, old.id, schemas.learningPatch.parse({ version: old.version, status: "in_progress", today: utc }))).startedOn).toBe(earlier);
  });
});

describe("the connection picker's search", () => {
  it("finds active members of the organization by name, title or team, never the person or another organization; asking needs plan write", async () => {
    const names = async (x: Viewer, q: string) => (await plan.searchConnectable(db, x, eliId, q)).map((p) => p.name);
    expect(await names(v.self!, "nad")).toEqual(["Nadia Petrova"]);
    expect(await names(v.manager!, "NADIA")).toEqual(["Nadia Petrova"]);
    expect(await names(v.self!, "staff mobile")).toEqual(["Nadia Petrova"]); // by title
    expect((await names(v.self!, "mobile")).length).toBeGreaterThan(1); // by team
    expect(await names(v.self!, "eli employee")).toEqual([]); // not oneself
    expect(await names(v.self!, "hank")).toEqual([]); // another organization
    expect(await names(v.self!, "%")).toEqual([]); // LIKE wildcards are literal
    expect(await names(v.self!, "   ")).toEqual([]);
    expect((await plan.searchConnectable(db, v.self!, eliId, "a", 3)).length).toBe(3);
    expect(await status(plan.searchConnectable(db, v.skip!, eliId, "nad"))).toBe(403);
    expect(await status(plan.searchConnectable(db, v.peer!, eliId, "nad"))).toBe(404);
    expect(await status(plan.searchConnectable(db, v.otherOrg!, eliId, "nad"))).toBe(404);
  });
});

describe("optimistic concurrency and purpose history", () => {
  it("a stale version answers 409 with the current goal, and changes nothing", async () => {
    const g = await plan.createGoal(db, v.self!, eliId, { title: "Concurrent", description: "", category: "learning", status: "proposed", servesPurpose: false });
    await plan.updateGoal(db, v.manager!, g.id, { version: g.version, title: "Manager's title" });
    const err = await plan.updateGoal(db, v.self!, g.id, { version: g.version, title: "Eli's title" }).catch((x) => x);
    expect(err).toBeInstanceOf(AppError);
    expect(err.status).toBe(409);
    expect(err.extra.current).toMatchObject({ title: "Manager's title", version: 2 });
    const [row] = await db.select().from(stretchGoals).where(eq(stretchGoals.id, g.id));
    expect(row!.title).toBe("Manager's title");
    // Retrying with the version from the conflict wins.
    expect((await plan.updateGoal(db, v.self!, g.id, { version: 2, title: "Eli's title" })).title).toBe("Eli's title");
    const skill = await plan.createSkill(db, v.self!, eliId, { name: "Rust", status: "used" });
    await plan.updateSkill(db, v.self!, skill.id, { version: 1, status: "unused" });
    expect(await status(plan.updateSkill(db, v.manager!, skill.id, { version: 1, status: "want_to_build" }))).toBe(409);
  });

  it("keeps every purpose statement, newest first, and refuses a save based on an old one", async () => {
    const before = await plan.getPurpose(db, v.self!, eliId);
    const base = before.current!.version;
    const saved = await plan.savePurpose(db, v.self!, eliId, { drewMe: "Helping people ship", impact: "Faster feedback loops", worthEffort: "Teaching", version: base });
    expect(saved.version).toBe(base + 1);
    const byManager = await plan.savePurpose(db, v.manager!, eliId, { drewMe: "Helping people ship", impact: "Faster feedback loops for every team", worthEffort: "Teaching", version: base + 1 });
    expect(byManager.authorName).toBe("Maya Manager");
    const stale = await plan.savePurpose(db, v.self!, eliId, { drewMe: "Mine", impact: "", worthEffort: "", version: base + 1 }).catch((x) => x);
    expect(stale.status).toBe(409);
    expect(stale.extra.current.impact).toBe("Faster feedback loops for every team");
    const after = await plan.getPurpose(db, v.skip!, eliId);
    expect(after.history.length).toBe(before.history.length + 2);
    expect(after.current!.impact).toBe("Faster feedback loops for every team");
    expect(after.history[1]!.impact).toBe("Faster feedback loops");
    // Saving the same text again adds no history row.
    await plan.savePurpose(db, v.self!, eliId, { drewMe: "Helping people ship", impact: "Faster feedback loops for every team", worthEffort: "Teaching", version: after.current!.version });
    expect((await plan.getPurpose(db, v.self!, eliId)).history.length).toBe(after.history.length);
  });
});

describe("real concurrency (PostgreSQL)", () => {
  it.runIf(onPostgres)("two simultaneous saves from the same version: exactly one wins, the other gets 409", async () => {
    const fatima = await personId(db, "fatima@acme.example");
    const fv = await viewerFor(db, "fatima@acme.example");
    const base = (await plan.getPurpose(db, fv, fatima)).current!.version;
    // Open pool connections first, so the saves really run side by side.
    await Promise.all(Array.from({ length: 8 }, () => db.execute(sql`SELECT pg_sleep(0.05)`)));
    const editors = [fv, v.manager!, fv, v.manager!, fv, v.manager!];
    const results = await Promise.all(
      editors.map((x, i) => status(plan.savePurpose(db, x, fatima, { drewMe: `concurrent ${i}`, impact: "", worthEffort: "", version: base }))),
    );
    expect(results.filter((r) => r === 200)).toHaveLength(1);
    expect(results.filter((r) => r === 409)).toHaveLength(5);
    const after = await plan.getPurpose(db, fv, fatima);
    expect(after.current!.version).toBe(base + 1);
    const g = await plan.createGoal(db, fv, fatima, { title: "Race", description: "", category: "learning", status: "proposed", servesPurpose: false });
    const races = await Promise.all(["A", "B", "C"].map((t) => status(plan.updateGoal(db, fv, g.id, { version: 1, title: t }))));
    expect(races.filter((r) => r === 200)).toHaveLength(1);
    expect(races.filter((r) => r === 409)).toHaveLength(2);
  });
});

describe("plan at a glance and export", () => {
  it("shows goals, last win, months in role and flags as each viewer may see them; nothing for peers", async () => {
    const relSelf = await relationTo(db, v.self!, eliId);
    const relMgr = await relationTo(db, v.manager!, eliId);
    const relSkip = await relationTo(db, v.skip!, eliId);
    const relPeer = await relationTo(db, v.peer!, eliId);
    const mine = await plan.planGlance(db, v.self!, eliId, relSelf);
    const mgr = await plan.planGlance(db, v.manager!, eliId, relMgr);
    const skip = await plan.planGlance(db, v.skip!, eliId, relSkip);
    expect(await plan.planGlance(db, v.peer!, eliId, relPeer)).toBeNull();
    expect(mgr!.monthsInRole).toBe(27);
    expect(mgr!.flags.find((f) => f.code === "role_stale")?.reason).toBe("Same role for 27 months (threshold 24)");
    expect(mine!.flags.find((f) => f.code === "role_stale")?.reason).toMatch(/^Your role/);
    expect(mgr!.flags.map((f) => f.code)).toContain("pulse_worsening");
    expect(skip!.flags.map((f) => f.code)).not.toContain("pulse_worsening");
    expect(mgr!.lastWin).not.toBeNull();
  });

  it("marking two skills unused raises skills_unused with its sentence", async () => {
    const rel = await relationTo(db, v.manager!, eliId);
    const skills = (await plan.listSkills(db, v.self!, eliId)).filter((s) => s.name === "Go" || s.name === "PostgreSQL performance tuning");
    for (const s of skills) await plan.updateSkill(db, v.self!, s.id, { version: s.version, status: "unused" });
    const g = await plan.planGlance(db, v.manager!, eliId, rel);
    const f = g!.flags.find((x) => x.code === "skills_unused");
    expect(f?.reason).toMatch(/skills unused in current role: .*Go/);
  });

  it("an admin sees the skills flag with a count, never the skills' names (admins may not read skills)", async () => {
    // Follows the test above: Go and PostgreSQL performance tuning are among Eli's unused skills.
    const { radarForPerson } = await import("@/lib/radar");
    const { radarForOrg } = await import("@/lib/radar/org");
    const { getPersonForApi } = await import("@/lib/people/api-people");
    const asAdmin = await radarForPerson(db, v.admin!, eliId, await relationTo(db, v.admin!, eliId));
    const unused = (await plan.listSkills(db, v.self!, eliId)).filter((s) => s.status === "unused").length;
    expect(unused).toBeGreaterThanOrEqual(2);
    expect(asAdmin!.flags.find((x) => x.code === "skills_unused")?.reason).toBe(`${unused} skills unused in current role`);
    const org = await radarForOrg(db, v.admin!, { pageSize: 200 });
    const eliInOrg = org.people.find((p) => p.id === eliId)!;
    expect(JSON.stringify(eliInOrg.flags)).not.toMatch(/PostgreSQL|\bGo\b/);
    expect(JSON.stringify(await getPersonForApi(db, v.admin!, eliId))).not.toMatch(/PostgreSQL|\bGo\b/);
    // The skip-level reads the plan, so Dana's sentence names them, as Maya's does.
    const asSkip = await radarForPerson(db, v.skip!, eliId, await relationTo(db, v.skip!, eliId));
    expect(asSkip!.flags.find((x) => x.code === "skills_unused")?.reason).toMatch(/: .*Go/);
  });

  it("the batched glance costs the same number of queries for one person or six", async () => {
    const { countQueries } = await import("@/db/query-log");
    const maya = v.manager!;
    const reports = await db.select({ id: memberships.id }).from(memberships).where(eq(memberships.managerId, maya.personId));
    const rel = { sameOrg: true, self: false, manager: true, skipLevel: false, admin: false };
    const one = await countQueries(() => plan.planGlances(db, maya, [{ personId: reports[0]!.id, rel }]));
    const all = await countQueries(() => plan.planGlances(db, maya, reports.map((r) => ({ personId: r.id, rel }))));
    expect(all.result.size).toBe(6);
    expect(all.count).toBe(one.count);
  });

  it("only the person may export, and each export is audited", async () => {
    const out = await plan.exportPlan(db, v.self!, eliId, "json");
    expect(out.goals.map((g) => g.title)).toContain("Ship the artifact cache for CI");
    const [ev] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "plan.exported"), eq(auditEvents.targetId, eliId))).orderBy(desc(auditEvents.createdAt)).limit(1);
    expect(ev?.meta).toMatchObject({ format: "json" });
    expect(await status(plan.exportPlan(db, v.manager!, eliId, "json"))).toBe(403);
    expect(await status(plan.exportPlan(db, v.skip!, eliId, "json"))).toBe(403);
    expect(await status(plan.exportPlan(db, v.peer!, eliId, "json"))).toBe(404);
    const csv = plan.planToCsv(out);
    expect(csv.split("\r\n")[0]).toBe('"section","title","status","category","date","progress","details","by"');
    expect(csv).toContain('"goal","Ship the artifact cache for CI","Done"');
    // Everything the JSON export has is in the CSV too, one section per kind.
    const sections = new Set(csv.split("\r\n").slice(1).filter(Boolean).map((line) => line.split(",")[0]));
    for (const [section, n] of [
      ['"purpose"', out.purpose.current ? 1 : 0],
      ['"goal update"', out.goals.flatMap((g) => g.updates).length],
      ['"connection"', out.connections.length],
      ['"skill"', out.skills.length],
      ['"rotation"', out.rotations.length],
      ['"role change"', out.roleEvents.length],
    ] as const) {
      expect(sections.has(section), section).toBe(n > 0);
    }
    expect(out.skills.length * out.roleEvents.length * out.goals.flatMap((g) => g.updates).length).toBeGreaterThan(0);
  });
});

describe("a manager change", () => {
  it("takes the plan away from the former manager at once and gives it to the new one", async () => {
    const omarId = await personId(db, "omar@acme.example");
    await db.update(memberships).set({ managerId: omarId }).where(eq(memberships.id, eliId));
    expect(await status(plan.getPlan(db, v.manager!, eliId))).toBe(404);
    expect(await status(plan.createWin(db, v.manager!, eliId, { title: "x", description: "", occurredOn: "2026-01-01", linksPurpose: true }))).toBe(404);
    expect(await status(plan.getPlan(db, v.peer!, eliId))).toBe(200);
    expect(await status(plan.createSkill(db, v.peer!, eliId, { name: "From Omar", status: "want_to_build" }))).toBe(200);
    expect(await status(plan.getPlan(db, v.skip!, eliId))).toBe(200);
  });
});
