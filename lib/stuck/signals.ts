import "server-only";
import { sql, and, eq, ne } from "drizzle-orm";
import { rows, type Db } from "@/db/client";
import { stuckSignals, type StuckSignal } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer-type";
import { auditStuckSignalRead } from "@/lib/audit/sensitive-reads";
import { AppError, badRequest, conflict, notFound, unauthenticated } from "@/lib/errors";
import { authorize, enforce, isUuid, relationTo, type Action } from "@/lib/policy";
import { lockForNextOneOnOne, putStuckOnNextOneOnOne } from "@/lib/meetings/stuck-talking-point";
import { transactionWithRetry } from "@/lib/transaction";
import { MANAGER_NEXT_STEP, OTHER_NEXT_STEP, type SignalVia } from "./next-steps";
import { canonicalId } from "@/lib/http/canonical-ids";

export type StuckSignalDto = {
  id: string;
  personId: string;
  personName: string;
  message: string;
  includeSkipLevel: boolean;
  includeHr: boolean;
  status: StuckSignal["status"];
  createdAt: string;
  acknowledgedAt: string | null;
  acknowledgedByName: string | null;
  nextStep: string | null;
  withdrawnAt: string | null;
  /**
   * The talking point "Talk in our next 1:1" put on the pair's agenda: the 1:1 it is on now and whether it was ticked
   * off. Only for the two people in that 1:1 (1:1 content is theirs: not for a skip-level, HR or a later manager).
   */
  /** `cancelled`: that 1:1 was called off and the point could not move on (the reporting line changed). */
  talkingPoint: { meetingId: string; scheduledAt: string; done: boolean; cancelled: boolean } | null;
  /** Why the viewer sees it: their own, as the person's manager, as an included skip-level, or as an included admin (HR). */
  via: SignalVia;
};

type Raw = {
  id: string; person_id: string; person_name: string; message: string; include_skip_level: boolean; include_hr: boolean;
  status: StuckSignal["status"]; created_ms: number; ack_ms: number | null; ack_name: string | null; next_step: string | null; withdrawn_ms: number | null;
  depth: number | null;
  tp_meeting_id: string | null; tp_ms: number | null; tp_done: boolean | null; tp_cancelled: boolean | null;
};

const iso = (ms: number | null) => (ms == null ? null : new Date(Number(ms)).toISOString());
function toDto(r: Raw, viewerPersonId: string): StuckSignalDto {
  const via = r.person_id === viewerPersonId ? "self" : r.depth === 1 ? "manager" : r.depth !== null && r.depth >= 2 && r.include_skip_level ? "skip_level" : "hr";
  return {
    via,
    // A withdrawn signal was taken back: its words stay with the person who wrote it (the page showed none, the API did).
    id: r.id, personId: r.person_id, personName: r.person_name, message: r.status === "withdrawn" && via !== "self" ? "" : r.message,
    includeSkipLevel: r.include_skip_level, includeHr: r.include_hr, status: r.status,
    createdAt: iso(r.created_ms)!, acknowledgedAt: iso(r.ack_ms), acknowledgedByName: r.ack_name, nextStep: r.next_step, withdrawnAt: iso(r.withdrawn_ms),
    talkingPoint: r.tp_meeting_id ? { meetingId: r.tp_meeting_id, scheduledAt: iso(r.tp_ms)!, done: r.tp_done === true, cancelled: r.tp_cancelled === true } : null,
  };
}

/**
 * Signals the viewer may see, in one query: their own, their direct reports',
 * those of people further down that chose to include the skip-level, and (for
 * admins) those that chose to include HR. Mirrors the stuckSignal policy rule.
 * Showing someone else's signals is audited (one event per call, ids only;
 * `audit: false` for callers that do not show the signals, e.g. a count).
 */
export async function listVisibleSignals(
  db: Db,
  viewer: Viewer,
  opts: { personId?: string; openOnly?: boolean; includeOwn?: boolean; audit?: "page" | "api" | false } = {},
): Promise<StuckSignalDto[]> {
  return (await listVisibleSignalsPage(db, viewer, opts)).items;
}

/** At most this many signals are listed at once: every open one first, then the most recent others. */
export const SIGNALS_SHOWN = 200;

/** As listVisibleSignals, and whether more signals exist than the SIGNALS_SHOWN listed (`more`), so a list never ends silently. */
export async function listVisibleSignalsPage(
  db: Db,
  viewer: Viewer,
  opts: { personId?: string; openOnly?: boolean; includeOwn?: boolean; audit?: "page" | "api" | false } = {},
): Promise<{ items: StuckSignalDto[]; more: boolean }> {
  const isAdmin = viewer.role === "admin";
  // One's own signals (/me) need no walk down one's reporting tree: a director's /me walked 400 people for nothing.
  const ownOnly = opts.personId !== undefined && canonicalId(opts.personId) === viewer.personId && opts.includeOwn !== false;
  // A statement of its own (not a parameter switching the walk off, which made PostgreSQL plan it on every call).
  const scope = ownOnly
    ? sql`WITH rel AS (SELECT NULL::uuid AS id, NULL::int AS depth WHERE false)`
    : sql`WITH RECURSIVE below AS (
        SELECT m.id, 1 AS depth FROM memberships m
         WHERE m.org_id = ${viewer.orgId} AND m.manager_id = ${viewer.personId}
        UNION ALL
        SELECT m.id, b.depth + 1 FROM memberships m JOIN below b ON m.manager_id = b.id
         WHERE m.org_id = ${viewer.orgId} AND b.depth < 64
      ), rel AS (SELECT id, min(depth) AS depth FROM below GROUP BY id)`;
  const found = rows<Raw>(
    await db.execute(sql`
      ${scope}
      SELECT s.id, s.person_id, u.name AS person_name, s.message, s.include_skip_level, s.include_hr, s.status,
             (extract(epoch from s.created_at)*1000)::float8 AS created_ms,
             (extract(epoch from s.acknowledged_at)*1000)::float8 AS ack_ms,
             au.name AS ack_name, s.next_step,
             (extract(epoch from s.withdrawn_at)*1000)::float8 AS withdrawn_ms, r.depth,
             tm.id AS tp_meeting_id, (extract(epoch from tm.scheduled_at)*1000)::float8 AS tp_ms, CASE WHEN tm.id IS NOT NULL THEN tp.done END AS tp_done,
             tm.status = 'cancelled' AS tp_cancelled
        FROM stuck_signals s
        JOIN memberships pm ON pm.id = s.person_id AND pm.org_id = s.org_id
        JOIN users u ON u.id = pm.user_id
        LEFT JOIN rel r ON r.id = s.person_id
        LEFT JOIN memberships am ON am.id = s.acknowledged_by AND am.org_id = s.org_id
        LEFT JOIN users au ON au.id = am.user_id
        LEFT JOIN agenda_items tp ON tp.id = s.talking_point_id AND tp.org_id = s.org_id
        -- The 1:1 it is on, only when the viewer is in it: the agenda is the two participants' (ACCESS.md).
        LEFT JOIN meetings tm ON tm.id = tp.meeting_id AND tm.org_id = s.org_id AND ${viewer.personId} IN (tm.manager_id, tm.report_id)
       WHERE s.org_id = ${viewer.orgId}
         AND (
              ${opts.includeOwn === false ? sql`false` : sql`s.person_id = ${viewer.personId}`}
           OR (s.person_id <> ${viewer.personId} AND (
                r.depth = 1
             OR (r.depth >= 2 AND s.include_skip_level)
             ${isAdmin ? sql`OR s.include_hr` : sql``}))
         )
         ${opts.personId ? sql`AND s.person_id = ${opts.personId}` : sql``}
         ${opts.openOnly ? sql`AND s.status = 'open'` : sql``}
       ORDER BY (s.status = 'open') DESC, s.created_at DESC
       LIMIT ${SIGNALS_SHOWN + 1}`),
  );
  const list = found.slice(0, SIGNALS_SHOWN).map((r) => toDto(r, viewer.personId));
  if (opts.audit !== false) await auditStuckSignalRead(viewer, list, opts.audit ?? "page");
  return { items: list, more: found.length > SIGNALS_SHOWN };
}

/** Count of open signals from the viewer's team that wait for them (for the /team banner). */
export async function openSignalsForViewer(db: Db, viewer: Viewer): Promise<StuckSignalDto[]> {
  return listVisibleSignals(db, viewer, { openOnly: true, includeOwn: false, audit: false }); // the /team banner shows a count only
}

async function loadSignalWithRelation(db: Db, viewer: Viewer | null, id: string, action: Action) {
  if (!viewer) throw unauthenticated();
  if (!isUuid(id)) throw notFound();
  const [s] = await db.select().from(stuckSignals).where(and(eq(stuckSignals.id, id), eq(stuckSignals.orgId, viewer.orgId)));
  if (!s) throw notFound();
  const rel = await relationTo(db, viewer, s.personId);
  enforce(viewer, "stuckSignal", action, rel, { includeSkipLevel: s.includeSkipLevel, includeHr: s.includeHr }, s.personId);
  return { s, rel };
}

async function loadSignal(db: Db, viewer: Viewer | null, id: string, action: Action): Promise<StuckSignal> {
  return (await loadSignalWithRelation(db, viewer, id, action)).s;
}


export async function getSignal(db: Db, viewer: Viewer, id: string): Promise<StuckSignalDto> {
  const s = await loadSignal(db, viewer, id, "read");
  const [dto] = await listVisibleSignals(db, viewer, { personId: s.personId, audit: false }).then((l) => l.filter((x) => x.id === id));
  if (!dto) throw notFound();
  return dto;
}

/** Only the employee raises their own signal; one open signal at a time. */
export async function raiseSignal(db: Db, viewer: Viewer, input: { message: string; includeSkipLevel: boolean; includeHr: boolean }): Promise<StuckSignalDto> {
  await authorize(db, viewer, "stuckSignal", "write", viewer.personId, input);
  const id = await db.transaction(async (tx) => {
    // One open signal per person: sends at once (two tabs, a double submit through the API) take turns here, so the
    // second sees the first; otherwise both passed the check and the manager saw the same signal twice.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`stuck:${viewer.personId}`}))`);
    const [open] = await tx
      .select({ id: stuckSignals.id })
      .from(stuckSignals)
      .where(and(eq(stuckSignals.orgId, viewer.orgId), eq(stuckSignals.personId, viewer.personId), eq(stuckSignals.status, "open")));
    if (open) throw badRequest("You already have an open signal. Withdraw it first to raise a new one.");
    return insertSignal(tx as unknown as Db, viewer, input);
  });
  return getSignal(db, viewer, id);
}

async function insertSignal(db: Db, viewer: Viewer, input: { message: string; includeSkipLevel: boolean; includeHr: boolean }): Promise<string> {
  // A signal always reaches an active manager; otherwise it must reach someone the employee chose, or saying
  // "I feel stuck" would go into the void (no manager on record, one since deactivated, no skip-level above
  // them, an organization without another active admin).
  const reach = await whoCouldRead(db, viewer);
  if (!reach.manager && !(input.includeSkipLevel && reach.skipLevel) && !(input.includeHr && reach.hr)) {
    const fix = reach.hr ? "Include HR / org admins" : reach.skipLevel ? "Include the managers above your manager" : "";
    const why = !reach.managerOnRecord
      ? "You have no manager on record"
      : "Your manager on record is no longer active";
    const msg = fix
      ? `${why}, so nobody would see this yet. ${fix}${reach.hr && reach.skipLevel ? ", or the managers above your manager" : ""}.`
      : `${why}, and your organization has no other active admin yet, so nobody would see this. Talk to whoever runs Reignite for your organization.`;
    throw new AppError(422, "validation_failed", fix ? "Choose who sees it." : "Nobody would see this yet.", { includeHr: [msg] });
  }
  const [row] = await db
    .insert(stuckSignals)
    .values({ orgId: viewer.orgId, personId: viewer.personId, message: input.message, includeSkipLevel: input.includeSkipLevel, includeHr: input.includeHr })
    .returning({ id: stuckSignals.id });
  return row!.id;
}

/** Who an "I feel stuck" signal of the viewer could reach: an active manager, an active skip-level, another active admin. */
export async function whoCouldRead(db: Db, viewer: Viewer): Promise<{ managerOnRecord: boolean; manager: boolean; skipLevel: boolean; hr: boolean }> {
  const [r] = rows<{ on_record: boolean; manager: boolean; skip_level: boolean; hr: boolean }>(
    await db.execute(sql`
      SELECT me.manager_id IS NOT NULL AS on_record,
             (mgr.id IS NOT NULL AND mgr.deactivated_at IS NULL) AS manager,
             (top.id IS NOT NULL AND top.deactivated_at IS NULL) AS skip_level,
             EXISTS (SELECT 1 FROM memberships a
                      WHERE a.org_id = me.org_id AND a.role = 'admin' AND a.deactivated_at IS NULL AND a.id <> me.id) AS hr
        FROM memberships me
        LEFT JOIN memberships mgr ON mgr.id = me.manager_id AND mgr.org_id = me.org_id
        LEFT JOIN memberships top ON top.id = mgr.manager_id AND top.org_id = me.org_id
       WHERE me.id = ${viewer.personId} AND me.org_id = ${viewer.orgId}`),
  );
  return { managerOnRecord: !!r?.on_record, manager: !!r?.manager, skipLevel: !!r?.skip_level, hr: !!r?.hr };
}

/**
 * The person withdraws their signal. `seenStatus`: the status their page showed (the form sends it). A signal
 * acknowledged since it showed "Waiting for a response" is not withdrawn unseen: the refusal names who answered
 * and with what next step, and the page, reloaded, offers to withdraw it anyway.
 */
export async function withdrawSignal(db: Db, viewer: Viewer, id: string, opts: { seenStatus?: "open" | "acknowledged" } = {}): Promise<StuckSignalDto> {
  const s = await loadSignal(db, viewer, id, "write");
  if (s.status === "withdrawn") return getSignal(db, viewer, id);
  const withdrawn = await transactionWithRetry(db, async (tx) => {
    const done = await tx
      .update(stuckSignals)
      .set({ status: "withdrawn", withdrawnAt: new Date() })
      .where(
        and(
          eq(stuckSignals.id, s.id),
          eq(stuckSignals.orgId, viewer.orgId),
          opts.seenStatus ? eq(stuckSignals.status, opts.seenStatus) : ne(stuckSignals.status, "withdrawn"),
        ),
      )
      // The talking point as saved now: an acknowledgement since the read above may have put one on a 1:1.
      .returning({ id: stuckSignals.id, talkingPointId: stuckSignals.talkingPointId });
    if (!done.length) return false;
    const talkingPointId = done[0]!.talkingPointId;
    // "You can withdraw it at any time": the talking point its acknowledgement put on a 1:1 to come goes too, unless
    // they have already talked it through (ticked off), that 1:1 has taken place (a record), or an earlier signal,
    // still acknowledged, was promised the same talking point (putStuckOnNextOneOnOne adds one once per 1:1):
    // withdrawing the second took away the conversation promised for the first.
    if (talkingPointId) {
      await tx.execute(sql`
        DELETE FROM agenda_items a USING meetings m
         WHERE a.id = ${talkingPointId} AND a.org_id = ${viewer.orgId} AND NOT a.done AND a.suggestion_key = 'stuck'
           AND m.id = a.meeting_id AND m.org_id = a.org_id AND m.status = 'scheduled'
           AND NOT EXISTS (SELECT 1 FROM stuck_signals o
                            WHERE o.org_id = a.org_id AND o.talking_point_id = a.id AND o.id <> ${s.id} AND o.status <> 'withdrawn')`);
    }
    return true;
  });
  const current = await getSignal(db, viewer, id);
  if (!withdrawn && current.status === "acknowledged") {
    throw conflict(`${current.acknowledgedByName ?? "Your manager"} acknowledged it meanwhile — next step: ${current.nextStep ?? "none"}. Withdraw it anyway?`, { current });
  }
  return current;
}

/**
 * A recipient acknowledges with a next step the employee will see. Only an open
 * signal: a signal has several recipients (manager, skip-level, HR) whose
 * pages may all show it as open, and a second acknowledgement must not replace
 * the next step the employee was already promised (nor revive a withdrawn one).
 * `onAgendaOf`: the 1:1 whose agenda now holds the conversation the manager
 * promised ("Talk in our next 1:1"), null for any other step.
 */
export async function acknowledgeSignal(
  db: Db,
  viewer: Viewer,
  id: string,
  input: { nextStep: string },
): Promise<StuckSignalDto & { onAgendaOf: { meetingId: string; scheduledAt: string } | null }> {
  const { s, rel } = await loadSignalWithRelation(db, viewer, id, "acknowledge");
  if (input.nextStep === MANAGER_NEXT_STEP && !rel.manager) {
    throw new AppError(422, "validation_failed", "Only their manager has 1:1s with them.", {
      choice: [`You have no 1:1s with them: choose “${OTHER_NEXT_STEP}” or another step.`],
    });
  }
  const now = new Date();
  const pair = input.nextStep === MANAGER_NEXT_STEP ? { orgId: viewer.orgId, managerId: viewer.personId, reportId: s.personId } : null;
  const onAgenda = await transactionWithRetry(db, async (tx) => {
    // Before the update, which locks the person's radar facts (a trigger): see lockForNextOneOnOne.
    if (pair) await lockForNextOneOnOne(tx, pair);
    const done = await tx
      .update(stuckSignals)
      .set({ status: "acknowledged", acknowledgedAt: now, acknowledgedBy: viewer.personId, nextStep: input.nextStep })
      .where(and(eq(stuckSignals.id, s.id), eq(stuckSignals.orgId, viewer.orgId), eq(stuckSignals.status, "open")))
      .returning({ id: stuckSignals.id });
    if (!done.length) return "not-open" as const;
    // The manager's "Talk in our next 1:1" goes on that 1:1's agenda (only the acknowledgement that won does this),
    // and the signal keeps which talking point it is, so both of them can follow it there.
    if (!pair) return null;
    const put = await putStuckOnNextOneOnOne(tx, pair, now);
    if (put) await tx.update(stuckSignals).set({ talkingPointId: put.itemId }).where(and(eq(stuckSignals.id, s.id), eq(stuckSignals.orgId, viewer.orgId)));
    return put;
  });
  if (onAgenda === "not-open") {
    const current = await getSignal(db, viewer, id);
    // A conflict, as "already acknowledged" is: the page behind is stale, and its form offers the signal where it is now.
    if (current.status === "withdrawn") throw conflict(`${current.personName} withdrew this signal meanwhile: there is nothing to acknowledge. It is listed under Earlier.`, { current });
    // The viewer themselves, from another tab or window, is told so: "Maya Manager already acknowledged it" read, to
    // Maya, as if someone else had answered her report.
    const [by] = await db.select({ id: stuckSignals.acknowledgedBy }).from(stuckSignals).where(and(eq(stuckSignals.id, s.id), eq(stuckSignals.orgId, viewer.orgId)));
    const who = by?.id === viewer.personId ? "You already acknowledged it, in another tab or window" : `${current.acknowledgedByName ?? "Someone"} already acknowledged it`;
    throw conflict(`${who}. Next step ${current.personName} sees: ${current.nextStep ?? "none"}.`, { current });
  }
  return { ...(await getSignal(db, viewer, id)), onAgendaOf: onAgenda ? { meetingId: onAgenda.meetingId, scheduledAt: onAgenda.scheduledAt.toISOString() } : null };
}
