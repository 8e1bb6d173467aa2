import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";

/**
 * Ends every session of a user on their next request: session tokens signed
 * in before `sessions_valid_after` are refused by getViewer(). Uses the app's
 * clock (the same clock that stamps a token's sign-in time), so a session
 * issued right after on this instance is valid.
 */
export async function signOutEverywhere(userId: string, at = new Date()): Promise<void> {
  const db = await getDb();
  await db.update(users).set({ sessionsValidAfter: at }).where(eq(users.id, userId));
}
