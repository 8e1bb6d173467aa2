import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { preparedQuery } from "@/db/prepared";
import { alias } from "drizzle-orm/pg-core";
import { meetings, memberships, users, type Meeting } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer-type";
import type { Tx } from "@/lib/transaction";
import { authorize, enforce, isUuid, relationTo, type Action, type Relation } from "@/lib/policy";
import { AppError, notFound, unauthenticated } from "@/lib/errors";
import { upcomingOfPair } from "./carry-over";

export type MeetingAccess = {
  meeting: Meeting;
  rel: Relation;
  viewerIsManager: boolean;
  /** The participants' names, read with the meeting (the 1:1 page shows them). */
  names: { manager: string; report: string };
  /** The report has another manager now: a 1:1 of a past conversation, which only its employee still opens. */
  withFormerManager: boolean;
  /**
   * The meeting's manager was deactivated. Their reports keep them on record until an admin reassigns them, and
   * the 1:1s stay as they were (a reactivation brings them back); meanwhile a scheduled one will not take place.
   */
  managerDeactivated: boolean;
};

const managerMember = alias(memberships, "manager_member");
const reportMember = alias(memberships, "report_member");
const managerUser = alias(users, "manager_user");
const reportUser = alias(users, "report_user");

/** Every meeting page, action and route starts here: built once (db/prepared.ts). */
const meetingWithNames = preparedQuery("reignite_meeting", (db, name) =>
  db
    .select({
      meeting: meetings,
      managerName: managerUser.name,
      managerDeactivatedAt: managerMember.deactivatedAt,
      reportName: reportUser.name,
      reportManagerId: reportMember.managerId,
    })
    .from(meetings)
    .leftJoin(managerMember, and(eq(managerMember.id, meetings.managerId), eq(managerMember.orgId, meetings.orgId)))
    .leftJoin(managerUser, eq(managerUser.id, managerMember.userId))
    .leftJoin(reportMember, and(eq(reportMember.id, meetings.reportId), eq(reportMember.orgId, meetings.orgId)))
    .leftJoin(reportUser, eq(reportUser.id, reportMember.userId))
    .where(and(eq(meetings.id, sql.placeholder("id")), eq(meetings.orgId, sql.placeholder("orgId"))))
    .prepare(name),
);

/**
 * Loads a meeting and checks the viewer may `action` it: participants are the
 * report and the meeting's manager while still the report's current manager.
 * Unknown ids, other orgs and non-participants all get 404.
 */
export async function loadMeeting(db: Db, viewer: Viewer | null, meetingId: string, action: Action): Promise<MeetingAccess> {
  if (!viewer) throw unauthenticated();
  if (!isUuid(meetingId)) throw notFound();
  const [found] = await meetingWithNames(db).execute({ id: meetingId, orgId: viewer.orgId });
  if (!found) throw notFound();
  const meeting = found.meeting;
  const rel = await relationTo(db, viewer, meeting.reportId);
  const viewerIsManager = meeting.managerId === viewer.personId;
  enforce(viewer, "meeting", action, rel, { viewerIsMeetingManager: viewerIsManager }, meeting.reportId);
  return {
    meeting,
    rel,
    viewerIsManager: viewerIsManager && rel.manager,
    names: { manager: found.managerName ?? "", report: found.reportName ?? "" },
    withFormerManager: found.reportManagerId !== meeting.managerId,
    managerDeactivated: found.managerDeactivatedAt !== null,
  };
}

/**
 * Authorizes a pair-level operation (listing or scheduling a person's 1:1s):
 * the viewer must be the person or their current manager. Returns the pair.
 */
export async function authorizePair(
  db: Db,
  viewer: Viewer | null,
  personId: string,
  action: Action,
): Promise<{ rel: Relation; reportId: string; managerId: string | null }> {
  if (!viewer) throw unauthenticated();
  // For a pair, the "meeting manager" is the report's current manager.
  const rel = await authorize(db, viewer, "meeting", action, personId, { viewerIsMeetingManager: true });
  const managerId = rel.manager ? viewer.personId : await currentManagerOf(db, viewer.orgId, personId);
  return { rel, reportId: personId, managerId };
}

export async function currentManagerOf(db: Db | Tx, orgId: string, personId: string): Promise<string | null> {
  const [m] = await db
    .select({ managerId: memberships.managerId })
    .from(memberships)
    .where(and(eq(memberships.id, personId), eq(memberships.orgId, orgId)));
  return m?.managerId ?? null;
}

/**
 * Open items live on the pair's next scheduled 1:1: the carry-over sweep moves them there when a
 * 1:1 is held or cancelled. So a closed 1:1 takes no new item and reopens none; one left open
 * there would skip the next 1:1 and surface only at the one after (it is swept at the next change).
 */
export async function assertTakesOpenItems(db: Db, meeting: Meeting, what: "talking point" | "action item", now = new Date()): Promise<void> {
  if (meeting.status === "scheduled") return;
  // Said to a page left open while the other person held or cancelled the 1:1: where that next 1:1 is, so the form
  // can link to it (the item typed stays in the form), and the page knows to catch up.
  const next = await upcomingOfPair(db, { orgId: meeting.orgId, managerId: meeting.managerId, reportId: meeting.reportId }, now);
  throw new AppError(400, "bad_request", `This 1:1 was ${meeting.status}, so what is still open belongs on the next 1:1: add the ${what} there.`, undefined, {
    meetingClosed: meeting.status,
    nextMeeting: next ? { id: next.id, scheduledAt: next.scheduledAt.toISOString() } : null,
  });
}
