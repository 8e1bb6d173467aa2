import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { learningItems, type LearningItem } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer-type";
import { AppError, conflict, notFound } from "@/lib/errors";
import { changedMeanwhile, planSavedBy } from "./saved-by";
import { authorizePlan, authorizePlanRow } from "./access";
import { iso, type LearningDto } from "./dto";
import type { LearningCreate, LearningPatch } from "./schemas";
import { learningDateProblems, learningDatesAfter, learningDatesOnCreate, type LearningDates } from "./learning-dates";
import { latestPastDay, viewerToday } from "./target-date";

const toDto = (l: LearningItem): LearningDto => ({
  id: l.id,
  kind: l.kind,
  title: l.title,
  status: l.status,
  startedOn: l.startedOn,
  completedOn: l.completedOn,
  takeaways: l.takeaways,
  version: l.version,
  updatedAt: iso(l.updatedAt),
});

export async function loadLearning(db: Db, orgId: string, personId: string, id?: string): Promise<LearningDto[]> {
  const found = await db
    .select()
    .from(learningItems)
    .where(and(eq(learningItems.orgId, orgId), eq(learningItems.personId, personId), id ? eq(learningItems.id, id) : undefined))
    .orderBy(sql`array_position(array['in_progress','planned','done']::learning_status[], ${learningItems.status})`, desc(learningItems.updatedAt));
  return found.map(toDto);
}

export async function listLearning(db: Db, viewer: Viewer, personId: string): Promise<LearningDto[]> {
  await authorizePlan(db, viewer, "read", personId);
  return loadLearning(db, viewer.orgId, personId);
}


/**
 * Refuses dates that cannot be right (lib/plan/learning-dates.ts) as a 422 named at their fields. The message is the
 * first field's, for the Start and Mark done buttons, which have no fields to show it at.
 */
function assertDates(dates: LearningDates, claimedToday: string | undefined, startAt: "status" | "startedOn"): void {
  const problems = Object.entries(learningDateProblems(dates, latestPastDay(claimedToday), startAt));
  if (!problems.length) return;
  throw new AppError(422, "validation_failed", problems[0]![1], Object.fromEntries(problems.map(([field, msg]) => [field, [msg]])));
}

export async function createLearning(db: Db, viewer: Viewer, personId: string, input: LearningCreate): Promise<LearningDto> {
  await authorizePlan(db, viewer, "write", personId);
  // Started or finished items carry a date: the viewer's today unless one was given (UTC's would date
  // Monday-morning learning in Auckland on Sunday).
  const { today: claimedToday, ...fields } = input;
  const dates = learningDatesOnCreate(fields, viewerToday(claimedToday));
  assertDates(dates, claimedToday, "status");
  const [row] = await db
    .insert(learningItems)
    .values({
      ...fields,
      startedOn: dates.startedOn,
      completedOn: dates.completedOn,
      orgId: viewer.orgId,
      personId,
      createdBy: viewer.personId,
      updatedBy: viewer.personId,
    })
    .returning();
  return toDto(row!);
}

async function current(db: Db, orgId: string, personId: string, id: string): Promise<LearningDto> {
  const [l] = await loadLearning(db, orgId, personId, id);
  if (!l) throw notFound();
  return l;
}

export async function updateLearning(db: Db, viewer: Viewer, id: string, input: LearningPatch): Promise<LearningDto> {
  const { personId } = await authorizePlanRow(db, viewer, learningItems, id, "write");
  const { version, today: claimedToday, ...changes } = input;
  const [saved] = await db
    .select({ status: learningItems.status, startedOn: learningItems.startedOn, completedOn: learningItems.completedOn, version: learningItems.version })
    .from(learningItems)
    .where(and(eq(learningItems.id, id), eq(learningItems.orgId, viewer.orgId)));
  // The dates as they will be saved, computed from the row read: the update below only lands on that version, and
  // a stale one is answered as a conflict with the item as it is now, its dates unjudged.
  const dates = saved && saved.version === version ? learningDatesAfter(saved, changes, viewerToday(claimedToday)) : null;
  // Only a request that touches the status or a date is judged: a title fixed through the API on an item saved
  // before these rules stays possible. The edit form sends every field, so it is judged.
  if (dates && (changes.status !== undefined || changes.startedOn !== undefined || changes.completedOn !== undefined)) {
    assertDates(dates, claimedToday, changes.status !== undefined && changes.status !== saved!.status ? "status" : "startedOn");
  }
  const res = await db
    .update(learningItems)
    .set({
      ...changes,
      ...(dates ? { startedOn: dates.startedOn, completedOn: dates.completedOn } : {}),
      version: sql`${learningItems.version} + 1`,
      updatedAt: new Date(),
      updatedBy: viewer.personId,
    })
    .where(and(eq(learningItems.id, id), eq(learningItems.orgId, viewer.orgId), eq(learningItems.version, version)))
    .returning({ id: learningItems.id });
  const now = await current(db, viewer.orgId, personId, id);
  if (!res.length) {
    const by = await planSavedBy(db, viewer, learningItems, id);
    throw conflict(`${changedMeanwhile(by, "this item")} The current version is shown; your changes are still in the form.`, { current: now, savedBy: by });
  }
  return now;
}

export async function deleteLearning(db: Db, viewer: Viewer, id: string, version: number): Promise<void> {
  const { personId } = await authorizePlanRow(db, viewer, learningItems, id, "write");
  const res = await db
    .delete(learningItems)
    .where(and(eq(learningItems.id, id), eq(learningItems.orgId, viewer.orgId), eq(learningItems.version, version)))
    .returning({ id: learningItems.id });
  if (!res.length) {
    const now = await current(db, viewer.orgId, personId, id);
    const by = await planSavedBy(db, viewer, learningItems, id);
    throw conflict(`${changedMeanwhile(by, "this item")} Look at it again before deleting.`, { current: now, savedBy: by });
  }
}
