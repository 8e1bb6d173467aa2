import "server-only";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agendaItems, memberships, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer-type";
import { conflict, notFound } from "@/lib/errors";
import { transactionWithRetry } from "@/lib/transaction";
import { authorizePair, loadMeeting, type MeetingAccess } from "./access";
import { lockPair, nextMeetingOfPair, upcomingOfPair } from "./carry-over";

/**
 * A manager change calls off the 1:1s still to come with the former manager, and what the employee had put on their
 * agenda stays there, with that 1:1, as it was. Whether it belongs with the new manager is the employee's to say (it
 * may be about the former one): these let them bring their own open talking points along, at their request, to their
 * next 1:1 with their current manager. Nothing of the former manager's, and no notes, travels.
 */

/** The employee's own open talking points on a 1:1 with a former manager, and who their manager is now. */
export type StrandedTalkingPoints = {
  /** Those not yet on the next 1:1 with the current manager (in the same words). */
  pending: string[];
  /** Null when they have no manager now, or their manager is deactivated: there is no 1:1 to bring them to. */
  currentManager: { id: string; name: string } | null;
  /** The next 1:1 with the current manager, if one is scheduled. */
  next: { id: string; scheduledAt: string } | null;
};

function ownOpenItems(db: Pick<Db, "select">, access: MeetingAccess, viewer: Viewer) {
  return db
    .select({ id: agendaItems.id, body: agendaItems.body })
    .from(agendaItems)
    .where(
      and(
        eq(agendaItems.orgId, viewer.orgId),
        eq(agendaItems.meetingId, access.meeting.id),
        eq(agendaItems.authorId, viewer.personId),
        eq(agendaItems.done, false),
      ),
    )
    .orderBy(asc(agendaItems.position), asc(agendaItems.createdAt));
}

/** Only the employee, only on a 1:1 with a former manager that was called off or is past; null elsewhere. */
function applies(access: MeetingAccess, viewer: Viewer): boolean {
  return access.rel.self && access.withFormerManager && access.meeting.reportId === viewer.personId;
}

async function currentManager(db: Pick<Db, "select">, viewer: Viewer): Promise<{ id: string; name: string } | null> {
  const [row] = await db
    .select({ id: memberships.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.orgId, viewer.orgId),
        isNull(memberships.deactivatedAt),
        eq(memberships.id, sql`(SELECT m.manager_id FROM memberships m WHERE m.id = ${viewer.personId} AND m.org_id = ${viewer.orgId})`),
      ),
    );
  return row ?? null;
}

/** For the 1:1 page, already authorized by `loadMeeting`: null when there is nothing to offer. */
export async function strandedTalkingPoints(db: Db, viewer: Viewer, access: MeetingAccess): Promise<StrandedTalkingPoints | null> {
  if (!applies(access, viewer) || access.meeting.status === "scheduled") return null;
  const [items, manager] = await Promise.all([ownOpenItems(db, access, viewer), currentManager(db, viewer)]);
  if (!items.length) return null;
  const next = manager ? await upcomingOfPair(db, { orgId: viewer.orgId, managerId: manager.id, reportId: viewer.personId }, new Date()) : undefined;
  const onNext = next ? await openBodiesOn(db, viewer.orgId, next.id) : new Set<string>();
  return {
    pending: items.filter((i) => !onNext.has(i.body.trim())).map((i) => i.body),
    currentManager: manager,
    next: next ? { id: next.id, scheduledAt: next.scheduledAt.toISOString() } : null,
  };
}

/** The open talking points of a 1:1, trimmed, for "already there in the same words". */
async function openBodiesOn(db: Pick<Db, "select">, orgId: string, meetingId: string): Promise<Set<string>> {
  const there = await db
    .select({ body: agendaItems.body })
    .from(agendaItems)
    .where(and(eq(agendaItems.orgId, orgId), eq(agendaItems.meetingId, meetingId), eq(agendaItems.done, false)));
  return new Set(there.map((t) => t.body.trim()));
}

export type BroughtAlong = { added: number; alreadyThere: number; meetingId: string; scheduledAt: Date; managerName: string };

/**
 * Copies the viewer's own open talking points from a 1:1 with a former manager to their next 1:1 with their current
 * manager (one is scheduled from the cadence if none is). The old 1:1 keeps them as they were; a talking point
 * already on the next 1:1 in the same words is not added twice, so asking again adds nothing.
 */
export async function bringTalkingPointsAlong(db: Db, viewer: Viewer, meetingId: string, now = new Date()): Promise<BroughtAlong> {
  const access = await loadMeeting(db, viewer, meetingId, "read");
  // Only the employee's own talking points, at their request: the manager's side of the page never offers this.
  if (!access.rel.self) throw notFound();
  if (!access.withFormerManager) throw conflict("This 1:1 is with your current manager: open talking points move on to your next 1:1 by themselves.");
  if (access.meeting.status === "scheduled") throw conflict("This 1:1 is still to come: its talking points stay on it.");
  // Writing on the 1:1s of the employee with their manager now: the policy's word on that pair, too.
  await authorizePair(db, viewer, viewer.personId, "write");
  return transactionWithRetry(db, async (tx) => {
    const manager = await currentManager(tx, viewer);
    if (!manager) throw conflict("You have no manager in Reignite right now, so there is no 1:1 to bring them to. Ask an admin to record your manager.");
    const pair = { orgId: viewer.orgId, managerId: manager.id, reportId: viewer.personId };
    await lockPair(tx, pair);
    const items = await ownOpenItems(tx, access, viewer);
    if (!items.length) throw conflict("You have no open talking points on this 1:1 any more.");
    const target = await nextMeetingOfPair(tx, pair, now, null);
    const onTarget = await openBodiesOn(tx, viewer.orgId, target.id);
    const fresh = items.filter((i) => !onTarget.has(i.body.trim()));
    if (fresh.length) {
      const [{ maxPos } = { maxPos: 0 }] = await tx
        .select({ maxPos: sql<number>`coalesce(max(${agendaItems.position}), 0)::int` })
        .from(agendaItems)
        .where(and(eq(agendaItems.orgId, viewer.orgId), eq(agendaItems.meetingId, target.id)));
      await tx.insert(agendaItems).values(
        fresh.map((i, n) => ({ orgId: viewer.orgId, meetingId: target.id, authorId: viewer.personId, body: i.body, position: maxPos + n + 1 })),
      );
    }
    return { added: fresh.length, alreadyThere: items.length - fresh.length, meetingId: target.id, scheduledAt: target.scheduledAt, managerName: manager.name };
  });
}
