import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { meetings } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer-type";
import { conflict } from "@/lib/errors";
import { loadMeeting } from "./access";
import { savedBy, savedMeanwhile } from "./saved-by";

export type CheckIn = { energy: number | null; meaningful: string; goingThroughMotions: string; learnNext: string };

/**
 * Saves the growth & meaning check-in with the meeting (either participant),
 * version-checked. The version is the meeting's, which a reschedule also moves:
 * when the answers were not saved since the version the viewer read, there is
 * nothing to merge and the save goes through on top of the current version.
 */
const CANCELLED = "This 1:1 was cancelled, so its check-in is closed: answer it on the next 1:1.";

export async function saveCheckIn(db: Db, viewer: Viewer, meetingId: string, input: CheckIn & { version: number }): Promise<CheckIn & { version: number }> {
  const access = await loadMeeting(db, viewer, meetingId, "write");
  const meeting = access.meeting;
  // The page offers no check-in on a cancelled 1:1; the API took one. Also in the UPDATE below, for a cancel meanwhile.
  if (meeting.status === "cancelled") throw conflict(CANCELLED);
  let base = input.version;
  for (let attempt = 1; ; attempt++) {
    const [row] = await db
      .update(meetings)
      .set({
        energy: input.energy,
        meaningful: input.meaningful,
        goingThroughMotions: input.goingThroughMotions,
        learnNext: input.learnNext,
        checkInUpdatedBy: viewer.personId,
        checkInVersion: sql`${meetings.version} + 1`,
        version: sql`${meetings.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(meetings.id, meeting.id), eq(meetings.orgId, viewer.orgId), eq(meetings.version, base), ne(meetings.status, "cancelled")))
      .returning();
    if (row) return { energy: row.energy, meaningful: row.meaningful, goingThroughMotions: row.goingThroughMotions, learnNext: row.learnNext, version: row.version };
    // Re-read what is saved now, so the caller can show both texts and save again on top of it.
    const [cur] = await db
      .select({
        energy: meetings.energy,
        meaningful: meetings.meaningful,
        goingThroughMotions: meetings.goingThroughMotions,
        learnNext: meetings.learnNext,
        version: meetings.version,
        checkInUpdatedBy: meetings.checkInUpdatedBy,
        checkInVersion: meetings.checkInVersion,
        status: meetings.status,
      })
      .from(meetings)
      .where(and(eq(meetings.id, meeting.id), eq(meetings.orgId, viewer.orgId)));
    if (!cur) throw conflict("The check-in could not be saved: the 1:1 changed meanwhile.", { current: null });
    const { checkInUpdatedBy, checkInVersion, status, ...current } = cur;
    if (status === "cancelled") throw conflict(CANCELLED, { current });
    // A version the 1:1 has never had is not one anybody read: saving on top of whatever is there would let a client
    // skip the check by sending a large number (transitions refuse it the same way).
    if (base > cur.version) throw conflict("The check-in was not saved: that is not a version this 1:1 has had. Reload the page and try again.", { current });
    if ((checkInVersion ?? 0) > base) {
      const by = savedBy(viewer, access, checkInUpdatedBy);
      throw conflict(savedMeanwhile(by, "the check-in"), { current, savedBy: by });
    }
    if (attempt === 3) throw conflict("The 1:1 kept changing while you saved.", { current });
    base = cur.version;
  }
}
