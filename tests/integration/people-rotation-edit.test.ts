import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { listRotations, updateRotation } from "@/lib/people/rotations";
import { setupTestDb, teardownTestDb } from "../helpers/db";
import { personId, viewerFor } from "../helpers/viewers";

let db: Db;
beforeAll(async () => {
  db = await setupTestDb({ demo: true });
});
afterAll(teardownTestDb);

describe("editing a rotation", () => {
  it("changes host, dates and goal; refuses an end before the start; a stale version is a 409 carrying the current data", async () => {
    const maya = await viewerFor(db, "maya@acme.example");
    const fatima = await personId(db, "fatima@acme.example");
    const [r] = await listRotations(db, maya, fatima);
    expect(r!.status).toBe("active");

    await expect(updateRotation(db, maya, r!.id, { version: r!.version, plannedEndOn: "2000-01-01" })).rejects.toMatchObject({
      status: 422,
      fields: { plannedEndOn: ["The planned end is before the start."] },
    });

    const saved = await updateRotation(db, maya, r!.id, { version: r!.version, host: "Data Platform (ingestion)", plannedEndOn: "2099-06-30", learningGoal: "Run an on-call week" });
    expect(saved).toMatchObject({ host: "Data Platform (ingestion)", plannedEndOn: "2099-06-30", learningGoal: "Run an on-call week", startOn: r!.startOn, status: "active", version: r!.version + 1 });

    const stale = updateRotation(db, maya, r!.id, { version: r!.version, host: "Someone else's edit" });
    await expect(stale).rejects.toMatchObject({ status: 409, extra: { current: { host: "Data Platform (ingestion)", version: r!.version + 1 } } });
  });

  it("Fatima herself may not edit her rotation (403), and Omar (not her manager) gets 404", async () => {
    const fatimaV = await viewerFor(db, "fatima@acme.example");
    const fatima = await personId(db, "fatima@acme.example");
    const [r] = await listRotations(db, fatimaV, fatima);
    await expect(updateRotation(db, fatimaV, r!.id, { version: r!.version, host: "x" })).rejects.toMatchObject({ status: 403 });
    await expect(updateRotation(db, await viewerFor(db, "omar@acme.example"), r!.id, { version: r!.version, host: "x" })).rejects.toMatchObject({ status: 404 });
  });
});
