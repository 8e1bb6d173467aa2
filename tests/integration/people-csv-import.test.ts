import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships, roleEvents, users } from "@/db/schema";
import { radarForPerson } from "@/lib/radar";
import { relationTo } from "@/lib/policy/relation";
import { listRoleEvents } from "@/lib/people/role-events";
import { applyImport, planImport } from "@/lib/people/csv-import";
import { createInvitation, listInvitations, type InviteInput } from "@/lib/people/invitations";
import { deactivateMember } from "@/lib/people/structure";
import { invitations } from "@/db/schema";
import { signInStatus } from "@/lib/people/sign-in-status";
import { listAuditEvents } from "@/lib/audit/query";
import { auditActionLabel, auditMetaText } from "@/lib/audit/labels";
import { setupTestDb, teardownTestDb } from "../helpers/db";
import { personId, viewerFor } from "../helpers/viewers";

let db: Db;
beforeAll(async () => {
  db = await setupTestDb({ demo: true });
});
afterAll(teardownTestDb);

const V = (email: string) => viewerFor(db, email);
const radarOf = async (person: string) => {
  const ada = await V("ada@acme.example");
  return (await radarForPerson(db, ada, person, await relationTo(db, ada, person)))!;
};
/** An ISO date `months` before today (the demo's history is relative to today too). */
function monthsAgo(months: number): string {
  const d = new Date();
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 10);
}
const header = "email,name,title,team,manager email,role start date";
const eventCount = async (person: string) => (await db.select({ n: sql<number>`count(*)::int` }).from(roleEvents).where(eq(roleEvents.personId, person)))[0]!.n;

describe("a CSV import's role start date", () => {
  it("with the same title and team is not written over an existing history, and the preview says so", async () => {
    const ada = await V("ada@acme.example");
    const jonah = await personId(db, "jonah@acme.example");
    const before = await radarOf(jonah);
    expect(before.flags.map((f) => f.code)).toContain("role_stale");
    const events = await eventCount(jonah);
    // Newer than his latest role event (20 months ago), and older than it: neither rewrites his history.
    for (const on of [monthsAgo(2), monthsAgo(30)]) {
      const csv = `${header}\njonah@acme.example,Jonah Becker,${before.title},${before.team},maya@acme.example,${on}\n`;
      const plan = await planImport(db, ada, csv);
      expect(plan.counts).toEqual({ create: 0, update: 0, unchanged: 1 });
      expect(plan.rows[0]!.notes).toEqual([expect.stringMatching(new RegExp(`^Role start date ${on} not recorded: title and team are unchanged`))]);
      const result = await applyImport(db, ada, csv);
      expect(result.roleEventsAdded).toBe(0);
    }
    expect(await eventCount(jonah)).toBe(events);
    const after = await radarOf(jonah);
    expect(after).toMatchObject({ roleSince: before.roleSince, monthsInRole: before.monthsInRole });
    expect(after.flags.map((f) => f.code)).toContain("role_stale");
  });

  it("starts the history of a member who has none, once: the preview calls it an update", async () => {
    const ada = await V("ada@acme.example");
    await applyImport(db, ada, "email,name,title,team\nquinn@acme.example,Quinn Park,Engineer,Web\n");
    const quinn = await personId(db, "quinn@acme.example");
    const csv = `${header}\nquinn@acme.example,Quinn Park,Engineer,Web,,${monthsAgo(8)}\n`;
    const plan = await planImport(db, ada, csv);
    expect(plan.counts).toEqual({ create: 0, update: 1, unchanged: 0 });
    expect(plan.rows[0]!.changes).toEqual([`in role since ${monthsAgo(8)} (first role event)`]);
    expect((await applyImport(db, ada, csv)).roleEventsAdded).toBe(1);
    const again = await applyImport(db, ada, csv);
    expect(again.counts).toEqual({ create: 0, update: 0, unchanged: 1 });
    expect(again.rows[0]!.notes).toEqual([]);
    expect((await listRoleEvents(db, ada, quinn)).map((e) => e.effectiveOn)).toEqual([monthsAgo(8)]);
  });

  it("dates the one role event of a title change, and time in role follows it", async () => {
    const ada = await V("ada@acme.example");
    const eli = await personId(db, "eli@acme.example");
    const events = await eventCount(eli);
    const on = monthsAgo(1);
    const csv = `${header}\neli@acme.example,Eli Employee,Staff Engineer,Platform,maya@acme.example,${on}\n`;
    const plan = await planImport(db, ada, csv);
    expect(plan.rows[0]!.changes).toEqual(["title → Staff Engineer", `in role since ${on}`]);
    expect((await applyImport(db, ada, csv)).roleEventsAdded).toBe(1);
    const [latest] = await listRoleEvents(db, ada, eli);
    expect(latest).toMatchObject({ type: "title_change", effectiveOn: on, newTitle: "Staff Engineer", description: "Title changed to Staff Engineer (CSV import)" });
    expect(await eventCount(eli)).toBe(events + 1);
    expect(await radarOf(eli)).toMatchObject({ roleSince: on, monthsInRole: 1 });
    // The same file again changes nothing.
    const again = await applyImport(db, ada, csv);
    expect(again.counts).toEqual({ create: 0, update: 0, unchanged: 1 });
    expect(await eventCount(eli)).toBe(events + 1);
  });

  it("of a title and team change is one event, today when the file gives no date", async () => {
    const ada = await V("ada@acme.example");
    const gus = await personId(db, "gus@acme.example");
    const events = await eventCount(gus);
    await applyImport(db, ada, "email,name,title,team\ngus@acme.example,Gus Ortega,Platform SRE,Reliability\n");
    const [latest] = await listRoleEvents(db, ada, gus);
    expect(latest).toMatchObject({ effectiveOn: new Date().toISOString().slice(0, 10), newTitle: "Platform SRE", newTeam: "Reliability", description: "Title changed to Platform SRE, team Reliability (CSV import)" });
    expect(await eventCount(gus)).toBe(events + 1);
  });

  it("before the latest role event is a row error for a title change, and nothing is written", async () => {
    const ada = await V("ada@acme.example");
    const hiro = await personId(db, "hiro@acme.example"); // promoted 4 months ago
    const events = await eventCount(hiro);
    const csv = `${header}\nhiro@acme.example,Hiro Tanaka,Staff Engineer,Platform,maya@acme.example,${monthsAgo(6)}\n`;
    const plan = await planImport(db, ada, csv);
    expect(plan.valid).toBe(false);
    expect(plan.rows[0]!.errors).toEqual([expect.stringMatching(new RegExp(`^Role start date ${monthsAgo(6)} is before hiro@acme.example's latest role event \\(${monthsAgo(4)}\\)`))]);
    await expect(applyImport(db, ada, csv)).rejects.toMatchObject({ status: 422 });
    expect(await eventCount(hiro)).toBe(events);
  });
});

describe("a CSV import's header row", () => {
  it("accepts the form's own hint wording and common variants, and names the columns it ignores", async () => {
    const ada = await V("ada@acme.example");
    const csv = "Email,Name,Manager Email Address,Role start date (YYYY-MM-DD),Employee ID\nrue@acme.example,Rue Lind,maya@acme.example,2025-02-01,E-17\n";
    const plan = await planImport(db, ada, csv);
    expect(plan.headers).toEqual({
      understood: [
        { header: "Email", field: "email", label: "email" },
        { header: "Name", field: "name", label: "name" },
        { header: "Manager Email Address", field: "managerEmail", label: "manager email" },
        { header: "Role start date (YYYY-MM-DD)", field: "roleStart", label: "role start date" },
      ],
      ignored: ["Employee ID"],
    });
    await applyImport(db, ada, csv);
    const rue = await personId(db, "rue@acme.example");
    const [m] = await db.select({ managerId: memberships.managerId }).from(memberships).where(eq(memberships.id, rue));
    expect(m!.managerId).toBe(await personId(db, "maya@acme.example"));
    expect((await listRoleEvents(db, ada, rue)).map((e) => e.effectiveOn)).toEqual(["2025-02-01"]);
  });
});

describe("a CSV import's names", () => {
  it("of existing members are not changed, and the preview shows the saved name and says so", async () => {
    const ada = await V("ada@acme.example");
    const csv = "email,name\nada@acme.example,Ada Renamed\n";
    const plan = await planImport(db, ada, csv);
    expect(plan.rows).toMatchObject([
      { email: "ada@acme.example", name: "Ada Admin", action: "unchanged", notes: ["Name stays “Ada Admin”: names of existing members are not changed by an import (the file says “Ada Renamed”)."] },
    ]);
    await applyImport(db, ada, csv);
    const [u] = await db.select({ name: users.name }).from(users).where(eq(users.email, "ada@acme.example"));
    expect(u!.name).toBe("Ada Admin");
    // The same name: nothing to say.
    expect((await planImport(db, ada, "email,name\nada@acme.example,Ada Admin\n")).rows[0]!.notes).toEqual([]);
  });
});

describe("a CSV import's result", () => {
  it("counts the people it created who cannot sign in yet", async () => {
    const ada = await V("ada@acme.example");
    const result = await applyImport(db, ada, "email,name\nsol@acme.example,Sol Reyes\ntam@acme.example,Tam Vu\neli@acme.example,Eli Employee\n");
    expect(result.counts).toMatchObject({ create: 2 });
    expect(result.withoutSignIn).toBe(2);
    const [sol] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.email, "sol@acme.example"));
    expect(sol!.hash).toBeNull();
    expect((await applyImport(db, ada, "email,name\nsol@acme.example,Sol Reyes\n")).withoutSignIn).toBe(0);
  });

  it("does not count someone whose invitation is still open: its link joins the imported record", async () => {
    const ada = await V("ada@acme.example");
    await createInvitation(db, ada, { email: "wren@acme.example", name: "Wren Invited", title: "", team: "", role: "member", managerId: null });
    const result = await applyImport(db, ada, "email,name\nwren@acme.example,Wren Invited\nvic@acme.example,Vic Imported\n");
    expect(result.counts).toMatchObject({ create: 2 });
    // Only Vic needs an invitation; telling the admin to invite Wren again would end the link she already has.
    expect(result.withoutSignIn).toBe(1);
  });

  it("shows an admin who has no sign-in yet, and whether an invitation is pending; nobody else", async () => {
    const ada = await V("ada@acme.example");
    const sol = await personId(db, "sol@acme.example");
    expect(await signInStatus(db, ada, sol)).toEqual({ email: "sol@acme.example", hasSignIn: false, invitedUntil: null });
    await createInvitation(db, ada, { email: "sol@acme.example", name: "Sol Reyes", title: "", team: "", role: "member", managerId: null });
    expect((await signInStatus(db, ada, sol))!.invitedUntil).toBeInstanceOf(Date);
    expect((await signInStatus(db, ada, await personId(db, "eli@acme.example")))!.hasSignIn).toBe(true);
    await expect(signInStatus(db, await V("maya@acme.example"), sol)).rejects.toMatchObject({ status: 404 });
  });
});

describe("a CSV import's audit trail", () => {
  it("names each person it added or changed, with what changed, beside the summary; an unchanged row leaves none", async () => {
    const ada = await V("ada@acme.example");
    const hiro = await personId(db, "hiro@acme.example");
    const gus = await personId(db, "gus@acme.example");
    const maya = await personId(db, "maya@acme.example");
    const omar = await personId(db, "omar@acme.example");
    const [gusBefore] = await db.select({ title: memberships.title, team: memberships.team }).from(memberships).where(eq(memberships.id, gus));
    const since = new Date();
    const csv =
      "email,name,title,team,manager email\n" +
      "uma@acme.example,Uma Stone,Designer,Studio,maya@acme.example\n" +
      "hiro@acme.example,Hiro Tanaka,Principal Engineer,Platform,omar@acme.example\n" +
      `gus@acme.example,Gus,${gusBefore!.title},${gusBefore!.team},maya@acme.example\n`;
    const result = await applyImport(db, ada, csv);
    expect(result.counts).toEqual({ create: 1, update: 1, unchanged: 1 });
    const uma = await personId(db, "uma@acme.example");
    const trail = await listAuditEvents(db, ada, { action: undefined, actor: undefined, person: undefined, cursor: undefined, from: since.toISOString().slice(0, 10) });
    const mine = trail.rows.filter((r) => r.createdAt >= since.toISOString());
    const by = (action: string) => mine.filter((r) => r.action === action).map((r) => ({ target: r.targetId, meta: r.meta }));
    expect(by("member.imported")).toEqual([{ target: uma, meta: { title: "Designer", team: "Studio", manager: maya, via: "csv_import" } }]);
    expect(by("member.role_changed")).toEqual([{ target: hiro, meta: expect.objectContaining({ changed: ["title"], title: "Principal Engineer", via: "csv_import" }) }]);
    expect(by("member.manager_changed")).toEqual([{ target: hiro, meta: { from: maya, to: omar, via: "csv_import" } }]);
    expect(by("member.csv_imported")).toEqual([{ target: null, meta: { create: 1, update: 1, unchanged: 1, roleEventsAdded: 1 } }]);
    expect(mine.some((r) => r.targetId === gus)).toBe(false);
    // Shown by name, in words, in the log an admin reads.
    expect(auditActionLabel("member.imported")).toBe("Added someone through a CSV import");
    expect(auditMetaText(by("member.imported")[0]!.meta as Record<string, unknown>, trail.names).split(" · ").sort()).toEqual(["manager: Maya Manager", "team: Studio", "title: Designer", "via: csv import"]);
  });
});

describe("an invitation for someone the import put in the directory", () => {
  it("gives them a sign-in and nothing else: a different title, team, manager or access is refused at its field", async () => {
    const ada = await V("ada@acme.example");
    const maya = await personId(db, "maya@acme.example");
    const dana = await personId(db, "dana@acme.example");
    await applyImport(db, ada, "email,name,title,team,manager email\nzoe@acme.example,Zoe Zhang,Engineer,Platform,maya@acme.example\n");
    const base: InviteInput = { email: "zoe@acme.example", name: "Zoe Zhang", title: "", team: "", role: "member", managerId: null };
    const refused = async (change: Partial<InviteInput>) => {
      const err = await createInvitation(db, ada, { ...base, ...change }).catch((e: unknown) => e as { status: number; fields: Record<string, string[]> });
      expect(err).toMatchObject({ status: 422 });
      return (err as { fields: Record<string, string[]> }).fields;
    };
    expect(await refused({ role: "admin" })).toEqual({ role: [expect.stringMatching(/^They are a member in the directory: change access on their page; this link only gives them a sign-in/)] });
    expect(Object.keys(await refused({ title: "Principal Designer", managerId: dana }))).toEqual(["title", "managerId"]);
    expect(Object.keys(await refused({ team: "Design" }))).toEqual(["team"]);
    // As they are (empty, or the same): the invitation carries the directory's values, which the pending list shows.
    const made = await createInvitation(db, ada, { ...base, title: "Engineer", team: "platform" });
    const [row] = await db.select().from(invitations).where(eq(invitations.id, made.id));
    expect(row).toMatchObject({ role: "member", title: "Engineer", team: "Platform", managerId: maya });
    expect((await listInvitations(db, ada)).find((i) => i.id === made.id)).toMatchObject({ role: "member" });
  });

  it("is not how a deactivated member comes back: the email field points to reactivation", async () => {
    const ada = await V("ada@acme.example");
    await deactivateMember(db, ada, await personId(db, "zoe@acme.example"));
    const err = await createInvitation(db, ada, { email: "zoe@acme.example", name: "Zoe Zhang", title: "", team: "", role: "member", managerId: null }).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 422, fields: { email: ["This person was deactivated: reactivate them on their page instead of inviting them."] } });
  });
});

describe("an import after its preview", () => {
  it("writes nothing when what it would do changed since the preview the admin saw, and says what it would do now", async () => {
    const ada = await V("ada@acme.example");
    const csv = ["email,name,title", "gus@acme.example,Gus Ortega,Staff Engineer"].join("\n");
    const preview = await planImport(db, ada, csv);
    expect(preview.rows[0]).toMatchObject({ action: "update", changes: expect.arrayContaining(["title → Staff Engineer"]) });
    // Meanwhile someone records the same title on his page: the import would now change nothing.
    const gus = await personId(db, "gus@acme.example");
    await db.update(memberships).set({ title: "Staff Engineer" }).where(eq(memberships.id, gus));
    const before = await eventCount(gus);
    const refused = await applyImport(db, ada, csv, new Date(), { previewed: preview.fingerprint }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ status: 409, code: "conflict", extra: { plan: { rows: [expect.objectContaining({ action: "unchanged" })] } } });
    expect(await eventCount(gus)).toBe(before);
    // Imported with the plan now shown: it goes through; and without a preview (an older page, a script), as before.
    const now = (refused as { extra: { plan: { fingerprint: string } } }).extra.plan.fingerprint;
    expect((await applyImport(db, ada, csv, new Date(), { previewed: now })).counts).toMatchObject({ unchanged: 1 });
    expect((await applyImport(db, ada, csv)).counts).toMatchObject({ unchanged: 1 });
  });

  it("gives the same fingerprint for the same plan, another for another file", async () => {
    const ada = await V("ada@acme.example");
    const a = ["email,name,title", "ines@acme.example,Ines,Engineer"].join("\n");
    expect((await planImport(db, ada, a)).fingerprint).toBe((await planImport(db, ada, a)).fingerprint);
    expect((await planImport(db, ada, `${a}x`)).fingerprint).not.toBe((await planImport(db, ada, a)).fingerprint);
  });
});
