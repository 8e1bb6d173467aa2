import "server-only";
import { sql } from "drizzle-orm";
import { rows, type Db } from "@/db/client";
import { isoOf } from "@/db/sql-json";
import type { Viewer } from "@/lib/auth/viewer-type";
import { loadMeeting, type MeetingAccess } from "./access";
import type { ActionItemDto } from "./action-items";
import type { AgendaItemDto } from "./agenda";
import { listNotes, type NoteDto } from "./notes";

export type MeetingDetail = {
  id: string;
  status: "scheduled" | "held" | "cancelled";
  scheduledAt: string;
  heldAt: string | null;
  cancelledAt: string | null;
  version: number;
  manager: { id: string; name: string };
  report: { id: string; name: string };
  viewerRole: "manager" | "report";
  checkIn: { energy: number | null; meaningful: string; goingThroughMotions: string; learnNext: string };
  agenda: AgendaItemDto[];
  actionItems: ActionItemDto[];
  /** Shared notes, plus the viewer's own private notes (never anyone else's). */
  notes: NoteDto[];
  /** Dates of meetings items were carried from, by meeting id. */
  carriedFrom: Record<string, string>;
  /** What was still open when this 1:1 was held or cancelled, and moved on: where each item is now. */
  movedOn: { agenda: MovedOnItem[]; actions: MovedOnItem[] };
};

/** An item carried out of this 1:1 (carry-over), as it is now: on a later 1:1 of the same pair. */
export type MovedOnItem = { id: string; body: string; done: boolean; meetingId: string; meetingAt: string };

/** Everything the meeting page and GET /api/v1/meetings/{id} show, as the viewer may see it. */
export async function getMeetingDetail(db: Db, viewer: Viewer, meetingId: string): Promise<MeetingDetail & { access: MeetingAccess }> {
  return meetingDetailFor(db, viewer, await loadMeeting(db, viewer, meetingId, "read"));
}

type ItemWithOrigin<T> = T & { fromAt: string | null };

/**
 * A meeting's agenda (in its order) and action items (oldest first) in one
 * statement, with the date of the 1:1 each carried item was first raised in
 * (a join, not a second read). The same rows and shapes as agendaDto and
 * actionDto give, which the writes still return — held to them by
 * tests/integration/meetings-items-read.test.ts. No policy check: the caller
 * has loaded and authorized the meeting (loadMeeting).
 */
export async function readMeetingItems(
  db: Db,
  orgId: string,
  meetingId: string,
): Promise<{ agenda: AgendaItemDto[]; actions: ActionItemDto[]; carriedFrom: Record<string, string>; movedOn: MeetingDetail["movedOn"] }> {
  const [r] = rows<{
    agenda: ItemWithOrigin<AgendaItemDto>[] | null;
    actions: ItemWithOrigin<ActionItemDto>[] | null;
    moved_agenda: MovedOnItem[] | null;
    moved_actions: MovedOnItem[] | null;
  }>(
    await db.execute(sql`
      SELECT
        (SELECT json_agg(json_build_object('id', a.id, 'body', a.body, 'position', a.position, 'done', a.done, 'authorId', a.author_id,
                  'suggestionKey', a.suggestion_key, 'carriedFromMeetingId', a.carried_from_meeting_id, 'version', a.version,
                  'fromAt', ${isoOf("f.scheduled_at")}) ORDER BY a.position, a.created_at)
           FROM agenda_items a
           LEFT JOIN meetings f ON f.id = a.carried_from_meeting_id AND f.org_id = ${orgId}
          WHERE a.org_id = ${orgId} AND a.meeting_id = ${meetingId}) AS agenda,
        (SELECT json_agg(json_build_object('id', x.id, 'meetingId', x.meeting_id, 'body', x.body, 'ownerId', x.owner_id, 'dueOn', x.due_on,
                  'doneAt', ${isoOf("x.done_at")}, 'carriedFromMeetingId', x.carried_from_meeting_id, 'version', x.version,
                  'fromAt', ${isoOf("f.scheduled_at")}) ORDER BY x.created_at)
           FROM action_items x
           LEFT JOIN meetings f ON f.id = x.carried_from_meeting_id AND f.org_id = ${orgId}
          WHERE x.org_id = ${orgId} AND x.meeting_id = ${meetingId}) AS actions,
        -- Carried out of this 1:1, wherever they are now. Carry-over moves items within their pair only, so they are on
        -- the pair's other 1:1s (which the viewer may read), found through the pair's index; and only ever to a 1:1 that
        -- was still to come (12 hours of grace) when this one was held or cancelled, or later: reschedules go from
        -- then on too. So only the pair's 1:1s since then are read (a GIN index on carried_through made PostgreSQL plan
        -- a parallel scan, 5 ms a list; all of a pair's two years of 1:1s, 1 ms). Only a closed 1:1 lists items.
        (SELECT json_agg(json_build_object('id', a.id, 'body', a.body, 'done', a.done, 'meetingId', a.meeting_id, 'meetingAt', ${isoOf("n.scheduled_at")})
                  ORDER BY n.scheduled_at, a.position, a.created_at)
           FROM meetings m
           JOIN meetings n ON n.org_id = m.org_id AND n.report_id = m.report_id AND n.manager_id = m.manager_id AND n.id <> m.id
                AND n.scheduled_at >= coalesce(m.held_at, m.cancelled_at, m.scheduled_at) - interval '12 hours'
           JOIN agenda_items a ON a.org_id = n.org_id AND a.meeting_id = n.id
          WHERE m.org_id = ${orgId} AND m.id = ${meetingId} AND m.status <> 'scheduled' AND ${meetingId} = ANY(a.carried_through)) AS moved_agenda,
        (SELECT json_agg(json_build_object('id', x.id, 'body', x.body, 'done', x.done_at IS NOT NULL, 'meetingId', x.meeting_id, 'meetingAt', ${isoOf("n.scheduled_at")})
                  ORDER BY n.scheduled_at, x.created_at)
           FROM meetings m
           JOIN meetings n ON n.org_id = m.org_id AND n.report_id = m.report_id AND n.manager_id = m.manager_id AND n.id <> m.id
                AND n.scheduled_at >= coalesce(m.held_at, m.cancelled_at, m.scheduled_at) - interval '12 hours'
           JOIN action_items x ON x.org_id = n.org_id AND x.meeting_id = n.id
          WHERE m.org_id = ${orgId} AND m.id = ${meetingId} AND m.status <> 'scheduled' AND ${meetingId} = ANY(x.carried_through)) AS moved_actions`),
  );
  const carriedFrom: Record<string, string> = {};
  const strip = <T extends { carriedFromMeetingId: string | null }>({ fromAt, ...item }: ItemWithOrigin<T>): T => {
    if (item.carriedFromMeetingId && fromAt) carriedFrom[item.carriedFromMeetingId] = fromAt;
    return item as unknown as T;
  };
  return {
    agenda: (r?.agenda ?? []).map(strip),
    actions: (r?.actions ?? []).map(strip),
    carriedFrom,
    movedOn: { agenda: r?.moved_agenda ?? [], actions: r?.moved_actions ?? [] },
  };
}

/** The detail of a meeting the caller has already loaded and authorized for reading (loadMeeting). */
export async function meetingDetailFor(db: Db, viewer: Viewer, access: MeetingAccess): Promise<MeetingDetail & { access: MeetingAccess }> {
  const m = access.meeting;
  const [{ agenda, actions, carriedFrom, movedOn }, noteList] = await Promise.all([readMeetingItems(db, viewer.orgId, m.id), listNotes(db, viewer, access)]);
  return {
    access,
    id: m.id,
    status: m.status,
    scheduledAt: m.scheduledAt.toISOString(),
    heldAt: m.heldAt?.toISOString() ?? null,
    cancelledAt: m.cancelledAt?.toISOString() ?? null,
    version: m.version,
    manager: { id: m.managerId, name: access.names.manager },
    report: { id: m.reportId, name: access.names.report },
    viewerRole: access.rel.self ? "report" : "manager",
    checkIn: { energy: m.energy, meaningful: m.meaningful, goingThroughMotions: m.goingThroughMotions, learnNext: m.learnNext },
    agenda,
    actionItems: actions,
    notes: noteList,
    carriedFrom,
    movedOn,
  };
}

/** The same detail without the access handle, for JSON. */
export function meetingJson(d: MeetingDetail & { access?: unknown }): MeetingDetail {
  const { access: _a, ...rest } = d;
  return rest;
}
