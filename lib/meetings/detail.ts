import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { actionItems, agendaItems, meetings } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer-type";
import { loadMeeting, type MeetingAccess } from "./access";
import { actionDto, type ActionItemDto } from "./action-items";
import { agendaDto, type AgendaItemDto } from "./agenda";
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
};

/** Everything the meeting page and GET /api/v1/meetings/{id} show, as the viewer may see it. */
export async function getMeetingDetail(db: Db, viewer: Viewer, meetingId: string): Promise<MeetingDetail & { access: MeetingAccess }> {
  return meetingDetailFor(db, viewer, await loadMeeting(db, viewer, meetingId, "read"));
}

/** The detail of a meeting the caller has already loaded and authorized for reading (loadMeeting). */
export async function meetingDetailFor(db: Db, viewer: Viewer, access: MeetingAccess): Promise<MeetingDetail & { access: MeetingAccess }> {
  const m = access.meeting;
  // Items carried over name the 1:1 they came from: its date comes with them (a join, not a second read).
  const from = alias(meetings, "carried_from");
  const fromJoin = (col: typeof agendaItems.carriedFromMeetingId | typeof actionItems.carriedFromMeetingId) => and(eq(from.id, col), eq(from.orgId, viewer.orgId));
  const [agendaRows, actionRows, noteList] = await Promise.all([
    db
      .select({ item: agendaItems, fromAt: from.scheduledAt })
      .from(agendaItems)
      .leftJoin(from, fromJoin(agendaItems.carriedFromMeetingId))
      .where(and(eq(agendaItems.orgId, viewer.orgId), eq(agendaItems.meetingId, m.id)))
      .orderBy(asc(agendaItems.position), asc(agendaItems.createdAt)),
    db
      .select({ item: actionItems, fromAt: from.scheduledAt })
      .from(actionItems)
      .leftJoin(from, fromJoin(actionItems.carriedFromMeetingId))
      .where(and(eq(actionItems.orgId, viewer.orgId), eq(actionItems.meetingId, m.id)))
      .orderBy(asc(actionItems.createdAt)),
    listNotes(db, viewer, access),
  ]);
  const agenda = agendaRows.map((r) => r.item);
  const actions = actionRows.map((r) => r.item);
  const carriedFrom: Record<string, string> = {};
  for (const r of [...agendaRows, ...actionRows]) if (r.item.carriedFromMeetingId && r.fromAt) carriedFrom[r.item.carriedFromMeetingId] = r.fromAt.toISOString();
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
    agenda: agenda.map(agendaDto),
    actionItems: actions.map(actionDto),
    notes: noteList,
    carriedFrom,
  };
}

/** The same detail without the access handle, for JSON. */
export function meetingJson(d: MeetingDetail & { access?: unknown }): MeetingDetail {
  const { access: _a, ...rest } = d;
  return rest;
}
