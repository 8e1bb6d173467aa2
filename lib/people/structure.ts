import "server-only";
import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { rows, type Db } from "@/db/client";
import { meetings, memberships, roleEvents, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer-type";
import { audit } from "@/lib/audit/log";
import { AppError, conflict, notFound } from "@/lib/errors";
import { authorize, isUuid } from "@/lib/policy";
import { transactionWithRetry } from "@/lib/transaction";

const today = () => new Date().toISOString().slice(0, 10);

function invalid(field: string, message: string): AppError {
  return new AppError(422, "validation_failed", message, { [field]: [message] });
}

/**
 * True when `candidateId` is `personId` or reports to them at any depth: making
 * the candidate their manager would close a loop. One recursive query upward
 * from the candidate.
 */
export async function isInSubtreeOf(db: Db, orgId: string, personId: string, candidateId: string): Promise<boolean> {
  const [r] = rows<{ hit: boolean }>(
    await db.execute(sql`
      WITH RECURSIVE up AS (
        SELECT id, manager_id, 0 AS depth FROM memberships WHERE id = ${candidateId} AND org_id = ${orgId}
        UNION ALL
        SELECT m.id, m.manager_id, up.depth + 1 FROM memberships m JOIN up ON m.id = up.manager_id
         WHERE m.org_id = ${orgId} AND up.depth < 64
      ) SELECT coalesce(bool_or(id = ${personId}), false) AS hit FROM up`),
  );
  return !!r?.hit;
}

/** Admin: change someone's manager (null = no manager). Refuses self-management and cycles. */
export async function changeManager(db: Db, viewer: Viewer, personId: string, newManagerId: string | null): Promise<void> {
  await authorize(db, viewer, "directory", "write", personId);
  if (newManagerId !== null) {
    if (newManagerId === personId) throw invalid("managerId", "Someone cannot manage themselves.");
    if (!isUuid(newManagerId)) throw invalid("managerId", "Choose a manager from this organization.");
    const [mgr] = await db
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.id, newManagerId), eq(memberships.orgId, viewer.orgId), isNull(memberships.deactivatedAt)));
    if (!mgr) throw invalid("managerId", "Choose an active manager from this organization.");
    if (await isInSubtreeOf(db, viewer.orgId, personId, newManagerId)) {
      throw invalid("managerId", "That would create a loop: the new manager reports to this person.");
    }
  }
  const [before] = await db
    .select({ managerId: memberships.managerId })
    .from(memberships)
    .where(and(eq(memberships.id, personId), eq(memberships.orgId, viewer.orgId)));
  if (!before) throw notFound();
  if (before.managerId === newManagerId) return;
  const now = new Date();
  await transactionWithRetry(db, async (tx) => {
    await tx
      .update(memberships)
      .set({ managerId: newManagerId, version: sql`${memberships.version} + 1`, updatedAt: now })
      .where(and(eq(memberships.id, personId), eq(memberships.orgId, viewer.orgId)));
    // 1:1s still scheduled with the former manager will not take place. Their agenda stays with
    // them (1:1 content belongs to its two participants; it is not handed to the new manager).
    if (before.managerId) {
      await tx
        .update(meetings)
        .set({ status: "cancelled", cancelledAt: now, version: sql`${meetings.version} + 1`, updatedAt: now })
        .where(and(eq(meetings.orgId, viewer.orgId), eq(meetings.reportId, personId), eq(meetings.managerId, before.managerId), eq(meetings.status, "scheduled")));
    }
  });
  await audit({
    orgId: viewer.orgId,
    actorUserId: viewer.userId,
    action: "member.manager_changed",
    targetType: "membership",
    targetId: personId,
    meta: { from: before.managerId, to: newManagerId },
  });
}

/**
 * Admin: change title and/or team. Each actual change writes a role event
 * (title_change / team_change) in the same transaction, so "in current role
 * since" follows.
 */
export async function changeTitleTeam(
  db: Db,
  viewer: Viewer,
  personId: string,
  input: { title?: string; team?: string; effectiveOn?: string; description?: string },
): Promise<{ changed: ("title" | "team")[] }> {
  await authorize(db, viewer, "directory", "write", personId);
  const on = input.effectiveOn ?? today();
  const changed = await transactionWithRetry(db, async (tx) => {
    const [cur] = await tx
      .select({ title: memberships.title, team: memberships.team })
      .from(memberships)
      .where(and(eq(memberships.id, personId), eq(memberships.orgId, viewer.orgId)));
    if (!cur) throw notFound();
    const out: ("title" | "team")[] = [];
    const title = input.title?.trim();
    const team = input.team?.trim();
    if (title !== undefined && title !== cur.title) out.push("title");
    if (team !== undefined && team !== cur.team) out.push("team");
    if (!out.length) return out;
    await tx
      .update(memberships)
      .set({
        ...(out.includes("title") ? { title } : {}),
        ...(out.includes("team") ? { team } : {}),
        version: sql`${memberships.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(memberships.id, personId), eq(memberships.orgId, viewer.orgId)));
    for (const what of out) {
      await tx.insert(roleEvents).values({
        orgId: viewer.orgId,
        personId,
        type: what === "title" ? "title_change" : "team_change",
        effectiveOn: on,
        description: input.description?.trim() || (what === "title" ? `Title changed to ${title}` : `Moved to team ${team}`),
        newTitle: what === "title" ? title : null,
        newTeam: what === "team" ? team : null,
        createdBy: viewer.personId,
      });
    }
    return out;
  });
  if (changed.length) {
    await audit({
      orgId: viewer.orgId,
      actorUserId: viewer.userId,
      action: "member.role_changed",
      targetType: "membership",
      targetId: personId,
      meta: { changed, title: input.title ?? null, team: input.team ?? null },
    });
  }
  return { changed };
}

/**
 * Admin: deactivate a membership. getViewer rejects deactivated memberships
 * on the next request, so the person is signed out at once. Their reports
 * keep them as manager on record until an admin reassigns them.
 */
export async function deactivateMember(db: Db, viewer: Viewer, personId: string): Promise<void> {
  await authorize(db, viewer, "directory", "write", personId);
  if (personId === viewer.personId) throw new AppError(422, "validation_failed", "You cannot deactivate yourself.");
  const done = await db
    .update(memberships)
    .set({ deactivatedAt: new Date(), version: sql`${memberships.version} + 1`, updatedAt: new Date() })
    .where(and(eq(memberships.id, personId), eq(memberships.orgId, viewer.orgId), isNull(memberships.deactivatedAt)))
    .returning({ id: memberships.id });
  if (!done.length) throw conflict("This person is already deactivated.");
  await audit({ orgId: viewer.orgId, actorUserId: viewer.userId, action: "member.deactivated", targetType: "membership", targetId: personId });
}

/**
 * Admin: reactivate a deactivated membership. They sign in again with their
 * password; any session token from before stays refused (sessions_valid_after).
 */
export async function reactivateMember(db: Db, viewer: Viewer, personId: string): Promise<void> {
  await authorize(db, viewer, "directory", "write", personId);
  const done = await db
    .update(memberships)
    .set({ deactivatedAt: null, version: sql`${memberships.version} + 1`, updatedAt: new Date() })
    .where(and(eq(memberships.id, personId), eq(memberships.orgId, viewer.orgId), isNotNull(memberships.deactivatedAt)))
    .returning({ userId: memberships.userId });
  if (!done.length) throw conflict("This person is already active.");
  await db.update(users).set({ sessionsValidAfter: new Date() }).where(eq(users.id, done[0]!.userId));
  await audit({ orgId: viewer.orgId, actorUserId: viewer.userId, action: "member.reactivated", targetType: "membership", targetId: personId });
}

/** Active members of the org as {id, name} options (for manager pickers). */
export async function memberOptions(db: Db, orgId: string): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: memberships.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), isNull(memberships.deactivatedAt)))
    .orderBy(users.name);
}
