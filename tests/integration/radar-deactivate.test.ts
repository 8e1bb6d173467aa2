import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { setupTestDb, teardownTestDb } from "../helpers/db";
import { personId, viewerFor } from "../helpers/viewers";

// getViewer reads the session cookie (a real, encrypted session token for Eli) through next/headers.
const session = vi.hoisted(() => ({ token: "" }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (name === "authjs.session-token" && session.token ? { value: session.token } : undefined) }),
}));

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
    const { encode } = await import("next-auth/jwt");
    const { authSecret } = await import("@/lib/auth/secret");
    session.token = await encode({ token: { uid: eli.userId, authTime: Date.now() }, secret: authSecret(), salt: "authjs.session-token" });
    expect((await getViewer())?.personId).toBe(eli.personId);
    await expect(deactivateMember(db, await viewerFor(db, "maya@acme.example"), eli.personId)).rejects.toMatchObject({ status: 403 });
    await expect(deactivateMember(db, await viewerFor(db, "hank@globex.example"), eli.personId)).rejects.toMatchObject({ status: 404 });
    await deactivateMember(db, await viewerFor(db, "ada@acme.example"), await personId(db, "eli@acme.example"));
    expect(await getViewer()).toBeNull();
  });

  it("a tampered or missing session token is anonymous", async () => {
    const { getViewer } = await import("@/lib/auth/viewer");
    session.token = "not-a-token";
    expect(await getViewer()).toBeNull();
    session.token = "";
    expect(await getViewer()).toBeNull();
  });
});
