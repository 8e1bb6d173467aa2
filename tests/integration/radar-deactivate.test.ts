import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { setupTestDb, teardownTestDb } from "../helpers/db";
import { personId, viewerFor } from "../helpers/viewers";

// getViewer reads the next-auth session and the org cookie; stand them in for a signed-in Eli.
const session = vi.hoisted(() => ({ userId: "" }));
vi.mock("@/lib/auth/config", () => ({ auth: async () => ({ user: { id: session.userId }, authTime: Date.now() }) }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }) }));

let db: Db;
beforeAll(async () => {
  db = await setupTestDb({ demo: true });
});
afterAll(teardownTestDb);

describe("deactivation", () => {
  it("an admin's deactivation makes the very next request anonymous; non-admins cannot deactivate", async () => {
    const { getViewer } = await import("@/lib/auth/viewer");
    const { deactivateMember } = await import("@/lib/people/structure");
    const eli = await viewerFor(db, "eli@acme.example");
    session.userId = eli.userId;
    expect((await getViewer())?.personId).toBe(eli.personId);
    await expect(deactivateMember(db, await viewerFor(db, "maya@acme.example"), eli.personId)).rejects.toMatchObject({ status: 403 });
    await expect(deactivateMember(db, await viewerFor(db, "hank@globex.example"), eli.personId)).rejects.toMatchObject({ status: 404 });
    await deactivateMember(db, await viewerFor(db, "ada@acme.example"), await personId(db, "eli@acme.example"));
    expect(await getViewer()).toBeNull();
  });
});
