import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships } from "@/db/schema";
import { authorize } from "@/lib/policy";
import { setupTestDb, teardownTestDb } from "../helpers/db";
import { personId, viewerFor } from "../helpers/viewers";

let db: Db;
beforeAll(async () => {
  db = await setupTestDb({ demo: true });
});
afterAll(teardownTestDb);

describe("a manager change takes effect on the next authorization, with no cache in between", () => {
  it("moves Eli from Maya to Omar: Maya loses his plan at once, Omar gains it", async () => {
    const maya = await viewerFor(db, "maya@acme.example");
    const omar = await viewerFor(db, "omar@acme.example");
    const eli = await personId(db, "eli@acme.example");
    await expect(authorize(db, maya, "plan", "read", eli)).resolves.toMatchObject({ manager: true });
    await expect(authorize(db, omar, "plan", "read", eli)).rejects.toMatchObject({ status: 404 });

    await db.update(memberships).set({ managerId: omar.personId }).where(eq(memberships.id, eli));

    // The same viewer objects (as a still-valid session would rebuild them) get the new answer.
    await expect(authorize(db, maya, "plan", "read", eli)).rejects.toMatchObject({ status: 404 });
    await expect(authorize(db, maya, "roleHistory", "write", eli)).rejects.toMatchObject({ status: 404 });
    await expect(authorize(db, omar, "plan", "read", eli)).resolves.toMatchObject({ manager: true });
    await expect(authorize(db, omar, "plan", "write", eli)).resolves.toMatchObject({ manager: true });
  });
});
