import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { actionItems, type ActionItem } from "@/db/schema";
import { viewerToday } from "@/lib/plan/target-date";
import type { Viewer } from "@/lib/auth/viewer-type";
import { AppError, badRequest, conflict, notFound } from "@/lib/errors";
import { isUuid } from "@/lib/policy";
import { assertTakesOpenItems, loadMeeting } from "./access";

export type ActionItemDto = {
  id: string;
  meetingId: string;
  body: string;
  ownerId: string;
  dueOn: string | null;
  doneAt: string | null;
  carriedFromMeetingId: string | null;
  version: number;
};

export function actionDto(a: ActionItem): ActionItemDto {
  return {
    id: a.id,
    meetingId: a.meetingId,
    body: a.body,
    ownerId: a.ownerId,
    dueOn: a.dueOn,
    doneAt: a.doneAt?.toISOString() ?? null,
    carriedFromMeetingId: a.carriedFromMeetingId,
    version: a.version,
  };
}

/** True when the item is unfinished and its due date lies before `today` ('YYYY-MM-DD'). */
export function isOverdue(a: { dueOn: string | null; doneAt: string | null | Date }, today: string): boolean {
  return !a.doneAt && !!a.dueOn && a.dueOn < today;
}

export async function addActionItem(
  db: Db,
  viewer: Viewer,
  meetingId: string,
  input: { body: string; ownerId: string; dueOn?: string | null; today?: string },
): Promise<ActionItemDto> {
  const { meeting } = await loadMeeting(db, viewer, meetingId, "write");
  await assertTakesOpenItems(db, meeting, "action item");
  assertDueAhead(input.dueOn, input.today);
  if (input.ownerId !== meeting.managerId && input.ownerId !== meeting.reportId) {
    throw badRequest("The owner must be one of the two people in this 1:1.", { ownerId: ["Choose either person in this 1:1."] });
  }
  const [row] = await db
    .insert(actionItems)
    .values({
      orgId: viewer.orgId,
      meetingId: meeting.id,
      ownerId: input.ownerId,
      body: input.body,
      dueOn: input.dueOn ?? null,
      createdBy: viewer.personId,
    })
    .returning();
  return actionDto(row!);
}

export const DUE_IN_PAST = "Pick a due date from today on: a date already past would be overdue from the start.";

/** A next step agreed in a 1:1 is due from the viewer's today on (a past date is almost always a typo of the year). */
function assertDueAhead(dueOn: string | null | undefined, today: string | undefined): void {
  if (dueOn && dueOn < viewerToday(today)) throw new AppError(422, "validation_failed", DUE_IN_PAST, { dueOn: [DUE_IN_PAST] });
}

/** Either participant may edit or tick an item off. */
export async function updateActionItem(
  db: Db,
  viewer: Viewer,
  id: string,
  input: { body?: string; ownerId?: string; dueOn?: string | null; done?: boolean; version: number; today?: string },
): Promise<ActionItemDto> {
  if (!isUuid(id)) throw notFound();
  const [item] = await db.select().from(actionItems).where(and(eq(actionItems.id, id), eq(actionItems.orgId, viewer.orgId)));
  if (!item) throw notFound();
  const { meeting } = await loadMeeting(db, viewer, item.meetingId, "write");
  // A due date left as it was may have passed (the item is overdue, and stays editable); a new one lies ahead. A stale
  // version is answered as a conflict below, against what is saved now.
  if (item.version === input.version && input.dueOn !== undefined && input.dueOn !== item.dueOn) assertDueAhead(input.dueOn, input.today);
  if (input.done === false && item.doneAt) await assertTakesOpenItems(db, meeting, "action item");
  if (input.ownerId !== undefined && input.ownerId !== meeting.managerId && input.ownerId !== meeting.reportId) {
    throw badRequest("The owner must be one of the two people in this 1:1.", { ownerId: ["Choose either person in this 1:1."] });
  }
  const [row] = await db
    .update(actionItems)
    .set({
      ...(input.body !== undefined ? { body: input.body } : {}),
      ...(input.ownerId !== undefined ? { ownerId: input.ownerId } : {}),
      ...(input.dueOn !== undefined ? { dueOn: input.dueOn } : {}),
      ...(input.done !== undefined ? { doneAt: input.done ? (item.doneAt ?? new Date()) : null } : {}),
      version: sql`${actionItems.version} + 1`,
      updatedAt: new Date(),
    })
    .where(and(eq(actionItems.id, id), eq(actionItems.orgId, viewer.orgId), eq(actionItems.version, input.version)))
    .returning();
  if (!row) throw await changedMeanwhile(db, viewer.orgId, id, "This action item was changed meanwhile, in another window or by the other person.");
  return actionDto(row);
}

/** Either participant may delete an item (e.g. one added by mistake); the version guards against deleting one changed meanwhile. */
export async function deleteActionItem(db: Db, viewer: Viewer, id: string, input: { version: number }): Promise<void> {
  if (!isUuid(id)) throw notFound();
  const [item] = await db.select().from(actionItems).where(and(eq(actionItems.id, id), eq(actionItems.orgId, viewer.orgId)));
  if (!item) throw notFound();
  await loadMeeting(db, viewer, item.meetingId, "write");
  const [gone] = await db
    .delete(actionItems)
    .where(and(eq(actionItems.id, id), eq(actionItems.orgId, viewer.orgId), eq(actionItems.version, input.version)))
    .returning({ id: actionItems.id });
  if (!gone) throw await changedMeanwhile(db, viewer.orgId, id, "This action item was changed meanwhile, in another window or by the other person; look at it again before deleting it.");
}

/**
 * The refusal of a stale write, carrying the item as it is saved now. Re-read after the guarded write failed: the row read
 * before it may itself be older than the change that made the write fail. Deleted meanwhile is a 404.
 */
async function changedMeanwhile(db: Db, orgId: string, id: string, message: string): Promise<AppError> {
  const [now] = await db.select().from(actionItems).where(and(eq(actionItems.id, id), eq(actionItems.orgId, orgId)));
  return now ? conflict(message, { current: actionDto(now) }) : notFound();
}
