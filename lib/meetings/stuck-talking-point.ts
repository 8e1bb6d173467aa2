import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { agendaItems, meetings, memberships } from "@/db/schema";
import { conflict } from "@/lib/errors";
import { lockReportingLines } from "@/lib/people/structure";
import type { Tx } from "@/lib/transaction";
import { lockPair, nextMeetingOfPair, ofPair, slotOf, type Pair } from "./carry-over";
import { suggestionByKey } from "./suggestions";

export const STUCK_SUGGESTION_KEY = "stuck";

/**
 * The locks putStuckOnNextOneOnOne takes, in the order every 1:1 write takes them (reporting lines, then the pair).
 * Take them before any write in the transaction that touches the person's radar facts (a trigger locks that row):
 * taken after it, they deadlocked with a 1:1 of the pair being scheduled.
 */
export async function lockForNextOneOnOne(tx: Tx, p: Pair): Promise<void> {
  await lockReportingLines(tx, p.orgId, "shared");
  await lockPair(tx, p);
}

/**
 * "Talk in our next 1:1", a manager's answer to "I feel stuck", is a promise about the next 1:1, so it goes on that
 * 1:1's agenda, where only the two of them see it: the stuck suggestion's wording, which quotes nothing of the
 * message. Before, the suggestion left the agenda with the open signal, and nothing reminded either of them.
 * The pair's next 1:1 is made from the cadence when none is scheduled, as carry-over makes one. Not when the
 * person has been deactivated (no 1:1 will take place); null then. Runs in the acknowledging transaction; `itemId` is
 * the talking point, new or already there.
 */
export async function putStuckOnNextOneOnOne(tx: Tx, p: Pair, now: Date): Promise<{ itemId: string; meetingId: string; scheduledAt: Date; added: boolean } | null> {
  // Take turns with a manager change, which cancels the pair's scheduled 1:1s, and read the line once it is ours
  // (the caller has usually taken these already: taking them again is a no-op).
  await lockForNextOneOnOne(tx, p);
  const mgr = alias(memberships, "mgr");
  const [line] = await tx
    .select({ managerId: memberships.managerId, deactivatedAt: memberships.deactivatedAt, managerDeactivatedAt: mgr.deactivatedAt })
    .from(memberships)
    .leftJoin(mgr, and(eq(mgr.id, memberships.managerId), eq(mgr.orgId, memberships.orgId)))
    .where(and(eq(memberships.id, p.reportId), eq(memberships.orgId, p.orgId)));
  if (line?.managerId !== p.managerId) throw conflict("Their manager changed meanwhile, so there is no next 1:1 of yours with them. Reload to see who they meet with now.");
  if (line.deactivatedAt || line.managerDeactivatedAt) return null;
  const [last] = await tx
    .select({ at: sql<string | null>`max(${slotOf()})` })
    .from(meetings)
    .where(and(ofPair(p), ne(meetings.status, "scheduled")));
  const next = await nextMeetingOfPair(tx, p, now, last?.at ? Date.parse(last.at) : null);
  // Already there and still open (picked from the suggestions while the signal was open): once is enough. One they
  // have ticked off was an earlier conversation: a new signal gets a talking point of its own.
  const [already] = await tx
    .select({ id: agendaItems.id })
    .from(agendaItems)
    .where(and(eq(agendaItems.orgId, p.orgId), eq(agendaItems.meetingId, next.id), eq(agendaItems.suggestionKey, STUCK_SUGGESTION_KEY), eq(agendaItems.done, false)))
    .limit(1);
  if (already) return { itemId: already.id, meetingId: next.id, scheduledAt: next.scheduledAt, added: false };
  const [made] = await tx
    .insert(agendaItems)
    .values({
      orgId: p.orgId,
      meetingId: next.id,
      authorId: p.managerId,
      body: suggestionByKey(STUCK_SUGGESTION_KEY)!.text,
      suggestionKey: STUCK_SUGGESTION_KEY,
      position: sql`(select coalesce(max(position), 0) + 1 from agenda_items where org_id = ${p.orgId} and meeting_id = ${next.id})`,
    })
    .returning({ id: agendaItems.id });
  return { itemId: made!.id, meetingId: next.id, scheduledAt: next.scheduledAt, added: true };
}
