import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { actionItems, agendaItems, meetings, memberships, users } from "@/db/schema";
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
  const access = await loadMeeting(db, viewer, meetingId, "read");
  const m = access.meeting;
  const [agenda, actions, noteList, people] = await Promise.all([
    db.select().from(agendaItems).where(and(eq(agendaItems.orgId, viewer.orgId), eq(agendaItems.meetingId, m.id))).orderBy(asc(agendaItems.position), asc(agendaItems.createdAt)),
    db.select().from(actionItems).where(and(eq(actionItems.orgId, viewer.orgId), eq(actionItems.meetingId, m.id))).orderBy(asc(actionItems.createdAt)),
    listNotes(db, viewer, access),
    db
      .select({ id: memberships.id, name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.orgId, viewer.orgId), inArray(memberships.id, [m.managerId, m.reportId]))),
  ]);
  const fromIds = [...new Set([...agenda, ...actions].map((x) => x.carriedFromMeetingId).filter((x): x is string => !!x))];
  const fromRows = fromIds.length
    ? await db.select({ id: meetings.id, at: meetings.scheduledAt }).from(meetings).where(and(eq(meetings.orgId, viewer.orgId), inArray(meetings.id, fromIds)))
    : [];
  const name = (id: string) => people.find((p) => p.id === id)?.name ?? "";
  return {
    access,
    id: m.id,
    status: m.status,
    scheduledAt: m.scheduledAt.toISOString(),
    heldAt: m.heldAt?.toISOString() ?? null,
    cancelledAt: m.cancelledAt?.toISOString() ?? null,
    version: m.version,
    manager: { id: m.managerId, name: name(m.managerId) },
    report: { id: m.reportId, name: name(m.reportId) },
    viewerRole: access.rel.self ? "report" : "manager",
    checkIn: { energy: m.energy, meaningful: m.meaningful, goingThroughMotions: m.goingThroughMotions, learnNext: m.learnNext },
    agenda: agenda.map(agendaDto),
    actionItems: actions.map(actionDto),
    notes: noteList,
    carriedFrom: Object.fromEntries(fromRows.map((r) => [r.id, r.at.toISOString()])),
  };
}

/** The same detail without the access handle, for JSON. */
export function meetingJson(d: MeetingDetail & { access?: unknown }): MeetingDetail {
  const { access: _a, ...rest } = d;
  return rest;
}
