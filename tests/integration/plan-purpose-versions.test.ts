/**
 * The demo gave Eli two purpose statements that both read "version 1": the page showed the newer as current while a
 * save compared with whichever PostgreSQL returned first, so "Save purpose" with nothing changed added a version.
 * Versions are one per statement now (migration 0021 renumbers repeats and makes them unique), and the seed numbers
 * them as saving does.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { purposeStatements } from "@/db/schema";
import { getPurpose, savePurpose } from "@/lib/plan/purpose";
import { setupTestDb, teardownTestDb } from "../helpers/db";
import { viewerFor } from "../helpers/viewers";

let db: Db;
beforeAll(async () => {
  db = await setupTestDb({ demo: true });
});
afterAll(teardownTestDb);

describe("purpose versions", () => {
  it("are numbered oldest first, the current one is the latest version, and saving it unchanged adds none", async () => {
    const eli = await viewerFor(db, "eli@acme.example");
    const before = await getPurpose(db, eli, eli.personId);
    expect(before.history.length).toBeGreaterThanOrEqual(2);
    expect(before.history.map((h) => h.version)).toEqual(before.history.map((_, i) => before.history.length - i));
    const cur = before.current!;
    const saved = await savePurpose(db, eli, eli.personId, { drewMe: cur.drewMe, impact: cur.impact, worthEffort: cur.worthEffort, version: cur.version });
    expect(saved.id).toBe(cur.id);
    expect((await getPurpose(db, eli, eli.personId)).history).toHaveLength(before.history.length);
  });

  it("cannot repeat for one person", async () => {
    const eli = await viewerFor(db, "eli@acme.example");
    await expect(db.insert(purposeStatements).values({ orgId: eli.orgId, personId: eli.personId, drewMe: "again", version: 1 })).rejects.toMatchObject({
      cause: { code: "23505" },
    });
  });
});
