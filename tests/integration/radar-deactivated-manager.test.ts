/**
 * A manager deactivated before an admin records new managers for their reports: the reports still report to them,
 * the policy's chain walks through them (the skip-level keeps read access), and so must the skip-level's /team.
 * The subtree dropped those people, the very ones who most need someone's eye.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { relationTo } from "@/lib/policy/relation";
import { isSkipLevelManager, radarSubtree } from "@/lib/radar";
import { deactivateMember } from "@/lib/people/structure";
import { setupTestDb, teardownTestDb } from "../helpers/db";
import { personId, viewerFor } from "../helpers/viewers";

let db: Db;
beforeAll(async () => {
  db = await setupTestDb({ demo: true });
});
afterAll(teardownTestDb);

describe("the reports of a deactivated manager", () => {
  it("stay in the skip-level's subtree, and the skip-level still has one to switch to", async () => {
    const dana = await viewerFor(db, "dana@acme.example");
    const before = (await radarSubtree(db, dana)).map((p) => p.name);
    expect(before).toEqual(expect.arrayContaining(["Maya Manager", "Eli Employee", "Fatima Haddad"]));

    await deactivateMember(db, await viewerFor(db, "ada@acme.example"), await personId(db, "maya@acme.example"));
    const after = await radarSubtree(db, { ...dana, nav: undefined });
    const names = after.map((p) => p.name);
    expect(names).not.toContain("Maya Manager");
    expect(names).toEqual(expect.arrayContaining(["Eli Employee", "Fatima Haddad", "Hiro Tanaka"]));
    expect(after.length).toBe(before.length - 1);
    // Two levels below Dana, as before: a skip-level's row, not a direct report's.
    expect(after.find((p) => p.name === "Eli Employee")?.depth).toBe(2);
    // The same people the policy lets her read.
    const eli = await personId(db, "eli@acme.example");
    expect((await relationTo(db, dana, eli)).skipLevel).toBe(true);
    expect(await isSkipLevelManager(db, { ...dana, nav: undefined })).toBe(true);
  });
});
