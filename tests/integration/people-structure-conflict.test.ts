/**
 * An admin's person page read before someone else's change never overwrites it: the title/team form and the manager
 * form send what they showed (`basedOn`), and a change on top of a newer one is refused with what is saved now,
 * writing nothing (QA: a team change from a second tab put the old title back, recorded "Title changed to Engineer"
 * and restarted time in role; a manager change from a second tab replaced the first without a word).
 */
import { and, count, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents, meetings, memberships, roleEvents } from "@/db/schema";
import { validationError } from "@/lib/errors";
import { managerChangeInput, titleTeamInput } from "@/lib/people/schemas";
import { changeManager, changeTitleTeam } from "@/lib/people/structure";
import { onPostgres, setupTestDb, teardownTestDb } from "../helpers/db";
import { shownManager, shownTitleTeam } from "../helpers/people";
import { personId, viewerFor } from "../helpers/viewers";

let db: Db;
beforeAll(async () => {
  db = await setupTestDb({ demo: true });
});
afterAll(teardownTestDb);

/** Everything a title/team or manager change writes about a person, to show that a refusal wrote none of it. */
async function writtenAbout(id: string) {
  const [m] = await db
    .select({ title: memberships.title, team: memberships.team, managerId: memberships.managerId, version: memberships.version, updatedAt: memberships.updatedAt })
    .from(memberships)
    .where(eq(memberships.id, id));
  const events = await db.select({ id: roleEvents.id, type: roleEvents.type, newTitle: roleEvents.newTitle, newTeam: roleEvents.newTeam }).from(roleEvents).where(eq(roleEvents.personId, id));
  const [audits] = await db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.targetId, id));
  const scheduled = await db.select({ id: meetings.id, status: meetings.status, version: meetings.version }).from(meetings).where(eq(meetings.reportId, id));
  return { membership: m, events: events.sort((a, b) => a.id.localeCompare(b.id)), audits: audits!.n, meetings: scheduled.sort((a, b) => a.id.localeCompare(b.id)) };
}

describe("title and team from a page read before another change", () => {
  it("a team change on top of a title change is refused with what is saved now, and writes nothing", async () => {
    const ada = await viewerFor(db, "ada@acme.example");
    const hiro = await personId(db, "hiro@acme.example");
    // Both tabs read the person's page.
    const tab2 = await shownTitleTeam(db, hiro);
    // Tab 1 sets the title.
    expect((await changeTitleTeam(db, ada, hiro, { title: "Senior Engineer", team: tab2.team, basedOn: await shownTitleTeam(db, hiro) })).changed).toEqual(["title"]);
    const before = await writtenAbout(hiro);

    // Tab 2 changes only the team; its form still says the old title.
    await expect(changeTitleTeam(db, ada, hiro, { title: tab2.title, team: "Infrastructure", basedOn: tab2 })).rejects.toMatchObject({
      status: 409,
      code: "conflict",
      message: `Someone changed this person's title or team meanwhile: now Senior Engineer / ${tab2.team}. Nothing was saved.`,
      extra: { current: { title: "Senior Engineer", team: tab2.team } },
    });
    // No title put back, no "Title changed to …" event, time in role not restarted, nothing audited.
    expect(await writtenAbout(hiro)).toEqual(before);

    // A spelling correction from the stale page is refused just the same.
    await expect(changeTitleTeam(db, ada, hiro, { title: tab2.title, team: "Infrastructure", correction: true, basedOn: tab2 })).rejects.toMatchObject({ status: 409 });
    expect(await writtenAbout(hiro)).toEqual(before);

    // Based on what is saved now, the same team change goes through, and only the team changes.
    expect((await changeTitleTeam(db, ada, hiro, { title: "Senior Engineer", team: "Infrastructure", basedOn: { title: "Senior Engineer", team: tab2.team } })).changed).toEqual(["team"]);
    const after = await writtenAbout(hiro);
    expect(after.membership).toMatchObject({ title: "Senior Engineer", team: "Infrastructure" });
    const added = after.events.filter((e) => !before.events.some((b) => b.id === e.id));
    expect(added).toEqual([expect.objectContaining({ type: "team_change", newTeam: "Infrastructure", newTitle: null })]);
  });

  it("a stale page whose form already says what is saved changes nothing and is not refused", async () => {
    const ada = await viewerFor(db, "ada@acme.example");
    const jonah = await personId(db, "jonah@acme.example");
    const stale = await shownTitleTeam(db, jonah);
    await changeTitleTeam(db, ada, jonah, { title: "Support Lead", team: stale.team, basedOn: stale });
    const before = await writtenAbout(jonah);
    expect((await changeTitleTeam(db, ada, jonah, { title: "Support Lead", team: stale.team, basedOn: stale })).changed).toEqual([]);
    expect(await writtenAbout(jonah)).toEqual(before);
  });

  it.runIf(onPostgres)("two saves from pages read at the same moment: one is saved, the other refused, never both", async () => {
    const ada = await viewerFor(db, "ada@acme.example");
    const kira = await personId(db, "kira@acme.example");
    for (let round = 0; round < 5; round++) {
      const shown = await shownTitleTeam(db, kira);
      const eventsBefore = (await writtenAbout(kira)).events.length;
      const results = await Promise.allSettled([
        changeTitleTeam(db, ada, kira, { title: `Title A${round}`, team: shown.team, basedOn: shown }),
        changeTitleTeam(db, ada, kira, { title: shown.title, team: `Team B${round}`, basedOn: shown }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ status: 409 });
      const now = await writtenAbout(kira);
      // Exactly one of the two changes, and one event for it.
      expect([`Title A${round}` === now.membership!.title, `Team B${round}` === now.membership!.team].filter(Boolean)).toHaveLength(1);
      expect(now.events.length).toBe(eventsBefore + 1);
    }
  });
});

describe("the manager from a page read before another change", () => {
  it("is refused naming who the manager is now, and writes nothing; based on that, it goes through", async () => {
    const ada = await viewerFor(db, "ada@acme.example");
    const gus = await personId(db, "gus@acme.example");
    const omar = await personId(db, "omar@acme.example");
    const dana = await personId(db, "dana@acme.example");
    const tab2 = await shownManager(db, gus);
    expect(tab2.managerId).not.toBe(omar);
    // Tab 1 sets Omar.
    expect(await changeManager(db, ada, gus, omar, await shownManager(db, gus))).toEqual({ changed: true });
    const before = await writtenAbout(gus);

    // Tab 2, still showing the former manager, sets Dana.
    await expect(changeManager(db, ada, gus, dana, tab2)).rejects.toMatchObject({
      status: 409,
      code: "conflict",
      message: "Someone changed this person's manager meanwhile: they now report to Omar Manager. Nothing was saved.",
      extra: { current: { managerId: omar, managerName: "Omar Manager", managerDeactivated: false } },
    });
    // And "No manager" from it likewise.
    await expect(changeManager(db, ada, gus, null, tab2)).rejects.toMatchObject({ status: 409 });
    expect(await writtenAbout(gus)).toEqual(before);

    // Choosing the manager already saved is no change, whatever the page showed.
    expect(await changeManager(db, ada, gus, omar, tab2)).toEqual({ changed: false });
    expect(await writtenAbout(gus)).toEqual(before);

    // Based on Omar, Dana is saved, and audited from Omar.
    expect(await changeManager(db, ada, gus, dana, { managerId: omar })).toEqual({ changed: true });
    expect((await shownManager(db, gus)).managerId).toBe(dana);
    const [a] = await db
      .select({ meta: auditEvents.meta })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "member.manager_changed"), eq(auditEvents.targetId, gus)))
      .orderBy(desc(auditEvents.createdAt))
      .limit(1);
    expect(a?.meta).toEqual({ from: omar, to: dana });
  });

  it("names “no manager” when the manager was taken away meanwhile", async () => {
    const ada = await viewerFor(db, "ada@acme.example");
    const fatima = await personId(db, "fatima@acme.example");
    const omar = await personId(db, "omar@acme.example");
    const stale = await shownManager(db, fatima);
    expect(stale.managerId).not.toBeNull();
    await changeManager(db, ada, fatima, null, stale);
    await expect(changeManager(db, ada, fatima, omar, stale)).rejects.toMatchObject({
      status: 409,
      message: "Someone changed this person's manager meanwhile: they now have no manager. Nothing was saved.",
      extra: { current: { managerId: null } },
    });
    expect((await shownManager(db, fatima)).managerId).toBeNull();
  });
});

describe("the forms' input", () => {
  it("requires what the change was based on: missing is a 428 like a missing version, blank is a value", () => {
    const missingManager = managerChangeInput.safeParse({ managerId: "" });
    expect(missingManager.success ? null : validationError(missingManager.error)).toMatchObject({ status: 428, code: "version_required", fields: { basedOnManagerId: [expect.any(String)] } });
    expect(managerChangeInput.parse({ managerId: "", basedOnManagerId: "" })).toEqual({ managerId: null, basedOnManagerId: null });

    const missingTitle = titleTeamInput.safeParse({ title: "Engineer", team: "Infrastructure", effectiveOn: "" });
    expect(missingTitle.success ? null : validationError(missingTitle.error)).toMatchObject({ status: 428, code: "version_required", fields: { basedOnTitle: [expect.any(String)], basedOnTeam: [expect.any(String)] } });
    expect(titleTeamInput.parse({ title: " Engineer ", team: "", effectiveOn: "", basedOnTitle: "", basedOnTeam: " Web " })).toMatchObject({ title: "Engineer", team: "", basedOnTitle: "", basedOnTeam: " Web " });
  });
});
