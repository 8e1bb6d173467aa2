import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { learningItems, type LearningItem } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer-type";
import { AppError, conflict, notFound } from "@/lib/errors";
import { authorizePlan, authorizePlanRow } from "./access";
import { iso, type LearningDto } from "./dto";
import type { LearningCreate, LearningPatch } from "./schemas";
import { formatDate } from "@/lib/radar/format";
import { viewerToday } from "./target-date";

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
 * Marked done without a finish date, an item finishes today (or keeps the
 * finish date it had): refused when it starts later, as learning finished
 * before it started is.
 */
function assertDoneAfterStart(startedOn: string | null | undefined, finishesOn: string): void {
  if (!startedOn || finishesOn >= startedOn) return;
  const msg = `This starts on ${formatDate(startedOn)}: it cannot be done before it starts. Change its start date first.`;
  throw new AppError(422, "validation_failed", msg, { status: [msg] });
}

export async function createLearning(db: Db, viewer: Viewer, personId: string, input: LearningCreate): Promise<LearningDto> {
  await authorizePlan(db, viewer, "write", personId);
  // Started or finished items carry a date: the viewer's today unless one was given (UTC's would date
  // Monday-morning learning in Auckland on Sunday).
  const { today: claimedToday, ...fields } = input;
  const today = viewerToday(claimedToday);
  const startedOn = fields.startedOn ?? (fields.status !== "planned" ? today : null);
  if (fields.status === "done" && !fields.completedOn) assertDoneAfterStart(startedOn, today);
  const [row] = await db
    .insert(learningItems)
    .values({
      ...fields,
      startedOn,
      completedOn: fields.completedOn ?? (fields.status === "done" ? today : null),
      orgId: viewer.orgId,
      personId,
      createdBy: viewer.personId,
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
  const today = viewerToday(claimedToday);
  const doneUndated = changes.status === "done" && !changes.completedOn;
  if (changes.startedOn !== undefined || changes.completedOn !== undefined || doneUndated) {
    // One date may change alone: the pair as it would be after the change must still be in order.
    const [cur] = await db
      .select({ s: learningItems.startedOn, c: learningItems.completedOn, version: learningItems.version })
      .from(learningItems)
      .where(and(eq(learningItems.id, id), eq(learningItems.orgId, viewer.orgId)));
    const started = changes.startedOn !== undefined ? changes.startedOn : (cur?.s ?? null);
    const completed = changes.completedOn !== undefined ? changes.completedOn : (cur?.c ?? null);
    if (started && completed && completed < started) {
      const msg = "The finish date is before the start date.";
      throw new AppError(422, "validation_failed", msg, { completedOn: [msg] });
    }
    // The finish date saved is kept (coalesce below), else it is today. A stale version is answered as a conflict below.
    if (doneUndated && cur && cur.version === version) assertDoneAfterStart(started, cur.c ?? today);
  }
  const res = await db
    .update(learningItems)
    .set({
      ...changes,
      ...(changes.status === "done" && !changes.completedOn ? { completedOn: sql`coalesce(${learningItems.completedOn}, ${today}::date)` } : {}),
      // Start (or done) pressed now: it started today at the latest. A planned start date still ahead would
      // otherwise read "In progress, started" in the future, and then refuse Mark done.
      ...(changes.status && changes.status !== "planned" && !changes.startedOn ? { startedOn: sql`least(coalesce(${learningItems.startedOn}, ${today}::date), ${today}::date)` } : {}),
      version: sql`${learningItems.version} + 1`,
      updatedAt: new Date(),
    })
    .where(and(eq(learningItems.id, id), eq(learningItems.orgId, viewer.orgId), eq(learningItems.version, version)))
    .returning({ id: learningItems.id });
  const now = await current(db, viewer.orgId, personId, id);
  if (!res.length) throw conflict("This item was changed meanwhile, in another window or by someone else. The current version is shown; your changes are still in the form.", { current: now });
  return now;
}

export async function deleteLearning(db: Db, viewer: Viewer, id: string, version: number): Promise<void> {
  const { personId } = await authorizePlanRow(db, viewer, learningItems, id, "write");
  const res = await db
    .delete(learningItems)
    .where(and(eq(learningItems.id, id), eq(learningItems.orgId, viewer.orgId), eq(learningItems.version, version)))
    .returning({ id: learningItems.id });
  if (!res.length) throw conflict("This item was changed meanwhile, in another window or by someone else; look at it again before deleting.", { current: await current(db, viewer.orgId, personId, id) });
}
