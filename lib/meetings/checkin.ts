import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { meetings } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer-type";
import { conflict } from "@/lib/errors";
import { loadMeeting } from "./access";

export type CheckIn = { energy: number | null; meaningful: string; goingThroughMotions: string; learnNext: string };

/** Saves the growth & meaning check-in with the meeting (either participant), version-checked. */
export async function saveCheckIn(db: Db, viewer: Viewer, meetingId: string, input: CheckIn & { version?: number }): Promise<CheckIn & { version: number }> {
  const { meeting } = await loadMeeting(db, viewer, meetingId, "write");
  const [row] = await db
    .update(meetings)
    .set({
      energy: input.energy,
      meaningful: input.meaningful,
      goingThroughMotions: input.goingThroughMotions,
      learnNext: input.learnNext,
      version: sql`${meetings.version} + 1`,
      updatedAt: new Date(),
    })
    .where(and(eq(meetings.id, meeting.id), eq(meetings.orgId, viewer.orgId), eq(meetings.version, input.version ?? meeting.version)))
    .returning();
  if (!row) {
    // Re-read what is saved now, so the caller can show both texts and save again on top of it.
    const [cur] = await db
      .select({ energy: meetings.energy, meaningful: meetings.meaningful, goingThroughMotions: meetings.goingThroughMotions, learnNext: meetings.learnNext, version: meetings.version })
      .from(meetings)
      .where(and(eq(meetings.id, meeting.id), eq(meetings.orgId, viewer.orgId)));
    throw conflict("The check-in was changed by someone else meanwhile.", { current: cur ?? null });
  }
  return { energy: row.energy, meaningful: row.meaningful, goingThroughMotions: row.goingThroughMotions, learnNext: row.learnNext, version: row.version };
}
