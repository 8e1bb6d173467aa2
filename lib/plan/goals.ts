import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships, stretchGoals, stretchGoalUpdates, users, type StretchGoal } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer-type";
import { conflict, notFound } from "@/lib/errors";
import { changedMeanwhile, planSavedBy } from "./saved-by";
import { authorizePlan, authorizePlanRow } from "./access";
import { iso, type GoalDto, type GoalUpdateDto } from "./dto";
import { validationFailed } from "./errors";
import type { GoalCreate, GoalPatch, GoalUpdateCreate } from "./schemas";
import { isPastTarget, TARGET_IN_PAST, viewerToday } from "./target-date";
import { transactionWithRetry } from "@/lib/transaction";

function toDto(g: StretchGoal, updates: GoalUpdateDto[]): GoalDto {
  return {
    id: g.id,
    title: g.title,
    description: g.description,
    category: g.category,
    status: g.status,
    targetOn: g.targetOn,
    progress: g.progress,
    servesPurpose: g.servesPurpose,
    version: g.version,
    createdAt: iso(g.createdAt),
    updatedAt: iso(g.updatedAt),
    updates,
  };
}

/** A person's goals with their updates (two queries). `goalId` narrows to one goal. No policy check: callers authorize. */
export async function loadGoals(db: Db, orgId: string, personId: string, goalId?: string): Promise<GoalDto[]> {
  const goalWhere = and(eq(stretchGoals.orgId, orgId), eq(stretchGoals.personId, personId), goalId ? eq(stretchGoals.id, goalId) : undefined);
  const [goals, updates] = await Promise.all([
    db.select().from(stretchGoals).where(goalWhere).orderBy(sql`array_position(array['active','proposed','done','dropped']::goal_status[], ${stretchGoals.status})`, desc(stretchGoals.updatedAt)),
    db
      .select({
        id: stretchGoalUpdates.id,
        goalId: stretchGoalUpdates.goalId,
        body: stretchGoalUpdates.body,
        progress: stretchGoalUpdates.progress,
        authorName: users.name,
        createdAt: stretchGoalUpdates.createdAt,
      })
      .from(stretchGoalUpdates)
      .innerJoin(stretchGoals, and(eq(stretchGoals.id, stretchGoalUpdates.goalId), eq(stretchGoals.orgId, orgId)))
      .leftJoin(memberships, and(eq(memberships.id, stretchGoalUpdates.authorId), eq(memberships.orgId, orgId)))
      .leftJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(stretchGoalUpdates.orgId, orgId), goalWhere))
      .orderBy(asc(stretchGoalUpdates.createdAt)),
  ]);
  const byGoal = new Map<string, GoalUpdateDto[]>();
  for (const u of updates) {
    const list = byGoal.get(u.goalId) ?? [];
    list.push({ id: u.id, body: u.body, progress: u.progress, authorName: u.authorName, createdAt: iso(u.createdAt) });
    byGoal.set(u.goalId, list);
  }
  return goals.map((g) => toDto(g, byGoal.get(g.id) ?? []));
}

export async function listGoals(db: Db, viewer: Viewer, personId: string): Promise<GoalDto[]> {
  await authorizePlan(db, viewer, "read", personId);
  return loadGoals(db, viewer.orgId, personId);
}

/**
 * An open goal aims from today on. A goal already done or dropped may carry a
 * past date (it records history), and so may an open goal whose date is left
 * as it was: it shows as past its target date instead.
 */
function assertTargetAhead(goal: { status: string; targetOn: string | null }, today: string | undefined): void {
  if (isPastTarget(goal, viewerToday(today))) throw validationFailed({ targetOn: [TARGET_IN_PAST] });
}

export async function createGoal(db: Db, viewer: Viewer, personId: string, input: GoalCreate): Promise<GoalDto> {
  await authorizePlan(db, viewer, "write", personId);
  const { today, ...fields } = input;
  assertTargetAhead({ status: fields.status, targetOn: fields.targetOn ?? null }, today);
  const progress = fields.status === "done" ? 100 : 0;
  const [g] = await db
    .insert(stretchGoals)
    .values({ ...fields, targetOn: fields.targetOn ?? null, progress, orgId: viewer.orgId, personId, createdBy: viewer.personId, updatedBy: viewer.personId })
    .returning();
  return toDto(g!, []);
}

async function currentGoal(db: Db, orgId: string, personId: string, id: string): Promise<GoalDto> {
  const [g] = await loadGoals(db, orgId, personId, id);
  if (!g) throw notFound();
  return g;
}

export async function updateGoal(db: Db, viewer: Viewer, goalId: string, input: GoalPatch): Promise<GoalDto> {
  const { personId } = await authorizePlanRow(db, viewer, stretchGoals, goalId, "write");
  const { version, today, ...changes } = input;
  if (changes.targetOn) {
    const [cur] = await db
      .select({ targetOn: stretchGoals.targetOn, status: stretchGoals.status, version: stretchGoals.version })
      .from(stretchGoals)
      .where(and(eq(stretchGoals.id, goalId), eq(stretchGoals.orgId, viewer.orgId)));
    // A stale version is answered as a conflict below, against what is saved now.
    if (cur && cur.version === version && changes.targetOn !== cur.targetOn) assertTargetAhead({ status: changes.status ?? cur.status, targetOn: changes.targetOn }, today);
  }
  const done = changes.status === "done" ? { progress: 100 } : {};
  const res = await db
    .update(stretchGoals)
    .set({ ...changes, ...done, version: sql`${stretchGoals.version} + 1`, updatedAt: new Date(), updatedBy: viewer.personId })
    .where(and(eq(stretchGoals.id, goalId), eq(stretchGoals.orgId, viewer.orgId), eq(stretchGoals.version, version)))
    .returning({ id: stretchGoals.id });
  const current = await currentGoal(db, viewer.orgId, personId, goalId);
  if (!res.length) {
    const by = await planSavedBy(db, viewer, stretchGoals, goalId);
    throw conflict(`${changedMeanwhile(by, "this goal")} The current version is shown; your changes are still in the form.`, { current, savedBy: by });
  }
  return current;
}

export async function deleteGoal(db: Db, viewer: Viewer, goalId: string, version: number): Promise<void> {
  const { personId } = await authorizePlanRow(db, viewer, stretchGoals, goalId, "write");
  const res = await db
    .delete(stretchGoals)
    .where(and(eq(stretchGoals.id, goalId), eq(stretchGoals.orgId, viewer.orgId), eq(stretchGoals.version, version)))
    .returning({ id: stretchGoals.id });
  if (!res.length) {
    const current = await currentGoal(db, viewer.orgId, personId, goalId);
    const by = await planSavedBy(db, viewer, stretchGoals, goalId);
    throw conflict(`${changedMeanwhile(by, "this goal")} Look at it again before deleting.`, { current, savedBy: by });
  }
}

/**
 * Adds a dated progress update. A progress % also moves the goal's progress (and bumps its version), guarded by the
 * version the writer read: two people setting progress at once do not silently overwrite each other; the later one
 * gets a conflict with the progress as saved now, and its update is not added (it stays in their form). A note
 * without a progress is history only and needs no version.
 */
export async function addGoalUpdate(db: Db, viewer: Viewer, goalId: string, input: GoalUpdateCreate): Promise<{ update: GoalUpdateDto; goal: GoalDto }> {
  const { personId } = await authorizePlanRow(db, viewer, stretchGoals, goalId, "write");
  const row = await transactionWithRetry(db, async (tx) => {
    if (input.progress !== undefined) {
      const moved = await tx
        .update(stretchGoals)
        .set({ progress: input.progress, version: sql`${stretchGoals.version} + 1`, updatedAt: new Date(), updatedBy: viewer.personId })
        .where(and(eq(stretchGoals.id, goalId), eq(stretchGoals.orgId, viewer.orgId), eq(stretchGoals.version, input.version ?? -1)))
        .returning({ id: stretchGoals.id });
      if (!moved.length) return null;
    }
    const [u] = await tx
      .insert(stretchGoalUpdates)
      .values({ orgId: viewer.orgId, goalId, authorId: viewer.personId, body: input.body, progress: input.progress ?? null })
      .returning();
    return u!;
  });
  const goal = await currentGoal(db, viewer.orgId, personId, goalId);
  if (!row) {
    const by = await planSavedBy(db, viewer, stretchGoals, goalId);
    throw conflict(
      `${changedMeanwhile(by, "this goal").slice(0, -1)}: its progress is now ${goal.progress}%. Your update was not added; it is still in the form, so check the progress and add it again.`,
      { current: goal, savedBy: by },
    );
  }
  return { update: { id: row.id, body: row.body, progress: row.progress, authorName: viewer.name, createdAt: iso(row.createdAt) }, goal };
}
