import "server-only";
import { and, count, desc, eq, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { meetings, memberships, users, type Meeting } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer-type";
import { AppError, badRequest, conflict, forbidden } from "@/lib/errors";
import { lockReportingLines } from "@/lib/people/structure";
import { authorizePair, currentManagerOf, loadMeeting } from "./access";
import { cadenceDaysFor, lockPair, ofPair, OVERDUE_AFTER_MS, removeUnneededAutoScheduled, sweepCarryOver, type CarryOver, type Pair } from "./carry-over";
import { transactionWithRetry, type Tx } from "@/lib/transaction";

export type MeetingSummary = {
  id: string;
  scheduledAt: string;
  status: Meeting["status"];
  heldAt: string | null;
  cancelledAt: string | null;
  version: number;
  managerId: string;
  reportId: string;
  openAgenda: number;
  openActions: number;
};

export const PAGE_SIZE = 10;

const listedMgr = alias(memberships, "listed_manager");
const listedMgrUser = alias(users, "listed_manager_user");

const SCHEDULE_MAX_AHEAD_MS = 2 * 366 * 86_400_000;

/**
 * A 1:1 is scheduled from now on, with the grace that lets today's meeting be
 * moved to an hour that has just gone by ("we met at 9, not 10"). An older
 * time would make an overdue meeting the moment it is created.
 */
function assertSchedulable(at: Date, now: Date): void {
  if (at.getTime() < now.getTime() - OVERDUE_AFTER_MS) {
    const msg = "That time has passed. Pick a time from today on; a 1:1 that already happened is recorded by marking it held.";
    throw badRequest(msg, { scheduledAt: [msg] });
  }
  if (at.getTime() > now.getTime() + SCHEDULE_MAX_AHEAD_MS) {
    const msg = "Pick a time within the next two years.";
    throw badRequest(msg, { scheduledAt: [msg] });
  }
}

function toSummary(m: Meeting & { openAgenda?: number; openActions?: number }): MeetingSummary {
  return {
    id: m.id,
    scheduledAt: m.scheduledAt.toISOString(),
    status: m.status,
    heldAt: m.heldAt?.toISOString() ?? null,
    cancelledAt: m.cancelledAt?.toISOString() ?? null,
    version: m.version,
    managerId: m.managerId,
    reportId: m.reportId,
    openAgenda: m.openAgenda ?? 0,
    openActions: m.openActions ?? 0,
  };
}

/**
 * A listed 1:1 and, on the employee's own list, who it was with when that was not their current manager; and
 * whether that manager is deactivated (a still-scheduled 1:1 with them will not take place as things stand).
 */
export type ListedMeeting = MeetingSummary & { formerManagerName: string | null; managerName: string | null; managerDeactivated: boolean };

/**
 * A person's 1:1s, newest first, upcoming ones on the first page. The manager
 * sees the pair's (the person and themselves): 1:1s the person had with a
 * former manager belong to that conversation, not this one. The employee sees
 * all of their own, whoever they were with (ACCESS.md: 1:1s are the
 * employee's and the manager's who held them), so a manager change or having
 * no manager any more does not hide their history.
 */
export async function listMeetings(
  db: Db,
  viewer: Viewer,
  personId: string,
  opts: { page?: number } = {},
): Promise<{
  items: ListedMeeting[];
  total: number;
  page: number;
  pageSize: number;
  managerId: string | null;
  cadenceDays: number;
  cadenceIsDefault: boolean;
  /** The latest 1:1 still scheduled with the current manager, on whichever page it is listed (ISO), or null. */
  lastScheduledAt: string | null;
  /** Where the pair's latest 1:1 sat in their rhythm (its planned slot, any status; ISO), or null: the pair's weekday and hour. */
  lastSlotAt: string | null;
}> {
  const { managerId, rel } = await authorizePair(db, viewer, personId, "read");
  const page = Math.max(1, opts.page ?? 1);
  const [cadence, own] = await Promise.all([
    cadenceDaysFor(db, viewer.orgId, personId),
    db.select({ c: memberships.cadenceDays }).from(memberships).where(and(eq(memberships.id, personId), eq(memberships.orgId, viewer.orgId))),
  ]);
  const cadenceIsDefault = own[0]?.c == null;
  if (!managerId && !rel.self) return { items: [], total: 0, page, pageSize: PAGE_SIZE, managerId, cadenceDays: cadence, cadenceIsDefault, lastScheduledAt: null, lastSlotAt: null };
  const where = and(eq(meetings.orgId, viewer.orgId), eq(meetings.reportId, personId), rel.self ? undefined : eq(meetings.managerId, managerId!));
  const [list, [total], [last]] = await Promise.all([
    db
      .select({
        m: meetings,
        openAgenda: sql<number>`(select count(*)::int from agenda_items a where a.org_id = ${viewer.orgId} and a.meeting_id = "meetings"."id" and not a.done)`,
        openActions: sql<number>`(select count(*)::int from action_items x where x.org_id = ${viewer.orgId} and x.meeting_id = "meetings"."id" and x.done_at is null)`,
        // Named only where it differs from the current manager (the employee's own list).
        formerManagerName: sql<string | null>`(select u.name from memberships mm join users u on u.id = mm.user_id
          where mm.org_id = ${viewer.orgId} and mm.id = "meetings"."manager_id" and mm.id is distinct from ${managerId})`,
        // Part of the one statement (a join, not a query per row): the meeting's manager, and whether deactivated.
        managerName: sql<string | null>`${listedMgrUser.name}`,
        managerDeactivated: sql<boolean>`(${listedMgr.deactivatedAt} is not null)`,
      })
      .from(meetings)
      .leftJoin(listedMgr, and(eq(listedMgr.id, meetings.managerId), eq(listedMgr.orgId, meetings.orgId)))
      .leftJoin(listedMgrUser, eq(listedMgrUser.id, listedMgr.userId))
      .where(where)
      .orderBy(sql`(${meetings.status} = 'scheduled') desc`, desc(meetings.scheduledAt))
      .limit(PAGE_SIZE)
      .offset((page - 1) * PAGE_SIZE),
    db.select({ n: count() }).from(meetings).where(where),
    // Served by the pair's index; read apart from the page, so page 2 knows a 1:1 is already scheduled.
    managerId
      ? db
          .select({
            at: sql<string | null>`max(${meetings.scheduledAt}) filter (where ${meetings.status} = 'scheduled')`,
            slot: sql<string | null>`max(coalesce(${meetings.plannedAt}, ${meetings.scheduledAt}))`,
          })
          .from(meetings)
          .where(and(eq(meetings.orgId, viewer.orgId), eq(meetings.reportId, personId), eq(meetings.managerId, managerId)))
      : Promise.resolve([{ at: null, slot: null }]),
  ]);
  return {
    items: list.map((r) => ({ ...toSummary({ ...r.m, openAgenda: r.openAgenda, openActions: r.openActions }), formerManagerName: r.formerManagerName, managerName: r.managerName, managerDeactivated: !!r.managerDeactivated })),
    total: total?.n ?? 0,
    page,
    pageSize: PAGE_SIZE,
    managerId,
    cadenceDays: cadence,
    cadenceIsDefault,
    lastScheduledAt: last?.at ? new Date(last.at).toISOString() : null,
    lastSlotAt: last?.slot ? new Date(last.slot).toISOString() : null,
  };
}

/** Schedules a 1:1 between the person and their current manager; pulls in anything left open on past meetings. */
export async function scheduleMeeting(db: Db, viewer: Viewer, personId: string, input: { scheduledAt: Date }, now = new Date()): Promise<MeetingSummary> {
  const { managerId } = await authorizePair(db, viewer, personId, "write");
  if (!managerId) throw badRequest("This person has no manager to meet with.");
  assertSchedulable(input.scheduledAt, now);
  return transactionWithRetry(db, async (tx) => {
    // A manager change cancels the pair's scheduled 1:1s. Taking turns with it, and reading the line again
    // once it is ours, keeps a 1:1 with the manager it just replaced from being added after it.
    await lockReportingLines(tx, viewer.orgId, "shared");
    const mgr = alias(memberships, "mgr");
    const [line] = await tx
      .select({ managerId: memberships.managerId, managerDeactivatedAt: mgr.deactivatedAt })
      .from(memberships)
      .leftJoin(mgr, and(eq(mgr.id, memberships.managerId), eq(mgr.orgId, memberships.orgId)))
      .where(and(eq(memberships.id, personId), eq(memberships.orgId, viewer.orgId)));
    if (line?.managerId !== managerId) {
      throw conflict("This person's manager changed meanwhile, so the 1:1 was not scheduled. Reload to see who they meet with now.");
    }
    // A deactivated manager stays on record until an admin reassigns their reports; they can no longer sign in to meet.
    if (line.managerDeactivatedAt) throw badRequest("The manager on record is no longer active: an admin needs to record a new manager before 1:1s can be scheduled.");
    // The same 1:1 twice (the form sent again from a page the Back button brought back, or a retried API call): the
    // pair's schedules take turns, and a second 1:1 in the same minute is refused at the field.
    await lockPair(tx, { orgId: viewer.orgId, managerId, reportId: personId });
    await refuseSameMinute(tx, { orgId: viewer.orgId, managerId, reportId: personId }, input.scheduledAt);
    const [m] = await tx
      .insert(meetings)
      .values({ orgId: viewer.orgId, managerId, reportId: personId, scheduledAt: input.scheduledAt })
      .returning();
    await sweepCarryOver(tx, { orgId: viewer.orgId, managerId, reportId: personId }, now);
    return toSummary(m!);
  });
}

/**
 * Two 1:1s of one pair in the same minute are one 1:1 twice: refused at the time field, naming the one there. Called
 * holding the pair's lock, by scheduling and by rescheduling (`except`: the 1:1 being moved).
 */
async function refuseSameMinute(tx: Tx, p: Pair, at: Date, except?: string): Promise<void> {
  const [same] = await tx
    .select({ id: meetings.id })
    .from(meetings)
    .where(
      and(
        ofPair(p),
        eq(meetings.status, "scheduled"),
        except ? ne(meetings.id, except) : undefined,
        sql`date_trunc('minute', ${meetings.scheduledAt}) = date_trunc('minute', ${at.toISOString()}::timestamptz)`,
      ),
    )
    .limit(1);
  if (same) {
    const msg = "A 1:1 of this pair is already scheduled at that time.";
    throw new AppError(409, "conflict", msg, { scheduledAt: [msg] }, { meetingId: same.id });
  }
}

type Change = { kind: "reschedule"; scheduledAt: Date } | { kind: "hold" } | { kind: "cancel" };

/**
 * Reschedule, mark held or cancel. Each ends with the carry-over sweep, so
 * open items of a held or cancelled meeting land on the next one (created from
 * the cadence when none is scheduled).
 *
 * `version` is the meeting version the change was based on. It is compared
 * against the last transition only (`schedule_version`), not against every
 * change to the meeting: a check-in save moves the version too, and refusing
 * "Mark held" because the other person answered "What felt meaningful?"
 * meanwhile would be a false conflict. What a transition can overwrite is the
 * status and the time, and those only a transition changes. A version newer
 * than the meeting's is refused as well: it was never read.
 */
/** What a change did besides itself: items carried (to a 1:1 it scheduled, `created`), 1:1s carry-over had scheduled and are removed again. */
export type ChangeResult = MeetingSummary & { carryOver: CarryOver & { removed: number } };

export async function changeMeeting(db: Db, viewer: Viewer, meetingId: string, change: Change, opts: { version: number; now?: Date }): Promise<ChangeResult> {
  const { meeting } = await loadMeeting(db, viewer, meetingId, "write");
  const now = opts.now ?? new Date();
  const changedMeanwhile = (current: Meeting) =>
    conflict("This 1:1 was rescheduled, held or cancelled meanwhile, in another window or by the other person. Reload to see the latest.", { current: toSummary(current) });
  // Refused before the status checks, so a stale page hears "changed meanwhile" rather than, say, "already held".
  if ((meeting.scheduleVersion ?? 0) > opts.version || opts.version > meeting.version) throw changedMeanwhile(meeting);
  if (meeting.status === "cancelled" && change.kind !== "reschedule") throw badRequest("This 1:1 was cancelled.");
  if (change.kind === "hold" && meeting.status === "held") throw badRequest("This 1:1 is already marked as held.");
  if (change.kind === "cancel" && meeting.status === "held") throw badRequest("A held 1:1 cannot be cancelled.");
  if (change.kind === "reschedule" && meeting.status === "held") throw badRequest("A held 1:1 cannot be rescheduled.");
  if (change.kind === "reschedule") assertSchedulable(change.scheduledAt, now);
  const set =
    change.kind === "reschedule"
      ? { scheduledAt: change.scheduledAt, status: "scheduled" as const, cancelledAt: null }
      : change.kind === "hold"
        ? // Held before its time: it took place now, so every "last 1:1" reads the same date
          // (the radar and lists order by the scheduled time, the prep brief reads when it was held).
          // The plan is kept (planned_at), so the pair's next 1:1 keeps its weekday and hour (carry-over.ts).
          { status: "held" as const, heldAt: now, ...(meeting.scheduledAt > now ? { scheduledAt: now, plannedAt: meeting.scheduledAt } : {}) }
        : { status: "cancelled" as const, cancelledAt: now };
  return transactionWithRetry(db, async (tx) => {
    // A 1:1 with a manager the person no longer has stays as it was: rescheduling would revive it, and holding
    // or cancelling it would sweep open items into a new 1:1 with that manager, who cannot open either.
    // Taking turns with manager changes (lockReportingLines) makes the check hold until this commits.
    await lockReportingLines(tx, viewer.orgId, "shared");
    // The pair's turn before the update below, as scheduling takes it before its insert: both writes lock the
    // person's radar facts (a trigger), and taking the pair's lock after that, in the sweep, deadlocked with a 1:1
    // being scheduled, and with anyone else writing that person's history at the same moment.
    await lockPair(tx, { orgId: viewer.orgId, managerId: meeting.managerId, reportId: meeting.reportId });
    if ((await currentManagerOf(tx, viewer.orgId, meeting.reportId)) !== meeting.managerId) {
      throw conflict("This 1:1 was with a former manager, so it stays as it was. New 1:1s are with the current manager.");
    }
    if (change.kind === "reschedule") await refuseSameMinute(tx, { orgId: viewer.orgId, managerId: meeting.managerId, reportId: meeting.reportId }, change.scheduledAt, meeting.id);
    // The status checks above read the meeting before this statement: it goes through only if no transition was
    // made since they did (nor since the version the client read), so a concurrent "Mark held" and "Cancel" cannot
    // both win, while a check-in saved in between is left as it is.
    const [updated] = await tx
      .update(meetings)
      .set({ ...set, version: sql`${meetings.version} + 1`, scheduleVersion: sql`${meetings.version} + 1`, updatedAt: now })
      .where(
        and(
          eq(meetings.id, meeting.id),
          eq(meetings.orgId, viewer.orgId),
          sql`coalesce(${meetings.scheduleVersion}, 0) = ${meeting.scheduleVersion ?? 0}`,
        ),
      )
      .returning();
    if (!updated) {
      const [current] = await tx.select().from(meetings).where(and(eq(meetings.id, meeting.id), eq(meetings.orgId, viewer.orgId)));
      throw changedMeanwhile(current ?? meeting);
    }
    const pair = { orgId: viewer.orgId, managerId: meeting.managerId, reportId: meeting.reportId };
    const carryOver = await sweepCarryOver(tx, pair, now);
    const removed = meeting.status === "cancelled" ? await removeUnneededAutoScheduled(tx, pair, now) : 0;
    return { ...toSummary(updated), carryOver: { ...carryOver, removed } };
  });
}

/** Sets the pair's cadence (manager only). `days` null returns to the organization's default. */
export async function setCadence(db: Db, viewer: Viewer, personId: string, days: 7 | 14 | 30 | null): Promise<void> {
  const { rel } = await authorizePair(db, viewer, personId, "write");
  if (!rel.manager) throw forbidden("Only the manager sets the 1:1 cadence.");
  await db
    .update(memberships)
    .set({ cadenceDays: days, updatedAt: new Date() })
    .where(and(eq(memberships.id, personId), eq(memberships.orgId, viewer.orgId)));
}
