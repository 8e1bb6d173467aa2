import { and, asc, eq, gte, inArray, isNull, ne, sql } from "drizzle-orm";
import { rows, type Db } from "@/db/client";
import { actionItems, agendaItems, meetings, memberships, organizations } from "@/db/schema";
import type { Tx } from "@/lib/transaction";

export type Pair = { orgId: string; managerId: string; reportId: string };

const DAY = 86_400_000;
/**
 * A scheduled 1:1 further in the past than this is overdue (nobody marked it
 * held or cancelled), not the pair's "next" one. Within it, today's meeting
 * moved to an hour that has just gone by still counts as next.
 */
export const OVERDUE_AFTER_MS = 12 * 3_600_000;

/** The pair's cadence in days: the report's own setting, else the organization's default. */
export async function cadenceDaysFor(tx: Tx | Db, orgId: string, reportId: string): Promise<number> {
  const [r] = await tx
    .select({ own: memberships.cadenceDays, org: organizations.defaultCadenceDays })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(and(eq(memberships.id, reportId), eq(memberships.orgId, orgId)));
  return r?.own ?? r?.org ?? 14;
}

/**
 * The pair's next 1:1: the first scheduled one that is not overdue, or, when there is none, a new one a whole number
 * of cadences after `lastAt` (the pair's last 1:1; now when they have had none), so it keeps that 1:1's weekday and
 * time of day (a 1:1 at 11:00 marked held at 12:05 used to make the next one at 12:05), at the first such time still
 * ahead of now. Call it holding the pair's lock (lockPair), so two callers cannot both create one.
 */
export async function nextMeetingOfPair(tx: Tx, p: Pair, now: Date, lastAt: number | null): Promise<{ id: string; scheduledAt: Date; created: boolean }> {
  const next = await upcomingOfPair(tx, p, now);
  if (next) return { ...next, created: false };
  const step = (await cadenceDaysFor(tx, p.orgId, p.reportId)) * DAY;
  const last = lastAt ?? now.getTime();
  const at = new Date(last + Math.max(1, Math.floor((now.getTime() - last) / step) + 1) * step);
  const [made] = await tx
    .insert(meetings)
    .values({ orgId: p.orgId, managerId: p.managerId, reportId: p.reportId, scheduledAt: at, autoScheduled: true })
    .returning({ id: meetings.id, scheduledAt: meetings.scheduledAt });
  return { ...made!, created: true };
}

/**
 * Where a 1:1 sat in the pair's rhythm: when it was planned for. A 1:1 marked held early reads as held when it was
 * (scheduled_at), but the next one made from the cadence goes on from its plan (planned_at).
 */
export const slotOf = () => sql<Date>`coalesce(${meetings.plannedAt}, ${meetings.scheduledAt})`.mapWith(meetings.scheduledAt);

/** The pair's first scheduled 1:1 that is not overdue, if any. */
export async function upcomingOfPair(tx: Tx | Db, p: Pair, now: Date): Promise<{ id: string; scheduledAt: Date } | undefined> {
  const [next] = await tx
    .select({ id: meetings.id, scheduledAt: meetings.scheduledAt })
    .from(meetings)
    .where(and(ofPair(p), eq(meetings.status, "scheduled"), gte(meetings.scheduledAt, new Date(now.getTime() - OVERDUE_AFTER_MS))))
    .orderBy(asc(meetings.scheduledAt))
    .limit(1);
  return next;
}

/** The pair's 1:1s (a filter on meetings). */
export function ofPair(p: Pair) {
  return and(eq(meetings.orgId, p.orgId), eq(meetings.managerId, p.managerId), eq(meetings.reportId, p.reportId));
}

/** Serializes carry-over per pair so two concurrent sweeps cannot both create a "next" meeting. */
export async function lockPair(tx: Tx, p: Pair): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`carry:${p.managerId}:${p.reportId}`}))`);
}

/**
 * Carry-over that never drops anything. Every open agenda item and unfinished
 * action item still sitting on a held or cancelled meeting of the pair moves
 * to the pair's next scheduled meeting; when none is scheduled and something
 * needs carrying, the next one is created from the cadence. Each moved item
 * keeps where it first came from (`carried_from_meeting_id`) and every 1:1 it
 * left (`carried_through`), so a held 1:1 still lists what moved on from it.
 *
 * Called after every state change (schedule, reschedule, hold, cancel), so it
 * is idempotent: it only looks at where items are now. `now` decides the date
 * of a meeting created from the cadence.
 */
export type CarryOver = {
  moved: number;
  targetId: string | null;
  /** A 1:1 was scheduled from the cadence to receive the items. */
  created: boolean;
};

export async function sweepCarryOver(tx: Tx, p: Pair, now = new Date()): Promise<CarryOver> {
  await lockPair(tx, p);
  const pulled = await pullCarriedForward(tx, p, now);
  const closed = await tx
    .select({ id: meetings.id, slotAt: slotOf() })
    .from(meetings)
    .where(and(ofPair(p), ne(meetings.status, "scheduled")));
  if (closed.length === 0) return { moved: pulled, targetId: null, created: false };
  const closedIds = closed.map((c) => c.id);

  const [openAgenda, openActions] = await Promise.all([
    tx
      .select({ id: agendaItems.id })
      .from(agendaItems)
      .where(and(eq(agendaItems.orgId, p.orgId), inArray(agendaItems.meetingId, closedIds), eq(agendaItems.done, false))),
    tx
      .select({ id: actionItems.id })
      .from(actionItems)
      .where(and(eq(actionItems.orgId, p.orgId), inArray(actionItems.meetingId, closedIds), isNull(actionItems.doneAt))),
  ]);
  if (openAgenda.length === 0 && openActions.length === 0) return { moved: pulled, targetId: null, created: false };

  const { id: targetId, created } = await nextMeetingOfPair(tx, p, now, Math.max(...closed.map((c) => c.slotAt.getTime())));

  // Append carried agenda items after what is already on the target, in their old order.
  const [{ maxPos } = { maxPos: 0 }] = await tx
    .select({ maxPos: sql<number>`coalesce(max(${agendaItems.position}), 0)::int` })
    .from(agendaItems)
    .where(and(eq(agendaItems.orgId, p.orgId), eq(agendaItems.meetingId, targetId)));
  if (openAgenda.length) {
    await tx.execute(sql`
      UPDATE agenda_items a
         SET meeting_id = ${targetId},
             carried_from_meeting_id = coalesce(a.carried_from_meeting_id, a.meeting_id),
             carried_through = array_append(a.carried_through, a.meeting_id),
             position = ${maxPos} + o.rn,
             version = a.version + 1,
             updated_at = now()
        FROM (SELECT ai.id, row_number() OVER (ORDER BY m.scheduled_at, ai.position, ai.created_at) AS rn
                FROM agenda_items ai JOIN meetings m ON m.id = ai.meeting_id AND m.org_id = ai.org_id
               WHERE ai.org_id = ${p.orgId} AND ai.id IN ${openAgenda.map((a) => a.id)}) o
       WHERE a.id = o.id AND a.org_id = ${p.orgId}`);
  }
  if (openActions.length) {
    await tx
      .update(actionItems)
      .set({
        meetingId: targetId,
        carriedFromMeetingId: sql`coalesce(${actionItems.carriedFromMeetingId}, ${actionItems.meetingId})`,
        carriedThrough: sql`array_append(${actionItems.carriedThrough}, ${actionItems.meetingId})`,
        version: sql`${actionItems.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(actionItems.orgId, p.orgId), inArray(actionItems.id, openActions.map((a) => a.id))));
  }
  return { moved: pulled + openAgenda.length + openActions.length, targetId, created };
}

/**
 * Undoes what cancelling a 1:1 scheduled: when the cancelled 1:1 is rescheduled back, a 1:1 that carry-over
 * scheduled after it to hold its open items (the sweep has brought them back by now) is removed while nothing else
 * is on it. It stayed, empty, as a second upcoming 1:1 nobody had asked for. Kept as soon as someone gave it
 * anything of its own: a talking point, an action item, a note with words in it, a check-in answer, or a new time
 * (a reschedule is a person's choice). Call it holding the pair's lock, after sweepCarryOver. Returns how many went.
 */
export async function removeUnneededAutoScheduled(tx: Tx, p: Pair, now: Date): Promise<number> {
  const next = await upcomingOfPair(tx, p, now);
  if (!next) return 0;
  const gone = rows<{ id: string }>(
    await tx.execute(sql`
    DELETE FROM meetings m
     WHERE m.org_id = ${p.orgId} AND m.manager_id = ${p.managerId} AND m.report_id = ${p.reportId}
       AND m.auto_scheduled AND m.status = 'scheduled' AND m.schedule_version IS NULL
       AND m.scheduled_at > ${next.scheduledAt.toISOString()}::timestamptz
       AND m.energy IS NULL AND m.meaningful = '' AND m.going_through_motions = '' AND m.learn_next = ''
       AND NOT EXISTS (SELECT 1 FROM agenda_items a WHERE a.org_id = m.org_id AND a.meeting_id = m.id)
       AND NOT EXISTS (SELECT 1 FROM action_items x WHERE x.org_id = m.org_id AND x.meeting_id = m.id)
       AND NOT EXISTS (SELECT 1 FROM notes n WHERE n.org_id = m.org_id AND n.meeting_id = m.id AND btrim(n.body) <> '')
    RETURNING m.id`),
  );
  return gone.length;
}

/**
 * What carry-over put on a later 1:1 goes to the pair's next one once there is an earlier one: a cancelled 1:1
 * rescheduled back, or a 1:1 scheduled before the one that received the items. They sat on the later 1:1 while the
 * next one read "No talking points yet", and its own brief listed the open action item as overdue. Only carried
 * items move (`carried_from_meeting_id`): a point someone added to that later 1:1 stays where they put it. Appended
 * after what the next 1:1 has, in their order. Returns how many moved.
 */
async function pullCarriedForward(tx: Tx, p: Pair, now: Date): Promise<number> {
  const next = await upcomingOfPair(tx, p, now);
  if (!next) return 0;
  const later = sql`(SELECT id FROM meetings WHERE org_id = ${p.orgId} AND manager_id = ${p.managerId} AND report_id = ${p.reportId}
                       AND status = 'scheduled' AND scheduled_at > ${next.scheduledAt.toISOString()}::timestamptz)`;
  const agenda = rows<{ id: string }>(
    await tx.execute(sql`
    UPDATE agenda_items a
       SET meeting_id = ${next.id},
           -- Back on the 1:1 it was raised in (a cancelled one rescheduled back): not carried any more.
           carried_from_meeting_id = nullif(a.carried_from_meeting_id, ${next.id}::uuid),
           carried_through = array_remove(a.carried_through, ${next.id}::uuid),
           position = (SELECT coalesce(max(position), 0) FROM agenda_items WHERE org_id = ${p.orgId} AND meeting_id = ${next.id}) + o.rn,
           version = a.version + 1,
           updated_at = now()
      FROM (SELECT ai.id, row_number() OVER (ORDER BY m.scheduled_at, ai.position, ai.created_at) AS rn
              FROM agenda_items ai JOIN meetings m ON m.id = ai.meeting_id AND m.org_id = ai.org_id
             WHERE ai.org_id = ${p.orgId} AND ai.meeting_id IN ${later} AND NOT ai.done AND ai.carried_from_meeting_id IS NOT NULL) o
     WHERE a.id = o.id AND a.org_id = ${p.orgId}
    RETURNING a.id`),
  );
  const actions = await tx
    .update(actionItems)
    .set({
      meetingId: next.id,
      carriedFromMeetingId: sql`nullif(${actionItems.carriedFromMeetingId}, ${next.id}::uuid)`,
      carriedThrough: sql`array_remove(${actionItems.carriedThrough}, ${next.id}::uuid)`,
      version: sql`${actionItems.version} + 1`,
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(actionItems.orgId, p.orgId),
        sql`${actionItems.meetingId} IN ${later}`,
        isNull(actionItems.doneAt),
        sql`${actionItems.carriedFromMeetingId} IS NOT NULL`,
      ),
    )
    .returning({ id: actionItems.id });
  return agenda.length + actions.length;
}
