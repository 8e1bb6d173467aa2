import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditEvents, invitations, memberships, roleEvents, users } from "@/db/schema";
import { countQueries } from "@/db/query-log";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/policy";
import { relationTo } from "@/lib/policy/relation";
import { getRadarSettings, radarForPerson } from "@/lib/radar";
import { orgAggregates, radarForOrg } from "@/lib/radar/org";
import { getDirectoryEntry, listDirectory } from "@/lib/people/directory";
import { createRoleEvent, deleteRoleEvent, listRoleEvents, updateRoleEvent } from "@/lib/people/role-events";
import { createRotation, listRotations, updateRotation } from "@/lib/people/rotations";
import { adoptTimelineTitle, changeManager, changeTitleTeam, deactivateMember } from "@/lib/people/structure";
import { timelineAhead } from "@/lib/people/timeline-title";
import { applyImport, planImport } from "@/lib/people/csv-import";
import { acceptInvitation, createInvitation, findInvitation, hashToken, listInvitations, revokeInvitation } from "@/lib/people/invitations";
import { whyInvitationEnded } from "@/lib/people/invitation-ended";
import { getOrgSettings, updateOrgSettings } from "@/lib/settings/org-settings";
import { listPeopleForApi, getPersonForApi } from "@/lib/people/api-people";
import { setupTestDb, teardownTestDb } from "../helpers/db";
import { shownManager, shownTitleTeam } from "../helpers/people";
import { personId, viewerFor } from "../helpers/viewers";

let db: Db;
beforeAll(async () => {
  db = await setupTestDb({ demo: true });
});
afterAll(teardownTestDb);

/** The HTTP status a call ends with: 200 when it resolves, else the AppError's status. */
async function status(p: Promise<unknown>): Promise<number> {
  try {
    await p;
    return 200;
  } catch (e) {
    if (e instanceof AppError) return e.status;
    throw e;
  }
}

const today = () => new Date().toISOString().slice(0, 10);
const V = (email: string) => viewerFor(db, email);

describe("access to Eli's radar resources, per actor of ACCESS.md", () => {
  it("directory, role history, flags and org settings: allow / 403 / 404 as the table says", async () => {
    const eli = await personId(db, "eli@acme.example");
    const actors = {
      self: await V("eli@acme.example"),
      manager: await V("maya@acme.example"),
      skip: await V("dana@acme.example"),
      peer: await V("kira@acme.example"),
      admin: await V("ada@acme.example"),
      otherMember: await V("hank@globex.example"),
      otherManager: await V("gina@globex.example"),
    };
    const ev = { type: "scope_change" as const, effectiveOn: new Date().toISOString().slice(0, 10), description: "probe", newTitle: null, newTeam: null };
    const expected: Record<keyof typeof actors, { dir: number; histR: number; histW: number; flags: number; settings: number }> = {
      self: { dir: 200, histR: 200, histW: 403, flags: 200, settings: 404 },
      manager: { dir: 200, histR: 200, histW: 200, flags: 200, settings: 404 },
      skip: { dir: 200, histR: 200, histW: 403, flags: 200, settings: 404 },
      peer: { dir: 200, histR: 404, histW: 404, flags: 404, settings: 404 },
      admin: { dir: 200, histR: 200, histW: 200, flags: 200, settings: 200 },
      otherMember: { dir: 404, histR: 404, histW: 404, flags: 404, settings: 404 },
      otherManager: { dir: 404, histR: 404, histW: 404, flags: 404, settings: 404 },
    };
    for (const [name, v] of Object.entries(actors) as [keyof typeof actors, Awaited<ReturnType<typeof V>>][]) {
      const got = {
        dir: await status(getDirectoryEntry(db, v, eli)),
        histR: await status(listRoleEvents(db, v, eli)),
        histW: await status(createRoleEvent(db, v, eli, ev)),
        flags: await status(authorize(db, v, "flags", "read", eli)),
        settings: await status(getOrgSettings(db, v)),
      };
      expect({ name, ...got }).toEqual({ name, ...expected[name] });
    }
    // Rotations follow role history.
    expect(await status(listRotations(db, actors.peer, eli))).toBe(404);
    expect(await status(listRotations(db, actors.skip, eli))).toBe(200);
    expect(await status(createRotation(db, actors.skip, eli, { host: "X", startOn: "2025-01-01", plannedEndOn: null, status: "planned", learningGoal: "" }))).toBe(403);
    // Settings writes: admin only; other-org admin sees nothing of Acme.
    expect(await status(updateOrgSettings(db, actors.manager, { roleNoticeMonths: 15, roleWarningMonths: 24, defaultCadenceDays: 14, pulseAlertScore: 4, learningGapMonths: 6, stuckAckDays: 7, version: 1 }))).toBe(404);
    // Clean up the probes written by manager and admin.
    await db.delete(roleEvents).where(and(eq(roleEvents.personId, eli), eq(roleEvents.description, "probe")));
  });

  it("the pulse alert takes half points: 3.5 is saved, read back and used by the radar as 3.5", async () => {
    const ada = await V("ada@acme.example");
    const before = await getOrgSettings(db, ada);
    const { name: _n, ...values } = before;
    const saved = await updateOrgSettings(db, ada, { ...values, pulseAlertScore: 3.5 });
    expect(saved.pulseAlertScore).toBe(3.5);
    expect((await getOrgSettings(db, ada)).pulseAlertScore).toBe(3.5);
    expect((await getRadarSettings(db, await V("maya@acme.example"))).pulseAlertScore).toBe(3.5);
    const { name: _m, ...now } = saved;
    await updateOrgSettings(db, ada, { ...now, pulseAlertScore: before.pulseAlertScore });
  });

  it("flags shown to a skip-level or admin never include pulse- or stuck-derived ones; self and manager see them", async () => {
    const eli = await personId(db, "eli@acme.example");
    const codes = async (email: string) => {
      const v = await V(email);
      const rel = await relationTo(db, v, eli);
      return (await radarForPerson(db, v, eli, rel))!.flags.map((f) => f.code);
    };
    expect(await codes("maya@acme.example")).toContain("pulse_worsening");
    expect(await codes("eli@acme.example")).toContain("pulse_worsening");
    expect(await codes("dana@acme.example")).not.toContain("pulse_worsening");
    expect(await codes("ada@acme.example")).not.toContain("pulse_worsening");
    const api = await listPeopleForApi(db, await V("ada@acme.example"), { page: 1, limit: 200 });
    expect(api.scope).toBe("org");
    expect(api.items.flatMap((p) => p.flags ?? []).map((f) => f.code)).not.toContain("pulse_worsening");
    const peerView = await listPeopleForApi(db, await V("kira@acme.example"), { page: 1, limit: 5 });
    expect(peerView.scope).toBe("directory");
    expect(peerView.items[0]).not.toHaveProperty("flags");
    expect(peerView.total).toBeGreaterThan(5);
    // The documented limit holds for the directory and a search too (they came back with 100).
    expect((await listPeopleForApi(db, await V("kira@acme.example"), { page: 1, limit: 200 })).limit).toBe(200);
    expect((await listPeopleForApi(db, await V("maya@acme.example"), { page: 1, limit: 150, q: "e" })).limit).toBe(150);
    // A manager of managers lists the subtree (compact read): each person's manager as the directory names them.
    const dana = await V("dana@acme.example");
    const sub = await listPeopleForApi(db, dana, { page: 1, limit: 200 });
    expect(sub.scope).toBe("subtree");
    expect(sub.total).toBeGreaterThanOrEqual(14);
    for (const p of sub.items) {
      const entry = await getDirectoryEntry(db, dana, p.id);
      expect({ id: p.id, name: p.name, title: p.title, team: p.team, managerId: p.managerId, managerName: p.managerName }).toEqual({
        id: entry.id,
        name: entry.name,
        title: entry.title,
        team: entry.team,
        managerId: entry.managerId,
        managerName: entry.managerName,
      });
    }
    expect(await status(getPersonForApi(db, await V("hank@globex.example"), eli))).toBe(404);
  });
});

describe("role events and rotations", () => {
  it("a scope change recorded by the manager clears role_stale; a stale version is a 409", async () => {
    const maya = await V("maya@acme.example");
    const eli = await personId(db, "eli@acme.example");
    const rel = await relationTo(db, maya, eli);
    expect((await radarForPerson(db, maya, eli, rel))!.flags.map((f) => f.code)).toContain("role_stale");
    const ev = await createRoleEvent(db, maya, eli, { type: "scope_change", effectiveOn: today(), description: "Leads the build-cache project", newTitle: null, newTeam: null });
    const after = (await radarForPerson(db, maya, eli, rel))!;
    expect(after.flags.map((f) => f.code)).not.toContain("role_stale");
    expect(after.monthsInRole).toBe(0);
    const saved = await updateRoleEvent(db, maya, ev.id, { description: "Leads the build-cache project (v2)", version: ev.version });
    expect(saved.version).toBe(ev.version + 1);
    // A PATCH that leaves a field out keeps it (the API's partial update).
    const { roleEventPatch } = await import("@/lib/people/schemas");
    const moved = await updateRoleEvent(db, maya, ev.id, roleEventPatch.parse({ version: saved.version, effectiveOn: today() }));
    expect(moved.description).toBe("Leads the build-cache project (v2)");
    const stale = updateRoleEvent(db, maya, ev.id, { description: "lost update", version: saved.version });
    await expect(stale).rejects.toMatchObject({ status: 409 });
    // The other org cannot even find the event.
    expect(await status(deleteRoleEvent(db, await V("gina@globex.example"), ev.id, moved.version))).toBe(404);
    expect(await status(deleteRoleEvent(db, await V("dana@acme.example"), ev.id, moved.version))).toBe(403);
    await deleteRoleEvent(db, maya, ev.id, moved.version);
    expect((await radarForPerson(db, maya, eli, rel))!.flags.map((f) => f.code)).toContain("role_stale");
  });

  it("starting and ending a rotation writes rotation_start and rotation_end events", async () => {
    const omar = await V("omar@acme.example");
    const leo = await personId(db, "leo@acme.example");
    const r = await createRotation(db, omar, leo, { host: "Design Systems", startOn: today(), plannedEndOn: null, status: "planned", learningGoal: "Accessibility" });
    const types = async () => (await listRoleEvents(db, omar, leo)).filter((e) => e.rotationId === r.id).map((e) => e.type).sort();
    expect(await types()).toEqual([]);
    const active = await updateRotation(db, omar, r.id, { status: "active", version: r.version });
    expect(await types()).toEqual(["rotation_start"]);
    await updateRotation(db, omar, r.id, { status: "done", version: active.version });
    expect(await types()).toEqual(["rotation_end", "rotation_start"]);
    await expect(updateRotation(db, omar, r.id, { status: "done", version: active.version })).rejects.toMatchObject({ status: 409 });
  });
});

describe("structure changes", () => {
  it("refuses self-management and cycles", async () => {
    const ada = await V("ada@acme.example");
    const dana = await personId(db, "dana@acme.example");
    const maya = await personId(db, "maya@acme.example");
    const eli = await personId(db, "eli@acme.example");
    await expect(changeManager(db, ada, maya, maya, await shownManager(db, maya))).rejects.toMatchObject({ status: 422, fields: { managerId: [expect.stringMatching(/themselves/)] } });
    await expect(changeManager(db, ada, dana, eli, await shownManager(db, dana))).rejects.toMatchObject({ status: 422, fields: { managerId: [expect.stringMatching(/loop/)] } });
    expect(await status(changeManager(db, await V("maya@acme.example"), eli, dana, await shownManager(db, eli)))).toBe(403);
  });

  it("a manager change takes the former manager's access away at once and is audited", async () => {
    const ada = await V("ada@acme.example");
    const gus = await personId(db, "gus@acme.example");
    const omarId = await personId(db, "omar@acme.example");
    const maya = await V("maya@acme.example");
    const omar = await V("omar@acme.example");
    expect(await status(listRoleEvents(db, maya, gus))).toBe(200);
    expect(await status(listRoleEvents(db, omar, gus))).toBe(404);
    await changeManager(db, ada, gus, omarId, await shownManager(db, gus));
    expect(await status(listRoleEvents(db, maya, gus))).toBe(404);
    expect(await status(authorize(db, maya, "flags", "read", gus))).toBe(404);
    expect(await status(createRoleEvent(db, maya, gus, { type: "scope_change", effectiveOn: today(), description: "", newTitle: null, newTeam: null }))).toBe(404);
    expect(await status(getDirectoryEntry(db, maya, gus))).toBe(200); // still a colleague in the directory
    expect(await status(listRoleEvents(db, omar, gus))).toBe(200);
    const [a] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "member.manager_changed"), eq(auditEvents.targetId, gus)));
    expect(a?.meta).toMatchObject({ to: omarId });
  });

  it("a title change records a title_change role event", async () => {
    const ada = await V("ada@acme.example");
    const hiro = await personId(db, "hiro@acme.example");
    const res = await changeTitleTeam(db, ada, hiro, { title: "Staff Engineer", team: undefined, basedOn: await shownTitleTeam(db, hiro) });
    expect(res.changed).toEqual(["title"]);
    const evs = await listRoleEvents(db, ada, hiro);
    expect(evs[0]).toMatchObject({ type: "title_change", newTitle: "Staff Engineer", effectiveOn: today() });
    expect((await changeTitleTeam(db, ada, hiro, { title: "Staff Engineer", basedOn: await shownTitleTeam(db, hiro) })).changed).toEqual([]);
  });

  it("a title change in the directory is dated as a new role event: not ahead, not before the latest; refused at the date, nothing changed", async () => {
    const ada = await V("ada@acme.example");
    const hiro = await personId(db, "hiro@acme.example");
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const before = await listRoleEvents(db, ada, hiro);
    const latest = before.map((e) => e.effectiveOn).sort().at(-1)!;
    const [dirBefore] = await db.select({ title: memberships.title, version: memberships.version }).from(memberships).where(eq(memberships.id, hiro));
    // Two days ahead is after every time zone's today: the directory would show the title before it is true.
    await expect(changeTitleTeam(db, ada, hiro, { title: "Principal Engineer", effectiveOn: day(2), basedOn: await shownTitleTeam(db, hiro) })).rejects.toMatchObject({
      status: 422,
      fields: { effectiveOn: [expect.stringMatching(/is in the future: change the title or team once the change has happened/)] },
    });
    // Before the latest event: the timeline's latest would say another role than the directory.
    const dayBefore = new Date(Date.parse(latest) - 86_400_000).toISOString().slice(0, 10);
    await expect(changeTitleTeam(db, ada, hiro, { title: "Principal Engineer", team: "Platform", effectiveOn: dayBefore, basedOn: await shownTitleTeam(db, hiro) })).rejects.toMatchObject({
      status: 422,
      fields: { effectiveOn: [expect.stringMatching(/is before the latest role event .*add it on the timeline/)] },
    });
    expect(await listRoleEvents(db, ada, hiro)).toEqual(before);
    const [dirAfter] = await db.select({ title: memberships.title, version: memberships.version }).from(memberships).where(eq(memberships.id, hiro));
    expect(dirAfter).toEqual(dirBefore);
    // A spelling correction is not dated, so the rule does not apply to it.
    expect((await changeTitleTeam(db, ada, hiro, { title: `${dirBefore!.title} `, effectiveOn: day(2), correction: true, basedOn: await shownTitleTeam(db, hiro) })).changed).toEqual([]);

    // Without a date, the change is dated the viewer's today (a browser west of UTC may still be on yesterday).
    const jonah = await personId(db, "jonah@acme.example");
    const jonahLatest = (await listRoleEvents(db, ada, jonah)).map((e) => e.effectiveOn).sort().at(-1);
    expect(jonahLatest! < day(-1)).toBe(true);
    await changeTitleTeam(db, ada, jonah, { title: "Support Lead", today: day(-1), basedOn: await shownTitleTeam(db, jonah) });
    expect((await listRoleEvents(db, ada, jonah))[0]).toMatchObject({ type: "title_change", newTitle: "Support Lead", effectiveOn: day(-1) });
  });

  it("a spelling correction of a title is not a role change: the directory and the timeline's event take it, time in role goes on", async () => {
    const ada = await V("ada@acme.example");
    const ines = await personId(db, "ines@acme.example");
    // A week ago: after her latest role event in the demo data (dates there are relative to today), not in the future.
    const weekAgo = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
    await changeTitleTeam(db, ada, ines, { title: "Senoir Data Engineer", effectiveOn: weekAgo, basedOn: await shownTitleTeam(db, ines) });
    const before = await listRoleEvents(db, ada, ines);
    expect(before[0]).toMatchObject({ type: "title_change", newTitle: "Senoir Data Engineer", description: "Title changed to Senoir Data Engineer", effectiveOn: weekAgo });
    const roleSince = async () => (await radarForPerson(db, ada, ines, await relationTo(db, ada, ines)))!.roleSince;
    expect(await roleSince()).toBe(weekAgo);

    // The date of a correction is not used (the form says so).
    expect((await changeTitleTeam(db, ada, ines, { title: "Senior Data Engineer", effectiveOn: "2020-01-01", correction: true, basedOn: await shownTitleTeam(db, ines) })).changed).toEqual(["title"]);
    const after = await listRoleEvents(db, ada, ines);
    expect(after).toHaveLength(before.length); // no new event
    expect(after[0]).toMatchObject({ id: before[0]!.id, newTitle: "Senior Data Engineer", description: "Title changed to Senior Data Engineer", effectiveOn: weekAgo });
    const entry = await getDirectoryEntry(db, ada, ines);
    expect(entry.title).toBe("Senior Data Engineer");
    expect(await roleSince()).toBe(weekAgo);
    const [a] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "member.title_team_corrected"), eq(auditEvents.targetId, ines)));
    expect(a?.meta).toMatchObject({ changed: ["title"], title: "Senior Data Engineer" });
  });

  it("a spelling correction reaches the promotion that set the title, so the page sees no disagreement to undo it with", async () => {
    const ada = await V("ada@acme.example");
    const gus = await personId(db, "gus@acme.example");
    // A promotion recorded yesterday, misspelt, and the directory saying the same.
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const [promo] = await db
      .insert(roleEvents)
      .values({ orgId: ada.orgId, personId: gus, type: "promotion", effectiveOn: yesterday, newTitle: "Senoir Engineer", description: "Promoted for the billing rewrite", createdBy: ada.personId })
      .returning();
    await db.update(memberships).set({ title: "Senoir Engineer" }).where(eq(memberships.id, gus));
    const events = await listRoleEvents(db, ada, gus);
    expect((await changeTitleTeam(db, ada, gus, { title: "Senior Engineer", correction: true, basedOn: await shownTitleTeam(db, gus) })).changed).toEqual(["title"]);
    const after = await listRoleEvents(db, ada, gus);
    expect(after).toHaveLength(events.length);
    expect(after.find((e) => e.id === promo!.id)).toMatchObject({ type: "promotion", newTitle: "Senior Engineer", description: "Promoted for the billing rewrite", effectiveOn: yesterday });
    expect(timelineAhead(after, await getDirectoryEntry(db, ada, gus), today())).toBeNull();
  });

  it("the demo's directory says what its timelines do, so no page shows a disagreement nobody made", async () => {
    const ada = await V("ada@acme.example");
    const people = await db.select({ id: memberships.id, title: memberships.title, team: memberships.team }).from(memberships).where(eq(memberships.orgId, ada.orgId));
    const ahead = [];
    for (const p of people) {
      const evs = await listRoleEvents(db, ada, p.id);
      const a = timelineAhead(evs, p, today());
      if (a) ahead.push({ id: p.id, ...a });
    }
    expect(ahead).toEqual([]);
  });

  it("a promotion a manager recorded reaches the directory when an admin takes it from the timeline; only an admin may", async () => {
    const ada = await V("ada@acme.example");
    const omar = await V("omar@acme.example");
    const leo = await personId(db, "leo@acme.example");
    await createRoleEvent(db, omar, leo, { type: "promotion", effectiveOn: today(), description: "Promoted", newTitle: "Senior Backend Engineer", newTeam: null });
    expect((await getDirectoryEntry(db, ada, leo)).title).not.toBe("Senior Backend Engineer");
    expect(await status(adoptTimelineTitle(db, omar, leo))).toBe(403);
    const before = (await listRoleEvents(db, ada, leo)).length;
    expect((await adoptTimelineTitle(db, ada, leo)).changed).toEqual(["title"]);
    expect((await getDirectoryEntry(db, ada, leo)).title).toBe("Senior Backend Engineer");
    expect((await listRoleEvents(db, ada, leo)).length).toBe(before); // the timeline already had it
    expect((await adoptTimelineTitle(db, ada, leo)).changed).toEqual([]);
    const [a] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "member.role_changed"), eq(auditEvents.targetId, leo)));
    expect(a?.meta).toMatchObject({ changed: ["title"], title: "Senior Backend Engineer", fromTimeline: true });
  });

  it("a title change must say its title: a blank one is refused at the field and records nothing", async () => {
    const ada = await V("ada@acme.example");
    const hiro = await personId(db, "hiro@acme.example");
    const before = await listRoleEvents(db, ada, hiro);
    for (const title of ["", " \t "]) {
      await expect(changeTitleTeam(db, ada, hiro, { title, team: "Payments", basedOn: await shownTitleTeam(db, hiro) })).rejects.toMatchObject({ status: 422, fields: { title: ["Enter the new title."] } });
    }
    expect(await listRoleEvents(db, ada, hiro)).toEqual(before);
    const [row] = await db.select({ title: memberships.title, team: memberships.team }).from(memberships).where(eq(memberships.id, hiro));
    expect(row?.title).not.toBe("");
    expect(row?.team).not.toBe("Payments");
  });
});

describe("CSV import", () => {
  const header = "email,name,title,team,manager email,role start date";
  const good = [header, "zoe@acme.example,Zoe Zhang,Engineer,Platform,maya@acme.example,2025-01-15", "yan@acme.example,Yan Li,Engineer,Platform,zoe@acme.example,2025-03-01", '"ines@acme.example","Ines","Senior Engineer, Data",Platform,maya@acme.example,'].join("\r\n");

  it("writes nothing when one row is bad, and reports each bad row", async () => {
    const ada = await V("ada@acme.example");
    const before = await db.select({ n: sql<number>`count(*)::int` }).from(memberships);
    const bad = `${good}\r\nxavier@acme.example,Xavier,Eng,Web,nobody@acme.example,2025-13-01`;
    const plan = await planImport(db, ada, bad);
    expect(plan.valid).toBe(false);
    const row = plan.rows.find((r) => r.email === "xavier@acme.example")!;
    expect(row.errors).toEqual(expect.arrayContaining([expect.stringMatching(/^Role start date 2025-13-01 does not exist\.$/), expect.stringMatching(/Unknown manager/)]));
    await expect(applyImport(db, ada, bad)).rejects.toMatchObject({ status: 422 });
    const after = await db.select({ n: sql<number>`count(*)::int` }).from(memberships);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it("refuses a reporting loop created by the file", async () => {
    const ada = await V("ada@acme.example");
    const loop = [header, "maya@acme.example,Maya Manager,Engineering Manager,Platform,eli@acme.example,"].join("\n");
    const plan = await planImport(db, ada, loop);
    expect(plan.rows[0]!.errors.join(" ")).toMatch(/loop/);
  });

  it("imports a valid file in one go, and importing it again changes nothing", async () => {
    const ada = await V("ada@acme.example");
    const first = await applyImport(db, ada, good);
    expect(first.counts).toMatchObject({ create: 2, update: 1 });
    const dir = await listDirectory(db, ada, { q: "Zoe" });
    expect(dir.items[0]).toMatchObject({ name: "Zoe Zhang", managerName: "Maya Manager", team: "Platform" });
    const yan = await listDirectory(db, ada, { q: "Yan Li" });
    expect(yan.items[0]!.managerName).toBe("Zoe Zhang");
    const countRows = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(roleEvents))[0]!.n;
    const eventsBefore = await countRows();
    const versions = await db.select({ id: memberships.id, v: memberships.version }).from(memberships);
    const again = await applyImport(db, ada, good);
    expect(again.counts).toEqual({ create: 0, update: 0, unchanged: 3 });
    expect(again.roleEventsAdded).toBe(0);
    expect(await countRows()).toBe(eventsBefore);
    expect(await db.select({ id: memberships.id, v: memberships.version }).from(memberships)).toEqual(versions);
    const zoe = dir.items[0]!.id;
    const maya = await V("maya@acme.example");
    expect((await listRoleEvents(db, maya, zoe)).map((e) => e.effectiveOn)).toEqual(["2025-01-15"]);
    expect(await status(planImport(db, maya, good))).toBe(404);
  });
});

describe("a CSV import with fewer columns", () => {
  it("keeps what members have in the columns it leaves out, and refuses emptying a title", async () => {
    const ada = await V("ada@acme.example");
    const before = await listDirectory(db, ada, { q: "Eli Employee" });
    const eli = before.items[0]!;
    // Only email and name: Eli keeps his title, team and manager; a newcomer starts without them.
    const plan = await planImport(db, ada, "email,name\neli@acme.example,Eli Employee\nnew.hire@acme.example,New Hire\n");
    expect(plan.valid).toBe(true);
    expect(plan.counts).toMatchObject({ create: 1, unchanged: 1 });
    const applied = await applyImport(db, ada, "email,name\neli@acme.example,Eli Employee\nnew.hire@acme.example,New Hire\n");
    expect(applied.counts).toMatchObject({ create: 1, unchanged: 1 });
    const after = (await listDirectory(db, ada, { q: "Eli Employee" })).items[0]!;
    expect(after).toMatchObject({ title: eli.title, team: eli.team, managerName: eli.managerName });
    // A title column with an empty cell would record a title change with no title: refused at the row.
    const blank = await planImport(db, ada, "email,name,title\neli@acme.example,Eli Employee,\n");
    expect(blank.valid).toBe(false);
    expect(blank.rows[0]!.errors.join(" ")).toMatch(/Title is empty/);
  });
});

describe("a role start nobody recorded", () => {
  it("is told apart from a recorded one, on the radar and in the API, until a role event dates it", async () => {
    const ada = await V("ada@acme.example");
    const { token } = await createInvitation(db, ada, { email: "unknown.start@acme.example", name: "Una Known", title: "Engineer", team: "Web", role: "member", managerId: null });
    await acceptInvitation(db, token, "long-enough-password");
    const [una] = await db.select({ id: memberships.id }).from(memberships).innerJoin(users, eq(users.id, memberships.userId)).where(eq(users.email, "unknown.start@acme.example"));
    const rel = await relationTo(db, ada, una!.id);
    const before = (await radarForPerson(db, ada, una!.id, rel))!;
    // Counted from when she was added, and said to be so.
    expect(before.roleStartRecorded).toBe(false);
    expect(before.roleSince).toBe(new Date().toISOString().slice(0, 10));
    expect((await getPersonForApi(db, ada, una!.id)).roleStartRecorded).toBe(false);
    // Her manager records when she really started: recorded, and the months follow.
    await createRoleEvent(db, ada, una!.id, { type: "title_change", effectiveOn: "2023-03-01", description: "Started as Engineer", newTitle: "Engineer", newTeam: null });
    const after = (await radarForPerson(db, ada, una!.id, rel))!;
    expect(after.roleStartRecorded).toBe(true);
    expect(after.roleSince).toBe("2023-03-01");
    expect(after.monthsInRole).toBeGreaterThan(30);
    // The demo's people have recorded starts, in the summary read (a subtree) as in the full one.
    const { radarSubtree } = await import("@/lib/radar");
    const sub = await radarSubtree(db, await V("dana@acme.example"));
    expect(sub.length).toBeGreaterThan(5);
    expect(sub.every((p) => p.roleStartRecorded)).toBe(true);
  });
});

describe("invitations", () => {
  it("stores only a hash, accepts once with a password of at least 8 characters", async () => {
    const ada = await V("ada@acme.example");
    const { token } = await createInvitation(db, ada, { email: "new.person@acme.example", name: "New Person", title: "Engineer", team: "Web", role: "member", managerId: null });
    const [inv] = await db.select().from(invitations).where(eq(invitations.email, "new.person@acme.example"));
    expect(inv!.tokenHash).toBe(hashToken(token));
    expect(inv!.tokenHash).not.toContain(token);
    expect(inv!.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 3600 * 1000);
    await acceptInvitation(db, token, "long-enough-password");
    await expect(acceptInvitation(db, token, "long-enough-password")).rejects.toMatchObject({ status: 404 });
    expect(await whyInvitationEnded(db, token)).toEqual({ why: "used", orgName: "Acme Robotics" });
    const dir = await listDirectory(db, ada, { q: "New Person" });
    expect(dir.items[0]).toMatchObject({ title: "Engineer", team: "Web" });
    expect(await status(createInvitation(db, await V("maya@acme.example"), { email: "x@acme.example", name: "X", title: "", team: "", role: "member", managerId: null }))).toBe(404);
  });
});

describe("revoking an invitation", () => {
  it("ends the link at once, only for the organization's admins; inviting someone again ends their earlier link", async () => {
    const ada = await V("ada@acme.example");
    const input = { email: "wrong.address@acme.example", name: "Wrong Address", title: "", team: "", role: "admin" as const, managerId: null };
    const first = await createInvitation(db, ada, input);
    const second = await createInvitation(db, ada, { ...input, role: "member" });
    // One live link per person: the earlier one is gone from the list and no longer opens.
    await expect(findInvitation(db, first.token)).rejects.toMatchObject({ status: 404 });
    // Said to the admin, in the audit log, and on the earlier link's page (QA: both invitations read "created").
    expect([first.endedEarlier, second.endedEarlier]).toEqual([false, true]);
    const invited = await db.select({ meta: auditEvents.meta }).from(auditEvents).where(and(eq(auditEvents.action, "member.invited"), eq(auditEvents.targetId, second.id)));
    expect(invited.map((a) => a.meta)).toEqual([{ email: input.email, earlierLink: "ended" }]);
    expect(await whyInvitationEnded(db, first.token)).toEqual({ why: "replaced", orgName: "Acme Robotics" });
    expect((await listInvitations(db, ada)).filter((i) => i.email === input.email).map((i) => i.role)).toEqual(["member"]);
    // Nobody but Acme's admins can revoke it, and they see it as missing.
    for (const email of ["maya@acme.example", "gina@globex.example"]) await expect(revokeInvitation(db, await V(email), second.id)).rejects.toMatchObject({ status: 404 });
    expect((await findInvitation(db, second.token)).email).toBe(input.email);
    await revokeInvitation(db, ada, second.id);
    await expect(findInvitation(db, second.token)).rejects.toMatchObject({ status: 404 });
    // Its page says it was revoked, not "already used or has expired".
    expect(await whyInvitationEnded(db, second.token)).toEqual({ why: "revoked", orgName: "Acme Robotics" });
    expect(await whyInvitationEnded(db, "no-such-token-at-all")).toEqual({ why: "unknown" });
    const late = await createInvitation(db, ada, { ...input, email: "late.reader@acme.example" });
    await db.update(invitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invitations.id, late.id));
    expect(await whyInvitationEnded(db, late.token)).toEqual({ why: "expired", orgName: "Acme Robotics" });
    await expect(acceptInvitation(db, second.token, "a long enough password")).rejects.toMatchObject({ status: 404 });
    await expect(revokeInvitation(db, ada, second.id)).rejects.toMatchObject({ status: 404 });
    expect((await listInvitations(db, ada)).some((i) => i.email === input.email)).toBe(false);
  });
});

describe("org settings", () => {
  it("validates and uses optimistic concurrency on version", async () => {
    const ada = await V("ada@acme.example");
    const s = await getOrgSettings(db, ada);
    const { name: _n, ...vals } = s;
    const saved = await updateOrgSettings(db, ada, { ...vals, roleWarningMonths: 30 });
    expect(saved.version).toBe(s.version + 1);
    await expect(updateOrgSettings(db, ada, { ...vals, roleWarningMonths: 20 })).rejects.toMatchObject({ status: 409, extra: { current: { roleWarningMonths: 30 } } });
    await updateOrgSettings(db, ada, { ...vals, version: saved.version });
  });

  it("records in the audit log what a save changed, before and after, and shows it by the settings' names", async () => {
    const ada = await V("ada@acme.example");
    const s = await getOrgSettings(db, ada);
    const { name: _n, ...vals } = s;
    await updateOrgSettings(db, ada, { ...vals, roleNoticeMonths: vals.roleNoticeMonths + 1, stuckAckDays: vals.stuckAckDays + 2 });
    const [ev] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, ada.orgId), eq(auditEvents.action, "org.settings_changed")))
      .orderBy(sql`${auditEvents.createdAt} DESC`)
      .limit(1);
    expect(ev!.meta).toEqual({ roleNoticeMonths: [vals.roleNoticeMonths, vals.roleNoticeMonths + 1], stuckAckDays: [vals.stuckAckDays, vals.stuckAckDays + 2] });
    const { auditMetaText } = await import("@/lib/audit/labels");
    expect(auditMetaText(ev!.meta as Record<string, unknown>).split(" · ").sort()).toEqual(
      [`Role notice (months): ${vals.roleNoticeMonths} → ${vals.roleNoticeMonths + 1}`, `Stuck acknowledgement (days): ${vals.stuckAckDays} → ${vals.stuckAckDays + 2}`].sort(),
    );
  });
});

describe("org radar and aggregates stay set-based", () => {
  it("one page of the org radar and the aggregates take the same queries for 5 or 50 people", async () => {
    const ada = await V("ada@acme.example");
    const small = await countQueries(() => radarForOrg(db, ada, { pageSize: 5 }));
    const large = await countQueries(() => radarForOrg(db, ada, { pageSize: 50 }));
    expect(large.result.people.length).toBeGreaterThan(small.result.people.length);
    expect(large.count).toBe(small.count);
    expect(small.count).toBeLessThanOrEqual(3);
    // Settings, the time-in-role statement and the pulse statement.
    const agg = await countQueries(() => orgAggregates(db, ada));
    expect(agg.count).toBeLessThanOrEqual(3);
    const platform = agg.result.teams.find((t) => t.team === "Platform")!;
    expect(platform.people).toBeGreaterThanOrEqual(6);
    expect(agg.result.total.people).toBe(agg.result.teams.reduce((n, t) => n + t.people, 0));
    const pulse = agg.result.pulse;
    for (const t of pulse.teams) if (t.pulse) expect(t.pulse.responses).toBeGreaterThanOrEqual(5);
    // Demo Acme: one respondent recorded in People (Ada), if she answered in the window, is never shown alone.
    const small2 = pulse.teams.find((t) => t.team === "People");
    if (small2) expect(small2).toMatchObject({ pulse: null, pulseSuppressed: true });
    // The whole organization minus the teams shown is never a group of 1–4 respondents.
    const shownN = pulse.teams.reduce((n, t) => n + (t.pulse?.responses ?? 0), 0);
    const rest = (pulse.total.pulse?.responses ?? 0) - shownN;
    expect(rest === 0 || rest >= 5, `rest ${rest}`).toBe(true);
    expect(pulse.total.pulse).not.toBeNull();
    expect(await status(radarForOrg(db, await V("maya@acme.example")))).toBe(404);
  });
});

describe("the directory search", () => {
  it("matches emails for admins only: others cannot test colleagues' addresses, which the directory does not show them", async () => {
    const ada = await V("ada@acme.example");
    const eli = await V("eli@acme.example");
    expect((await listDirectory(db, ada, { q: "kira@acme" })).items.map((p) => p.name)).toEqual(["Kira Novak"]);
    expect((await listDirectory(db, eli, { q: "kira@acme" })).total).toBe(0);
    expect((await listDirectory(db, eli, { q: "Kira" })).items.map((p) => p.name)).toEqual(["Kira Novak"]);
  });
});

describe("imported members", () => {
  it("deactivated before they set a password cannot join through an invitation: it says so and changes nothing", async () => {
    const ada = await V("ada@acme.example");
    await applyImport(db, ada, "email,name,title,team\nvic@acme.example,Vic Vale,Engineer,Web\n");
    const vic = (await listDirectory(db, ada, { q: "Vic Vale" })).items[0]!;
    const { token } = await createInvitation(db, ada, { email: "vic@acme.example", name: "Vic Vale", title: "", team: "", role: "member", managerId: null });
    await deactivateMember(db, ada, vic.id);
    await expect(acceptInvitation(db, token, "a long enough passphrase")).rejects.toMatchObject({ status: 409, message: expect.stringMatching(/deactivated/) });
    const [u] = await db.select().from(users).where(eq(users.email, "vic@acme.example"));
    expect(u!.passwordHash).toBeNull();
    expect(await findInvitation(db, token)).toMatchObject({ email: "vic@acme.example" });
  });

  it("never attaches someone who already uses Reignite in another organization: they are invited instead", async () => {
    const ada = await V("ada@acme.example");
    const [hank] = await db.select().from(users).where(eq(users.email, "hank@globex.example"));
    const csv = "email,name,title,team\nHANK@globex.example,Hank Hill,Spy,Web\nnoor@acme.example,Noor Haddad,Engineer,Web\n";
    const plan = await planImport(db, ada, csv);
    expect(plan.valid).toBe(false);
    expect(plan.rows[0]!.errors).toEqual([expect.stringMatching(/hank@globex.example already uses Reignite in another organization: invite them/)]);
    expect(plan.rows[1]!.errors).toEqual([]);
    await expect(applyImport(db, ada, csv)).rejects.toMatchObject({ status: 422 });
    expect(await db.select().from(memberships).where(and(eq(memberships.userId, hank!.id), eq(memberships.orgId, ada.orgId)))).toHaveLength(0);
    // Without him, the rest imports.
    await applyImport(db, ada, "email,name,title,team\nnoor@acme.example,Noor Haddad,Engineer,Web\n");
    expect((await listDirectory(db, ada, { q: "Noor Haddad" })).total).toBe(1);
    // The invitation is the way in, with his own password.
    const { token } = await createInvitation(db, ada, { email: "hank@globex.example", name: "Hank Hill", title: "", team: "", role: "member", managerId: null });
    expect(await findInvitation(db, token)).toMatchObject({ hasAccount: true });
  });

  it("can be invited to set a password (they have none after an import)", async () => {
    const ada = await V("ada@acme.example");
    await applyImport(db, ada, "email,name,title,team,manager email,role start date\nwen@acme.example,Wen Ho,Engineer,Web,omar@acme.example,2024-05-01\n");
    const { token } = await createInvitation(db, ada, { email: "wen@acme.example", name: "Wen Ho", title: "Engineer", team: "Web", role: "member", managerId: null });
    await acceptInvitation(db, token, "a-new-password");
    const dir = await listDirectory(db, ada, { q: "Wen Ho" });
    expect(dir.total).toBe(1);
    expect(dir.items[0]!.managerName).toBe("Omar Manager"); // the import's reporting line stays
    await expect(createInvitation(db, ada, { email: "wen@acme.example", name: "Wen Ho", title: "", team: "", role: "member", managerId: null })).rejects.toMatchObject({ status: 422 });
  });
});
