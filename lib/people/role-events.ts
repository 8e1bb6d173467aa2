import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { roleEvents } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer-type";
import { audit } from "@/lib/audit/log";
import { AppError, badRequest, conflict, notFound } from "@/lib/errors";
import { latestPastDay } from "@/lib/plan/target-date";
import { formatDate } from "@/lib/radar/format";
import { roleDateMessage, roleDateProblem } from "./role-dates";
import { assertStillActive } from "./still-active";
import { authorize, enforce, type Relation } from "@/lib/policy";
import { roleEventGap, type RoleEventInput, type RoleEventPatch } from "./schemas";

export type RoleEventDto = {
  id: string;
  personId: string;
  type: RoleEventInput["type"];
  effectiveOn: string;
  description: string;
  newTitle: string | null;
  newTeam: string | null;
  rotationId: string | null;
  version: number;
};

const cols = {
  id: roleEvents.id,
  personId: roleEvents.personId,
  type: roleEvents.type,
  effectiveOn: roleEvents.effectiveOn,
  description: roleEvents.description,
  newTitle: roleEvents.newTitle,
  newTeam: roleEvents.newTeam,
  rotationId: roleEvents.rotationId,
  version: roleEvents.version,
};

/**
 * A person's role timeline, newest first (roleHistory: read). `rel`, when the
 * caller already has it from relationTo(viewer, personId), saves walking the
 * reporting chain again; the decision is the same.
 */
export async function listRoleEvents(db: Db, viewer: Viewer, personId: string, rel?: Relation): Promise<RoleEventDto[]> {
  if (rel) enforce(viewer, "roleHistory", "read", rel, {}, personId);
  else await authorize(db, viewer, "roleHistory", "read", personId);
  return db
    .select(cols)
    .from(roleEvents)
    .where(and(eq(roleEvents.orgId, viewer.orgId), eq(roleEvents.personId, personId)))
    .orderBy(desc(roleEvents.effectiveOn), desc(roleEvents.createdAt));
}

/** The date rule of lib/people/role-dates.ts, refused at the date field (the form's and the API's `fields`). */
function assertRoleDate(on: string, claimedToday: string | undefined, latest: string | null): void {
  // latestPastDay: the viewer's today; an API client that sends none gets UTC's tomorrow, so nobody east of UTC is refused their today.
  const problem = roleDateProblem(on, { today: latestPastDay(claimedToday), latest });
  if (problem) {
    const message = roleDateMessage(problem, formatDate);
    throw new AppError(422, "validation_failed", message, { effectiveOn: [message] });
  }
}

export async function createRoleEvent(db: Db, viewer: Viewer, personId: string, input: Omit<RoleEventInput, "earlier"> & { earlier?: boolean }): Promise<RoleEventDto> {
  await authorize(db, viewer, "roleHistory", "write", personId);
  await assertStillActive(db, viewer.orgId, personId, "recording a role change");
  const { today, earlier, ...fields } = input;
  const [latest] = await db
    .select({ on: sql<string | null>`max(${roleEvents.effectiveOn})` })
    .from(roleEvents)
    .where(and(eq(roleEvents.orgId, viewer.orgId), eq(roleEvents.personId, personId)));
  // An earlier change recorded for the history (`earlier`) may go before the latest event; it never goes into the future.
  assertRoleDate(fields.effectiveOn, today, earlier ? null : (latest?.on ?? null));
  const [row] = await db
    .insert(roleEvents)
    .values({ orgId: viewer.orgId, personId, ...fields, createdBy: viewer.personId })
    .returning(cols);
  await logEvent(viewer, "role_event.created", row!);
  return row!;
}

/** Role changes are audited (type and date only: descriptions stay out of the audit trail). Also those a rotation writes. */
export function logEvent(viewer: Viewer, action: string, ev: Pick<RoleEventDto, "id" | "personId" | "type" | "effectiveOn">) {
  return audit({ orgId: viewer.orgId, actorUserId: viewer.userId, action, targetType: "role_event", targetId: ev.id, meta: { personId: ev.personId, type: ev.type, effectiveOn: ev.effectiveOn } });
}

/** Loads an event inside the viewer's org; an event of another org is simply not found. */
async function loadEvent(db: Db, viewer: Viewer, id: string): Promise<RoleEventDto> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound();
  const [row] = await db.select(cols).from(roleEvents).where(and(eq(roleEvents.id, id), eq(roleEvents.orgId, viewer.orgId)));
  if (!row) throw notFound();
  return row;
}

export async function getRoleEvent(db: Db, viewer: Viewer, id: string): Promise<RoleEventDto> {
  const ev = await loadEvent(db, viewer, id);
  await authorize(db, viewer, "roleHistory", "read", ev.personId);
  return ev;
}

export async function updateRoleEvent(db: Db, viewer: Viewer, id: string, patch: RoleEventPatch): Promise<RoleEventDto> {
  const ev = await loadEvent(db, viewer, id);
  await authorize(db, viewer, "roleHistory", "write", ev.personId);
  const { version, today, ...changes } = patch;
  // A changed date is a correction of history: it may go before later events (see role-dates.ts), never into the future.
  // An event already dated ahead (an admin's title change with a future date) keeps its date through other edits.
  if (changes.effectiveOn !== undefined && changes.effectiveOn !== ev.effectiveOn) assertRoleDate(changes.effectiveOn, today, null);
  // The event as it would read after the change must still say what changed; an older
  // event that never did can still have its date corrected.
  const after = {
    type: changes.type ?? ev.type,
    newTitle: changes.newTitle !== undefined ? changes.newTitle : ev.newTitle,
    newTeam: changes.newTeam !== undefined ? changes.newTeam : ev.newTeam,
    description: changes.description ?? ev.description,
  };
  const gap = roleEventGap(after);
  if (gap && (changes.type !== undefined || changes[gap.field] !== undefined)) throw badRequest(gap.message, { [gap.field]: [gap.message] });
  const [row] = await db
    .update(roleEvents)
    .set({ ...changes, version: sql`${roleEvents.version} + 1`, updatedAt: new Date() })
    .where(and(eq(roleEvents.id, id), eq(roleEvents.orgId, viewer.orgId), eq(roleEvents.version, version)))
    .returning(cols);
  if (!row) {
    const current = await loadEvent(db, viewer, id);
    throw conflict("Someone else changed this event. Review the current version and try again.", { current });
  }
  await logEvent(viewer, "role_event.updated", row);
  return row;
}

export async function deleteRoleEvent(db: Db, viewer: Viewer, id: string, version: number): Promise<void> {
  const ev = await loadEvent(db, viewer, id);
  await authorize(db, viewer, "roleHistory", "write", ev.personId);
  const deleted = await db.delete(roleEvents).where(and(eq(roleEvents.id, id), eq(roleEvents.orgId, viewer.orgId), eq(roleEvents.version, version))).returning({ id: roleEvents.id });
  if (!deleted.length) throw conflict("Someone else changed this event. Reload and try again.", { current: await loadEvent(db, viewer, id) });
  await logEvent(viewer, "role_event.deleted", ev);
}
