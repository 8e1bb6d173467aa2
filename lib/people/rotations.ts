import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { roleEvents, rotations } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer-type";
import { AppError, conflict, notFound } from "@/lib/errors";
import { authorize, enforce, type Relation } from "@/lib/policy";
import { latestPastDay, viewerToday } from "@/lib/plan/target-date";
import { formatDate } from "@/lib/radar/format";
import { rotationStartGap, type RotationInput, type RotationPatch } from "./schemas";
import { assertStillActive } from "./still-active";
import { logEvent } from "./role-events";
import { transactionWithRetry, type Tx } from "@/lib/transaction";

export type RotationDto = {
  id: string;
  personId: string;
  host: string;
  startOn: string;
  plannedEndOn: string | null;
  endedOn: string | null;
  status: "planned" | "active" | "done";
  learningGoal: string;
  version: number;
};

const cols = {
  id: rotations.id,
  personId: rotations.personId,
  host: rotations.host,
  startOn: rotations.startOn,
  plannedEndOn: rotations.plannedEndOn,
  endedOn: rotations.endedOn,
  status: rotations.status,
  learningGoal: rotations.learningGoal,
  version: rotations.version,
};

/** A person's rotations (roleHistory: read); `rel` as for listRoleEvents. */
export async function listRotations(db: Db, viewer: Viewer, personId: string, rel?: Relation): Promise<RotationDto[]> {
  if (rel) enforce(viewer, "roleHistory", "read", rel, {}, personId);
  else await authorize(db, viewer, "roleHistory", "read", personId);
  return db
    .select(cols)
    .from(rotations)
    .where(and(eq(rotations.orgId, viewer.orgId), eq(rotations.personId, personId)))
    .orderBy(desc(rotations.startOn));
}

type WrittenEvent = { id: string; personId: string; type: "rotation_start" | "rotation_end"; effectiveOn: string };

/**
 * Writes a rotation's role event and notes it in `written`, audited once the transaction has committed: a rotation
 * started restarts time in role as any role change does, and "Add role event" was audited while this was not.
 */
async function writeEvent(tx: Tx, viewer: Viewer, r: RotationDto, kind: "rotation_start" | "rotation_end", on: string, written: WrittenEvent[]) {
  const [ev] = await tx.insert(roleEvents).values({
    orgId: viewer.orgId,
    personId: r.personId,
    type: kind,
    effectiveOn: on,
    description: kind === "rotation_start" ? `Started a rotation with ${r.host}` : `Ended the rotation with ${r.host}`,
    rotationId: r.id,
    createdBy: viewer.personId,
  }).returning({ id: roleEvents.id });
  written.push({ id: ev!.id, personId: r.personId, type: kind, effectiveOn: on });
}

async function auditWritten(viewer: Viewer, written: WrittenEvent[], action = "role_event.created"): Promise<void> {
  for (const ev of written) await logEvent(viewer, action, ev);
}

/**
 * Creates a rotation. One that starts as active (or done) writes its
 * rotation_start (and rotation_end) role events in the same transaction.
 */
/** rotationStartGap as the API's and the form's 422 (`today`: the viewer's, or UTC's tomorrow for a client that sends none). */
function assertStarted(r: Pick<RotationDto, "status" | "startOn">, claimedToday: string | undefined, changed: "status" | "startOn"): void {
  const gap = rotationStartGap(r, latestPastDay(claimedToday), changed, formatDate(r.startOn));
  if (gap) throw new AppError(422, "validation_failed", gap.message, { [gap.field]: [gap.message] });
}

/**
 * A rotation done ended between its start and the viewer's today: an end ahead put a "Rotation end" on the timeline
 * that would restart time in role on a day still to come, and one before the start ended it before it began.
 * `field`: where the form or the API sent the end (a new rotation's planned end is its end when it is saved done).
 */
function assertEndedInTime(r: Pick<RotationDto, "startOn" | "endedOn">, claimedToday: string | undefined, field: "endedOn" | "plannedEndOn" | "startOn"): void {
  if (!r.endedOn) return;
  const message =
    r.endedOn < r.startOn
      ? field === "startOn"
        ? `This rotation ended on ${formatDate(r.endedOn)}: pick a start no later than that.`
        : "A rotation cannot end before it started: pick an end on or after the start."
      : r.endedOn > latestPastDay(claimedToday)
        ? "This rotation is done, so it ended today or earlier: pick an end no later than today, or keep it active until then."
        : null;
  if (message) throw new AppError(422, "validation_failed", message, { [field]: [message] });
}

export async function createRotation(db: Db, viewer: Viewer, personId: string, rotation: RotationInput): Promise<RotationDto> {
  await authorize(db, viewer, "roleHistory", "write", personId);
  await assertStillActive(db, viewer.orgId, personId, "planning a rotation");
  const { today: claimedToday, ...input } = rotation;
  assertStarted(input, claimedToday, "status");
  // Saved done, it ended on its planned end, or today (the viewer's: UTC's was tomorrow in the evening in California).
  const endedOn = input.status === "done" ? (input.plannedEndOn ?? viewerToday(claimedToday)) : null;
  assertEndedInTime({ startOn: input.startOn, endedOn }, claimedToday, "plannedEndOn");
  const written: WrittenEvent[] = [];
  const created = await transactionWithRetry(db, async (tx) => {
    written.length = 0; // a retried transaction writes them again
    const [row] = await tx
      .insert(rotations)
      .values({ orgId: viewer.orgId, personId, ...input, endedOn, createdBy: viewer.personId })
      .returning(cols);
    const r = row!;
    if (r.status !== "planned") await writeEvent(tx, viewer, r, "rotation_start", r.startOn, written);
    if (r.status === "done") await writeEvent(tx, viewer, r, "rotation_end", r.endedOn!, written);
    return r;
  });
  await auditWritten(viewer, written);
  return created;
}

async function loadRotation(db: Db | Tx, viewer: Viewer, id: string): Promise<RotationDto> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound();
  const [row] = await db.select(cols).from(rotations).where(and(eq(rotations.id, id), eq(rotations.orgId, viewer.orgId)));
  if (!row) throw notFound();
  return row;
}

export async function getRotation(db: Db, viewer: Viewer, id: string): Promise<RotationDto> {
  const r = await loadRotation(db, viewer, id);
  await authorize(db, viewer, "roleHistory", "read", r.personId);
  return r;
}

/**
 * Updates a rotation (optimistic concurrency on version). Moving it to active
 * writes rotation_start, moving it to done writes rotation_end (on endedOn,
 * default the viewer's today); setting it back removes them again. The
 * rotation and its role events change together or not at all.
 */
export async function updateRotation(db: Db, viewer: Viewer, id: string, patch: RotationPatch): Promise<RotationDto> {
  const before = await loadRotation(db, viewer, id);
  await authorize(db, viewer, "roleHistory", "write", before.personId);
  const { version, today: claimedToday, ...changes } = patch;
  const next = { ...before, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) } as RotationDto;
  if (next.status === "done" && !next.endedOn) next.endedOn = viewerToday(claimedToday);
  if (next.status !== "done") next.endedOn = null;
  // Only a change is judged: a rotation already saved active with a later start (before this rule) stays editable otherwise.
  if (changes.status !== undefined && changes.status !== before.status) assertStarted(next, claimedToday, "status");
  else if (changes.startOn !== undefined && changes.startOn !== before.startOn) assertStarted(next, claimedToday, "startOn");
  if (changes.endedOn !== undefined && changes.endedOn !== before.endedOn) assertEndedInTime(next, claimedToday, "endedOn");
  else if (changes.startOn !== undefined && changes.startOn !== before.startOn) assertEndedInTime(next, claimedToday, "startOn");
  if (next.plannedEndOn && next.plannedEndOn < next.startOn) {
    throw new AppError(422, "validation_failed", "The planned end is before the start.", { plannedEndOn: ["The planned end is before the start."] });
  }
  const written: WrittenEvent[] = [];
  const moved: WrittenEvent[] = [];
  const removed: WrittenEvent[] = [];
  const updated = await transactionWithRetry(db, async (tx) => {
    written.length = 0;
    moved.length = 0;
    removed.length = 0;
    const [row] = await tx
      .update(rotations)
      .set({
        host: next.host,
        startOn: next.startOn,
        plannedEndOn: next.plannedEndOn,
        endedOn: next.endedOn,
        status: next.status,
        learningGoal: next.learningGoal,
        version: sql`${rotations.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(rotations.id, id), eq(rotations.orgId, viewer.orgId), eq(rotations.version, version)))
      .returning(cols);
    if (!row) {
      throw conflict("Someone else changed this rotation. Review the current version and try again.", { current: await loadRotation(tx, viewer, id) });
    }
    const events = await tx
      .select({ id: roleEvents.id, type: roleEvents.type, effectiveOn: roleEvents.effectiveOn })
      .from(roleEvents)
      .where(and(eq(roleEvents.orgId, viewer.orgId), eq(roleEvents.rotationId, id)));
    const find = (t: string) => events.find((e) => e.type === t);
    // Written when the rotation starts or ends, not on every save: an event someone deleted from the timeline on
    // purpose came back, and restarted time in role, when only the learning goal was edited.
    const started = before.status === "planned" && row.status !== "planned";
    const ended = before.status !== "done" && row.status === "done";
    if (started && !find("rotation_start")) await writeEvent(tx, viewer, row, "rotation_start", row.startOn, written);
    if (ended && !find("rotation_end")) await writeEvent(tx, viewer, row, "rotation_end", row.endedOn!, written);
    // Set back (done → active, or to planned), the rotation takes back the events that said it had ended or started:
    // left on the timeline, they kept time in role restarted by a rotation that had not happened.
    const unwritten = [...(row.status === "planned" ? ["rotation_start"] : []), ...(row.status !== "done" ? ["rotation_end"] : [])];
    for (const ev of events.filter((e) => unwritten.includes(e.type))) {
      await tx.delete(roleEvents).where(and(eq(roleEvents.id, ev.id), eq(roleEvents.orgId, viewer.orgId)));
      removed.push({ id: ev.id, personId: row.personId, type: ev.type as WrittenEvent["type"], effectiveOn: ev.effectiveOn });
    }
    // A start (or end) date corrected on the rotation moves its event on the timeline, where time in role is read.
    for (const [kind, on] of [["rotation_start", row.status === "planned" ? null : row.startOn], ["rotation_end", row.endedOn]] as const) {
      const ev = find(kind);
      if (!ev || !on || ev.effectiveOn === on) continue;
      await tx
        .update(roleEvents)
        .set({ effectiveOn: on, version: sql`${roleEvents.version} + 1`, updatedAt: new Date() })
        .where(and(eq(roleEvents.id, ev.id), eq(roleEvents.orgId, viewer.orgId)));
      moved.push({ id: ev.id, personId: row.personId, type: kind, effectiveOn: on });
    }
    return row;
  });
  await auditWritten(viewer, written);
  await auditWritten(viewer, moved, "role_event.updated");
  await auditWritten(viewer, removed, "role_event.deleted");
  return updated;
}

/** Removes a rotation and the role events it wrote. */
export async function deleteRotation(db: Db, viewer: Viewer, id: string, version: number): Promise<void> {
  const r = await loadRotation(db, viewer, id);
  await authorize(db, viewer, "roleHistory", "write", r.personId);
  const removed = await transactionWithRetry(db, async (tx) => {
    const gone = await tx.delete(rotations).where(and(eq(rotations.id, id), eq(rotations.orgId, viewer.orgId), eq(rotations.version, version))).returning({ id: rotations.id });
    if (!gone.length) throw conflict("Someone else changed this rotation. Reload and try again.", { current: await loadRotation(tx, viewer, id) });
    return tx
      .delete(roleEvents)
      .where(and(eq(roleEvents.orgId, viewer.orgId), eq(roleEvents.rotationId, id)))
      .returning({ id: roleEvents.id, personId: roleEvents.personId, type: roleEvents.type, effectiveOn: roleEvents.effectiveOn });
  });
  await auditWritten(viewer, removed as WrittenEvent[], "role_event.deleted");
}
