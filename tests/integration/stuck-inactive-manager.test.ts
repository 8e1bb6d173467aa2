import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { scheduleMeeting } from "@/lib/meetings/schedule";
import { shownManager } from "../helpers/people";
import { changeManager, deactivateMember, peopleWithInactiveManager } from "@/lib/people/structure";
import { loadMyStuck } from "@/lib/stuck/mine";
import { listVisibleSignals, raiseSignal } from "@/lib/stuck/signals";
import { setupTestDb, teardownTestDb } from "../helpers/db";
import { viewerFor } from "../helpers/viewers";

let db: Db;
beforeAll(async () => {
  db = await setupTestDb({ demo: true });
});
afterAll(teardownTestDb);

describe("a manager who was deactivated", () => {
  it("is nobody to tell: the signal must include HR or the skip-level, and admins see who needs a new manager", async () => {
    const ada = await viewerFor(db, "ada@acme.example");
    const maya = await viewerFor(db, "maya@acme.example");
    // Hiro has no open signal in the demo data (Gus has one).
    const hiro = await viewerFor(db, "hiro@acme.example");
    expect(await peopleWithInactiveManager(db, ada)).toEqual({ total: 0, people: [] });
    // With an active manager, telling them alone is fine.
    const kira = await viewerFor(db, "kira@acme.example");
    expect((await raiseSignal(db, kira, { message: "", includeSkipLevel: false, includeHr: false })).status).toBe("open");
    await expect(peopleWithInactiveManager(db, maya)).rejects.toMatchObject({ status: 404 });

    await deactivateMember(db, ada, maya.personId);
    const mine = await loadMyStuck(db, hiro);
    expect(mine).toMatchObject({ manager: null, managerInactive: true });
    // To Maya alone it would reach nobody: refused at the HR choice.
    await expect(raiseSignal(db, hiro, { message: "", includeSkipLevel: false, includeHr: false })).rejects.toMatchObject({ status: 422, fields: { includeHr: [expect.stringMatching(/no longer active/)] } });
    const sent = await raiseSignal(db, hiro, { message: "Same work for a year.", includeSkipLevel: false, includeHr: true });
    expect((await listVisibleSignals(db, ada)).map((s) => s.id)).toContain(sent.id);

    const orphaned = await peopleWithInactiveManager(db, ada);
    expect(orphaned.total).toBe(6);
    expect(orphaned.people.map((p) => p.name)).toContain("Hiro Tanaka");
    expect(orphaned.people.every((p) => p.managerName === "Maya Manager")).toBe(true);
    // Nor can a 1:1 be scheduled with her.
    await expect(scheduleMeeting(db, hiro, hiro.personId, { scheduledAt: new Date(Date.now() + 3 * 86_400_000) })).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/no longer active/) });
    // An active manager is told as before.
    expect(await loadMyStuck(db, await viewerFor(db, "kira@acme.example"))).toMatchObject({ manager: "Omar Manager", managerInactive: false });
  });

  it("leaves a signal told to her alone unread until a new manager is recorded, who then reads it (what Gus's page tells him)", async () => {
    const ada = await viewerFor(db, "ada@acme.example");
    const omar = await viewerFor(db, "omar@acme.example");
    const dana = await viewerFor(db, "dana@acme.example");
    const gus = await viewerFor(db, "gus@acme.example");
    // Gus's open signal in the demo data, told to Maya alone (deactivated in the test above).
    const mine = await loadMyStuck(db, gus);
    expect(mine.managerInactive).toBe(true);
    const [open] = mine.mine.filter((s) => s.status === "open");
    expect(open).toMatchObject({ includeSkipLevel: false, includeHr: false });
    for (const v of [ada, omar, dana]) expect((await listVisibleSignals(db, v, { audit: false })).map((s) => s.id)).not.toContain(open!.id);
    await changeManager(db, ada, gus.personId, omar.personId, await shownManager(db, gus.personId));
    expect((await listVisibleSignals(db, omar, { audit: false })).find((s) => s.id === open!.id)).toMatchObject({ via: "manager", status: "open" });
  });
});

describe("someone with no manager at all", () => {
  it("tells HR / org admins, when the organization has an active admin besides them; otherwise nobody would hear it", async () => {
    // Dana tops Acme (no manager); Ada is Acme's admin.
    const dana = await viewerFor(db, "dana@acme.example");
    const ada = await viewerFor(db, "ada@acme.example");
    expect(await loadMyStuck(db, dana)).toMatchObject({ manager: null, managerInactive: false, hrReachable: true });
    await expect(raiseSignal(db, dana, { message: "", includeSkipLevel: false, includeHr: false })).rejects.toMatchObject({
      status: 422,
      fields: { includeHr: [expect.stringMatching(/no manager on record/)] },
    });
    // Nor is "my manager's manager" anyone when there is no manager.
    await expect(raiseSignal(db, dana, { message: "", includeSkipLevel: true, includeHr: false })).rejects.toMatchObject({
      status: 422,
      fields: { includeHr: [expect.stringMatching(/no manager on record/)] },
    });
    const sent = await raiseSignal(db, dana, { message: "Directing the same roadmap for three years.", includeSkipLevel: false, includeHr: true });
    expect((await listVisibleSignals(db, ada)).map((s) => s.id)).toContain(sent.id);
    expect((await listVisibleSignals(db, await viewerFor(db, "maya@acme.example"))).map((s) => s.id)).not.toContain(sent.id);

    // Gina tops Globex, which has no admin: a signal to HR would reach nobody, so there is no form and no signal.
    const gina = await viewerFor(db, "gina@globex.example");
    expect(await loadMyStuck(db, gina)).toMatchObject({ manager: null, hrReachable: false });
    await expect(raiseSignal(db, gina, { message: "", includeSkipLevel: false, includeHr: true })).rejects.toMatchObject({
      status: 422,
      fields: { includeHr: [expect.stringMatching(/no other active admin/)] },
    });
  });
});
