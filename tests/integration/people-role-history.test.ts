/**
 * The person page reads the role timeline and the rotations in one statement
 * (lib/people/role-history.ts); the API and the writes use listRoleEvents and
 * listRotations. Both must give the same rows, order and shapes — for a
 * person with events of several kinds, an ended and an active rotation, and
 * for a person with none — and the one statement keeps the policy's answer.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rows, type Db } from "@/db/client";
import { countQueries } from "@/db/query-log";
import { relationTo } from "@/lib/policy";
import { sql } from "drizzle-orm";
import { createRoleEvent, listRoleEvents, updateRoleEvent } from "@/lib/people/role-events";
import { readRoleHistory } from "@/lib/people/role-history";
import { createWin } from "@/lib/plan/wins";
import { createRotation, listRotations, updateRotation } from "@/lib/people/rotations";
import { setupTestDb, teardownTestDb } from "../helpers/db";
import { personId, viewerFor } from "../helpers/viewers";

let db: Db;
// Role changes are dated today or earlier, on or after the latest one (lib/people/role-dates.ts).
const today = () => new Date().toISOString().slice(0, 10);
beforeAll(async () => {
  db = await setupTestDb({ demo: true });
});
afterAll(teardownTestDb);

describe("readRoleHistory", () => {
  it("matches listRoleEvents and listRotations, in one statement", async () => {
    const maya = await viewerFor(db, "maya@acme.example");
    const fatima = await personId(db, "fatima@acme.example");
    // Two events on one day (order by creation), a rotation that has ended, one still active.
    await createRoleEvent(db, maya, fatima, { type: "scope_change", effectiveOn: today(), description: "Owns the build cache", newTitle: null, newTeam: null });
    await createRoleEvent(db, maya, fatima, { type: "title_change", effectiveOn: today(), description: "Senior", newTitle: "Senior Engineer", newTeam: null });
    const old = await createRotation(db, maya, fatima, { host: "Mobile", startOn: "2025-01-06", plannedEndOn: "2025-03-28", learningGoal: "Ship a release", status: "active" });
    await updateRotation(db, maya, old.id, { version: old.version, status: "done", endedOn: "2025-03-28" });

    const rel = await relationTo(db, maya, fatima);
    const { result, count } = await countQueries(() => readRoleHistory(db, maya, fatima, rel));
    expect(count).toBe(1);
    const [events, rotations] = await Promise.all([listRoleEvents(db, maya, fatima, rel), listRotations(db, maya, fatima, rel)]);
    expect(events.length).toBeGreaterThanOrEqual(4);
    expect(rotations.length).toBeGreaterThanOrEqual(2);
    expect(new Set(events.map((e) => e.type)).size).toBeGreaterThanOrEqual(3);
    expect(result.events).toEqual(events);
    expect(result.rotations).toEqual(rotations);
  });

  it("an edit cannot empty what a role event says changed; an older event that never said can still get its date fixed", async () => {
    const maya = await viewerFor(db, "maya@acme.example");
    const hiro = await personId(db, "hiro@acme.example");
    const ev = await createRoleEvent(db, maya, hiro, { type: "title_change", effectiveOn: today(), description: "", newTitle: "Staff Engineer", newTeam: null });
    await expect(updateRoleEvent(db, maya, ev.id, { version: ev.version, newTitle: null })).rejects.toMatchObject({ status: 422, fields: { newTitle: ["Enter the new title."] } });
    await expect(updateRoleEvent(db, maya, ev.id, { version: ev.version, type: "team_change" })).rejects.toMatchObject({ status: 422, fields: { newTeam: ["Enter the new team."] } });
    expect((await updateRoleEvent(db, maya, ev.id, { version: ev.version, newTitle: "Principal Engineer" })).newTitle).toBe("Principal Engineer");
    // Recorded before the rule (CSV import, old data): a date fix goes through.
    const [legacy] = rows<{ id: string }>(await db.execute(sql`INSERT INTO role_events (org_id, person_id, type, effective_on) VALUES (${maya.orgId}, ${hiro}, 'title_change', '2024-01-01') RETURNING id`));
    expect((await updateRoleEvent(db, maya, legacy!.id, { version: 1, effectiveOn: "2024-01-02" })).effectiveOn).toBe("2024-01-02");
  });

  it("counts the wins linked to each rotation for the plan's readers, and gives an admin no count at all", async () => {
    const maya = await viewerFor(db, "maya@acme.example");
    const ada = await viewerFor(db, "ada@acme.example");
    const jonah = await personId(db, "jonah@acme.example");
    const jonahSelf = await viewerFor(db, "jonah@acme.example");
    const rot = await createRotation(db, maya, jonah, { host: "Search", startOn: "2025-02-03", plannedEndOn: null, learningGoal: "", status: "active" });
    const other = await createRotation(db, maya, jonah, { host: "Billing", startOn: "2024-02-05", plannedEndOn: null, learningGoal: "", status: "active" });
    for (const title of ["Shipped the ranking fix", "Ran the search guild"])
      await createWin(db, jonahSelf, jonah, { title, description: "", occurredOn: "2025-03-01", goalId: null, rotationId: rot.id, linksPurpose: false, today: today() });
    const asManager = await readRoleHistory(db, maya, jonah, await relationTo(db, maya, jonah));
    expect(asManager.winsByRotation?.[rot.id]).toBe(2);
    expect(asManager.winsByRotation?.[other.id]).toBeUndefined();
    // Admins read rotations but not wins (ACCESS.md): not even how many there are.
    const asAdmin = await readRoleHistory(db, ada, jonah, await relationTo(db, ada, jonah));
    expect(asAdmin.rotations.map((r) => r.id)).toContain(rot.id);
    expect(asAdmin.winsByRotation).toBeNull();
  });

  it("gives empty lists for a person with no history", async () => {
    const ada = await viewerFor(db, "ada@acme.example");
    const hires = await listRoleEvents(db, ada, ada.personId);
    const rel = await relationTo(db, ada, ada.personId);
    const r = await readRoleHistory(db, ada, ada.personId, rel);
    expect(r.events).toEqual(hires);
    expect(r.rotations).toEqual(await listRotations(db, ada, ada.personId));
  });

  it("refuses what the policy refuses: a peer may not read someone's role history", async () => {
    const omar = await viewerFor(db, "omar@acme.example");
    const fatima = await personId(db, "fatima@acme.example");
    const rel = await relationTo(db, omar, fatima);
    await expect(readRoleHistory(db, omar, fatima, rel)).rejects.toMatchObject({ status: 404 });
  });
});
