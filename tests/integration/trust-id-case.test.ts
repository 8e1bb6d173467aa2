import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { getPlan } from "@/lib/plan/plan";
import { relationTo } from "@/lib/policy";
import { deactivateMember } from "@/lib/people/structure";
import { setupTestDb, teardownTestDb } from "../helpers/db";
import { viewerFor } from "../helpers/viewers";
import type { Viewer } from "@/lib/auth/viewer-type";

// PostgreSQL reads a UUID in either case; string comparisons in the code do not (lib/http/canonical-ids.ts).
let db: Db;
let eli: Viewer;
let ada: Viewer;

beforeAll(async () => {
  db = await setupTestDb({ demo: true });
  [eli, ada] = await Promise.all([viewerFor(db, "eli@acme.example"), viewerFor(db, "ada@acme.example")]);
});
afterAll(teardownTestDb);

describe("one's own id in upper case is still oneself", () => {
  it("is self to the policy, and opens one's own plan to edit", async () => {
    const upper = eli.personId.toUpperCase();
    expect(await relationTo(db, eli, upper)).toMatchObject({ sameOrg: true, self: true, manager: false });
    const { rel, canEdit } = await getPlan(db, eli, upper);
    expect(rel.self).toBe(true);
    expect(canEdit).toBe(true);
  });

  it("an admin still cannot deactivate themselves", async () => {
    await expect(deactivateMember(db, ada, ada.personId.toUpperCase())).rejects.toMatchObject({ status: 422 });
  });
});
