/**
 * Someone deactivated has left the organization as far as Reignite knows: their page offered "Add role event" and
 * "Plan a rotation", and both saved. Nothing new is recorded for them now (whoever asks, through the page or the
 * API); what is on record stays correctable, and reactivating them opens it again.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { createRoleEvent, listRoleEvents, updateRoleEvent } from "@/lib/people/role-events";
import { createRotation, listRotations } from "@/lib/people/rotations";
import { deactivateMember, reactivateMember } from "@/lib/people/structure";
import { setupTestDb, teardownTestDb } from "../helpers/db";
import { personId, viewerFor } from "../helpers/viewers";

let db: Db;
beforeAll(async () => {
  db = await setupTestDb({ demo: true });
});
afterAll(teardownTestDb);

const today = new Date().toISOString().slice(0, 10);

describe("role history of a deactivated member", () => {
  it("takes no new role change or rotation, keeps what is on record correctable, and opens again on reactivation", async () => {
    const ada = await viewerFor(db, "ada@acme.example");
    const maya = await viewerFor(db, "maya@acme.example");
    const fatima = await personId(db, "fatima@acme.example");
    const event = { type: "scope_change" as const, effectiveOn: today, description: "Owns on-call", newTitle: null, newTeam: null, today };
    const rotation = { host: "Payments", startOn: today, plannedEndOn: null, learningGoal: "", status: "planned" as const, today };
    const [onRecord] = await listRoleEvents(db, ada, fatima);
    expect(onRecord).toBeDefined();
    const rotationsBefore = (await listRotations(db, ada, fatima)).length;

    await deactivateMember(db, ada, fatima);
    for (const who of [ada, maya]) {
      await expect(createRoleEvent(db, who, fatima, event)).rejects.toMatchObject({ status: 409, message: "Fatima Haddad is deactivated: reactivate them before recording a role change." });
      await expect(createRotation(db, who, fatima, rotation)).rejects.toMatchObject({ status: 409, message: "Fatima Haddad is deactivated: reactivate them before planning a rotation." });
    }
    expect((await listRotations(db, ada, fatima)).length).toBe(rotationsBefore);
    const corrected = await updateRoleEvent(db, ada, onRecord!.id, { description: "Corrected after she left", version: onRecord!.version });
    expect(corrected.description).toBe("Corrected after she left");

    await reactivateMember(db, ada, fatima);
    await expect(createRotation(db, maya, fatima, rotation)).resolves.toMatchObject({ host: "Payments", status: "planned" });
    await expect(createRoleEvent(db, maya, fatima, event)).resolves.toMatchObject({ description: "Owns on-call" });
  });
});
