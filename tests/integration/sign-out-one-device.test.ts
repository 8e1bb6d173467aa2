/**
 * "Sign out" ends the session of one browser, copies of its token included,
 * while the person stays signed in on their other devices; "Sign out
 * everywhere" ends them all. Decided against the database in the viewer's one
 * statement, so another instance refuses an ended session on its next request.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import type { Db } from "@/db/client";
import { countQueries } from "@/db/query-log";
import { endedSessions } from "@/db/schema";
import { endSession, signOutEverywhere } from "@/lib/auth/revoke";
import { authSecret } from "@/lib/auth/secret";
import { readSessionClaims } from "@/lib/auth/session-refresh";
import { SESSION_ABSOLUTE_MS, SESSION_COOKIE } from "@/lib/auth/session-policy";
import { loadViewer } from "@/lib/auth/viewer";
import { setupTestDb, teardownTestDb } from "../helpers/db";
import { viewerFor } from "../helpers/viewers";

let db: Db;
beforeAll(async () => {
  db = await setupTestDb({ demo: true });
});
afterAll(teardownTestDb);

const device = (userId: string, sessionId: string, authTime = Date.now() - 1000) => ({ userId, authTime, sessionId });

describe("signing out", () => {
  it("on one device ends that session only; the viewer still costs one statement", async () => {
    const { userId } = await viewerFor(db, "eli@acme.example");
    const laptop = device(userId, "laptop-session");
    const phone = device(userId, "phone-session");
    expect(await loadViewer(db, laptop)).not.toBeNull();
    await endSession(userId, laptop.sessionId);
    await endSession(userId, laptop.sessionId); // twice is once
    expect(await loadViewer(db, laptop)).toBeNull();
    const { count, result } = await countQueries(() => loadViewer(db, phone));
    expect([count, result?.sessionId]).toEqual([1, "phone-session"]);
    // Another person's session with the same id is theirs, not ended.
    const maya = await viewerFor(db, "maya@acme.example");
    expect(await loadViewer(db, device(maya.userId, "laptop-session"))).not.toBeNull();
  });

  it("everywhere ends every session of the account, and a new sign-in counts again", async () => {
    const { userId } = await viewerFor(db, "omar@acme.example");
    const a = device(userId, "a");
    const b = device(userId, "b");
    await signOutEverywhere(userId);
    expect(await loadViewer(db, a)).toBeNull();
    expect(await loadViewer(db, b)).toBeNull();
    await new Promise((r) => setTimeout(r, 5));
    expect(await loadViewer(db, device(userId, "c", Date.now()))).not.toBeNull();
  });

  it("reads the session id from the token; a token from before session ids is told apart by its sign-in instant", async () => {
    const { userId } = await viewerFor(db, "kira@acme.example");
    const authTime = Date.now() - 1000;
    const cookie = async (claims: Record<string, unknown>) => ({
      name: SESSION_COOKIE,
      value: await encode({ token: { uid: userId, authTime, ...claims }, secret: authSecret(), salt: SESSION_COOKIE }),
    });
    expect(await readSessionClaims(await cookie({ sid: "s-1" }))).toMatchObject({ userId, authTime, sessionId: "s-1" });
    const old = await readSessionClaims(await cookie({}));
    expect(old).toMatchObject({ sessionId: `t${authTime}` });
    expect(await loadViewer(db, old!)).not.toBeNull();
    await endSession(userId, old!.sessionId);
    expect(await loadViewer(db, old!)).toBeNull();
    expect(await loadViewer(db, { userId, authTime })).toBeNull(); // the same session, built without its id
  });

  it("keeps a sign-out only as long as its session could have lived", async () => {
    const { userId } = await viewerFor(db, "hiro@acme.example");
    await db.insert(endedSessions).values({ userId, sessionId: "ancient", endedAt: new Date(Date.now() - SESSION_ABSOLUTE_MS - 60_000) });
    await db.insert(endedSessions).values({ userId, sessionId: "recent", endedAt: new Date(Date.now() - SESSION_ABSOLUTE_MS + 60_000) });
    await endSession(userId, "now");
    const kept = await db.select({ id: endedSessions.sessionId }).from(endedSessions).where(eq(endedSessions.userId, userId));
    expect(kept.map((k) => k.id).sort()).toEqual(["now", "recent"]);
  });
});
