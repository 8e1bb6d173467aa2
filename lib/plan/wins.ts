import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships, rotations, stretchGoals, users, wins } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer-type";
import { conflict, notFound, validationFailed } from "./errors";
import { changedMeanwhile, planSavedBy } from "./saved-by";
import { authorizePlan, authorizePlanRow } from "./access";
import type { WinDto } from "./dto";
import type { WinCreate, WinPatch } from "./schemas";

export async function loadWins(db: Db, orgId: string, personId: string, id?: string): Promise<WinDto[]> {
  return db
    .select({
      id: wins.id,
      title: wins.title,
      description: wins.description,
      occurredOn: wins.occurredOn,
      goalId: wins.goalId,
      goalTitle: stretchGoals.title,
      rotationId: wins.rotationId,
      rotationHost: rotations.host,
      linksPurpose: wins.linksPurpose,
      authorName: users.name,
      version: wins.version,
    })
    .from(wins)
    .leftJoin(stretchGoals, and(eq(stretchGoals.id, wins.goalId), eq(stretchGoals.orgId, orgId)))
    .leftJoin(rotations, and(eq(rotations.id, wins.rotationId), eq(rotations.orgId, orgId)))
    .leftJoin(memberships, and(eq(memberships.id, wins.authorId), eq(memberships.orgId, orgId)))
    .leftJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(wins.orgId, orgId), eq(wins.personId, personId), id ? eq(wins.id, id) : undefined))
    .orderBy(desc(wins.occurredOn), desc(wins.createdAt));
}

/**
 * A win may only point at a goal or rotation of the same person (ids from elsewhere are refused, not leaked), and at
 * a rotation that has begun: "From the rotation with Payments" under a rotation only planned claims what has not
 * happened. A win already linked to it keeps that link (`keepRotationId`) when edited.
 */
async function checkLinks(db: Db, orgId: string, personId: string, goalId: string | null | undefined, rotationId: string | null | undefined, keepRotationId?: string | null): Promise<void> {
  const fields: Record<string, string[]> = {};
  if (goalId) {
    const [g] = await db.select({ id: stretchGoals.id }).from(stretchGoals).where(and(eq(stretchGoals.id, goalId), eq(stretchGoals.orgId, orgId), eq(stretchGoals.personId, personId)));
    if (!g) fields.goalId = ["Pick one of this plan's goals."];
  }
  if (rotationId) {
    const [r] = await db
      .select({ id: rotations.id, status: rotations.status, host: rotations.host })
      .from(rotations)
      .where(and(eq(rotations.id, rotationId), eq(rotations.orgId, orgId), eq(rotations.personId, personId)));
    if (!r) fields.rotationId = ["Pick one of this person's rotations."];
    else if (r.status === "planned" && rotationId !== keepRotationId) fields.rotationId = [`The rotation with ${r.host} has not started yet: link the win to it once it has.`];
  }
  if (Object.keys(fields).length) throw validationFailed(fields);
}

export async function listWins(db: Db, viewer: Viewer, personId: string): Promise<WinDto[]> {
  await authorizePlan(db, viewer, "read", personId);
  return loadWins(db, viewer.orgId, personId);
}

export async function createWin(db: Db, viewer: Viewer, personId: string, input: WinCreate): Promise<WinDto> {
  await authorizePlan(db, viewer, "write", personId);
  await checkLinks(db, viewer.orgId, personId, input.goalId, input.rotationId);
  const [row] = await db
    .insert(wins)
    .values({
      title: input.title,
      description: input.description,
      occurredOn: input.occurredOn,
      goalId: input.goalId ?? null,
      rotationId: input.rotationId ?? null,
      linksPurpose: input.linksPurpose,
      orgId: viewer.orgId,
      personId,
      authorId: viewer.personId,
      updatedBy: viewer.personId,
    })
    .returning({ id: wins.id });
  return (await loadWins(db, viewer.orgId, personId, row!.id))[0]!;
}

export async function updateWin(db: Db, viewer: Viewer, id: string, input: WinPatch): Promise<WinDto> {
  const { personId } = await authorizePlanRow(db, viewer, wins, id, "write");
  const [saved] = await db.select({ rotationId: wins.rotationId }).from(wins).where(and(eq(wins.id, id), eq(wins.orgId, viewer.orgId)));
  await checkLinks(db, viewer.orgId, personId, input.goalId, input.rotationId, saved?.rotationId);
  if (input.goalId === null && input.rotationId === null && input.linksPurpose === false) {
    throw validationFailed({ link: ["Link the win to a goal, a rotation or the purpose."] });
  }
  const { version, today: _today, ...changes } = input;
  const res = await db
    .update(wins)
    .set({ ...changes, version: sql`${wins.version} + 1`, updatedBy: viewer.personId })
    .where(and(eq(wins.id, id), eq(wins.orgId, viewer.orgId), eq(wins.version, version)))
    .returning({ id: wins.id });
  const [now] = await loadWins(db, viewer.orgId, personId, id);
  if (!now) throw notFound();
  if (!res.length) {
    const by = await planSavedBy(db, viewer, wins, id);
    throw conflict(`${changedMeanwhile(by, "this win")} The current version is shown.`, { current: now, savedBy: by });
  }
  return now;
}

export async function deleteWin(db: Db, viewer: Viewer, id: string, version: number): Promise<void> {
  const { personId } = await authorizePlanRow(db, viewer, wins, id, "write");
  const res = await db
    .delete(wins)
    .where(and(eq(wins.id, id), eq(wins.orgId, viewer.orgId), eq(wins.version, version)))
    .returning({ id: wins.id });
  if (!res.length) {
    const [now] = await loadWins(db, viewer.orgId, personId, id);
    const by = await planSavedBy(db, viewer, wins, id);
    throw conflict(`${changedMeanwhile(by, "this win")} Look at it again before deleting.`, { current: now ?? null, savedBy: by });
  }
}
