import { lt, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { endedSessions, users } from "@/db/schema";
import { SESSION_ABSOLUTE_MS } from "./session-policy";

/**
 * Ends every session of a user on their next request: session tokens signed
 * in before `sessions_valid_after` are refused by getViewer(). Uses the app's
 * clock (the same clock that stamps a token's sign-in time), so a session
 * issued right after on this instance is valid. "Sign out everywhere" on
 * /account, and a password change.
 */
export async function signOutEverywhere(userId: string, at = new Date()): Promise<void> {
  const db = await getDb();
  await db.update(users).set({ sessionsValidAfter: at }).where(eq(users.id, userId));
}

/**
 * Ends one session ("Sign out" on one device): its token, and any copy of it,
 * is refused by getViewer() from the next request, while the user's sessions
 * on other devices go on. Deleting the cookie alone would leave a copied token
 * valid until it expires. Rows older than a session can live are pruned here,
 * so the table holds at most SESSION_ABSOLUTE_MS of sign-outs.
 */
export async function endSession(userId: string, sessionId: string, at = new Date()): Promise<void> {
  const db = await getDb();
  await db.insert(endedSessions).values({ userId, sessionId, endedAt: at }).onConflictDoNothing();
  await db.delete(endedSessions).where(lt(endedSessions.endedAt, new Date(at.getTime() - SESSION_ABSOLUTE_MS)));
}
