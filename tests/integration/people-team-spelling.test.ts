/**
 * Team names are free text: a team typed in other capitals or spacing than the
 * organization already uses is written as the organization spells it, so
 * "platform" does not become a second team beside "Platform" (on /team's
 * filter and in /org's aggregates). Someone's own team re-spelled is a
 * correction, and is kept.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditEvents, invitations, memberships, roleEvents } from "@/db/schema";
import { applyImport, planImport } from "@/lib/people/csv-import";
import { createInvitation } from "@/lib/people/invitations";
import { changeTitleTeam } from "@/lib/people/structure";
import { setupTestDb, teardownTestDb } from "../helpers/db";
import { shownTitleTeam } from "../helpers/people";
import { personId, viewerFor } from "../helpers/viewers";

let db: Db;
beforeAll(async () => {
  db = await setupTestDb({ demo: true });
});
afterAll(teardownTestDb);

const teamOf = async (id: string) => (await db.select({ team: memberships.team }).from(memberships).where(eq(memberships.id, id)))[0]!.team;

describe("a team typed in other capitals or spacing", () => {
  it("in an invitation is the organization's spelling", async () => {
    const ada = await viewerFor(db, "ada@acme.example");
    const { id } = await createInvitation(db, ada, { email: "pia@acme.example", name: "Pia", role: "member", title: "Engineer", team: "  platform ", managerId: null } as never);
    expect((await db.select({ team: invitations.team }).from(invitations).where(eq(invitations.id, id)))[0]!.team).toBe("Platform");
    // A team nobody has yet is taken as typed.
    const other = await createInvitation(db, ada, { email: "quin@acme.example", name: "Quin", role: "member", title: "", team: "Data science", managerId: null } as never);
    expect((await db.select({ team: invitations.team }).from(invitations).where(eq(invitations.id, other.id)))[0]!.team).toBe("Data science");
  });

  it("on a person's page is the organization's spelling, but correcting someone's own spelling is kept", async () => {
    const ada = await viewerFor(db, "ada@acme.example");
    const gus = await personId(db, "gus@acme.example");
    await changeTitleTeam(db, ada, gus, { team: "MOBILE", basedOn: await shownTitleTeam(db, gus) });
    expect(await teamOf(gus)).toBe("Mobile");
    // The audit record says what was saved, not what was typed.
    const [event] = await db
      .select({ meta: auditEvents.meta })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "member.role_changed"), eq(auditEvents.targetId, gus)))
      .orderBy(desc(auditEvents.createdAt))
      .limit(1);
    expect(event?.meta).toMatchObject({ changed: ["team"], team: "Mobile" });
    // The only one in "web team": writing it properly is a correction of her own team, not a move to another.
    const ines = await personId(db, "ines@acme.example");
    await db.update(memberships).set({ team: "web team" }).where(eq(memberships.id, ines));
    await changeTitleTeam(db, ada, ines, { team: "Web Team", basedOn: await shownTitleTeam(db, ines) });
    expect(await teamOf(ines)).toBe("Web Team");
  });

  it("in a CSV import is the organization's spelling, one spelling per new team, and the preview says so", async () => {
    const ada = await viewerFor(db, "ada@acme.example");
    const plan = await planImport(
      db,
      ada,
      ["email,name,title,team", "rho@acme.example,Rho,Engineer,PLATFORM", "sig@acme.example,Sig,Analyst,Data Guild", "tau@acme.example,Tau,Analyst,data guild "].join("\n"),
    );
    expect(plan.rows.map((r) => r.team)).toEqual(["Platform", "Data Guild", "Data Guild"]);
    expect(plan.rows[0]!.notes).toContain("Team “PLATFORM” is written “Platform”, as the organization already spells it.");
  });

  it("matches a team with an “s” in its name, in an invitation and on a person's page", async () => {
    const ada = await viewerFor(db, "ada@acme.example");
    const [hiro, jonah] = [await personId(db, "hiro@acme.example"), await personId(db, "jonah@acme.example")];
    await db.update(memberships).set({ team: "Customer Success" }).where(eq(memberships.id, hiro));
    const { id } = await createInvitation(db, ada, { email: "ula@acme.example", name: "Ula", role: "member", title: "Engineer", team: "customer  SUCCESS", managerId: null } as never);
    expect((await db.select({ team: invitations.team }).from(invitations).where(eq(invitations.id, id)))[0]!.team).toBe("Customer Success");
    await changeTitleTeam(db, ada, jonah, { team: "customer success", basedOn: await shownTitleTeam(db, jonah) });
    expect(await teamOf(jonah)).toBe("Customer Success");
  });

  it("in a CSV import, a member's own team in another spelling is the team's spelling when others share it: a second import changes nothing", async () => {
    const ada = await viewerFor(db, "ada@acme.example");
    // Eli is in Platform with others: "platform" for him is Platform, so his row is unchanged.
    const plan = await planImport(db, ada, ["email,name,team", "eli@acme.example,Eli Employee,platform"].join("\n"));
    expect(plan.rows[0]).toMatchObject({ team: "Platform", action: "unchanged", changes: [] });
    // Alone in "web team", Ines writing it "Web Team" is a correction of her own, kept as typed.
    const ines = await personId(db, "ines@acme.example");
    await db.update(memberships).set({ team: "web team" }).where(eq(memberships.id, ines));
    const alone = await planImport(db, ada, ["email,name,team", "ines@acme.example,Ines,Web Team"].join("\n"));
    expect(alone.rows[0]).toMatchObject({ team: "Web Team", action: "update", changes: ["team → Web Team"] });
    // A spelling correction, not a role change: no role event, and her time in role does not restart.
    expect(alone.rows[0]!.notes).toContain("Team “web team” is written “Web Team”: a spelling correction, not a role change, so time in role stays.");
    const before = await db.select().from(roleEvents).where(eq(roleEvents.personId, ines));
    const done = await applyImport(db, ada, ["email,name,team", "ines@acme.example,Ines,Web Team"].join("\n"));
    expect(done.roleEventsAdded).toBe(0);
    expect(await db.select().from(roleEvents).where(eq(roleEvents.personId, ines))).toHaveLength(before.length);
    expect(await teamOf(ines)).toBe("Web Team");
  });
});
