import "server-only";
import { and, asc, eq, ilike, isNull, ne, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { connections, memberships, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer-type";
import { conflict, notFound, validationFailed } from "./errors";
import { changedMeanwhile, planSavedBy } from "./saved-by";
import { authorizePlan, authorizePlanRow } from "./access";
import type { ConnectionDto } from "./dto";
import { PERSON_OR_NAME, type ConnectionCreate, type ConnectionPatch } from "./schemas";

export async function loadConnections(db: Db, orgId: string, personId: string, id?: string): Promise<ConnectionDto[]> {
  return db
    .select({
      id: connections.id,
      kind: connections.kind,
      otherPersonId: connections.otherPersonId,
      otherPersonName: users.name,
      name: connections.name,
      purpose: connections.purpose,
      version: connections.version,
    })
    .from(connections)
    .leftJoin(memberships, and(eq(memberships.id, connections.otherPersonId), eq(memberships.orgId, orgId)))
    .leftJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(connections.orgId, orgId), eq(connections.personId, personId), id ? eq(connections.id, id) : undefined))
    .orderBy(asc(connections.kind), asc(connections.createdAt));
}

export type ConnectablePerson = { id: string; name: string; title: string };

/**
 * Active members of the organization whose name, title or team matches `q`,
 * for the connection picker of `personId`'s plan (the directory is readable by
 * every member; asking needs the right to edit that plan). A page of them, not
 * the whole organization: a large one has thousands of people.
 */
export async function searchConnectable(db: Db, viewer: Viewer, personId: string, q: string, limit = 8): Promise<ConnectablePerson[]> {
  await authorizePlan(db, viewer, "write", personId);
  const term = q.trim();
  if (!term) return [];
  const like = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .select({ id: memberships.id, name: users.name, title: memberships.title })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.orgId, viewer.orgId),
        isNull(memberships.deactivatedAt),
        ne(memberships.id, personId),
        or(ilike(users.name, like), ilike(memberships.title, like), ilike(memberships.team, like)),
      ),
    )
    .orderBy(asc(users.name), asc(memberships.id))
    .limit(Math.min(Math.max(limit, 1), 20));
}

/** Someone picked from the directory must be an active member of the same organization, and not the person themselves. */
async function checkOther(db: Db, orgId: string, personId: string, otherId: string | null | undefined): Promise<void> {
  if (!otherId) return;
  const [m] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.id, otherId), eq(memberships.orgId, orgId), isNull(memberships.deactivatedAt), ne(memberships.id, personId)));
  if (!m) throw validationFailed({ otherPersonId: ["Pick someone from your organization's directory."] });
}

export async function listConnections(db: Db, viewer: Viewer, personId: string): Promise<ConnectionDto[]> {
  await authorizePlan(db, viewer, "read", personId);
  return loadConnections(db, viewer.orgId, personId);
}

export async function createConnection(db: Db, viewer: Viewer, personId: string, input: ConnectionCreate): Promise<ConnectionDto> {
  await authorizePlan(db, viewer, "write", personId);
  // Also here for callers that build the input themselves: the name would be dropped without a word.
  if (input.otherPersonId && input.name) throw validationFailed({ name: [PERSON_OR_NAME] });
  await checkOther(db, viewer.orgId, personId, input.otherPersonId);
  const [row] = await db
    .insert(connections)
    .values({
      kind: input.kind,
      otherPersonId: input.otherPersonId ?? null,
      name: input.otherPersonId ? "" : input.name,
      purpose: input.purpose,
      orgId: viewer.orgId,
      personId,
      createdBy: viewer.personId,
      updatedBy: viewer.personId,
    })
    .returning({ id: connections.id });
  return (await loadConnections(db, viewer.orgId, personId, row!.id))[0]!;
}

export async function updateConnection(db: Db, viewer: Viewer, id: string, input: ConnectionPatch): Promise<ConnectionDto> {
  const { personId } = await authorizePlanRow(db, viewer, connections, id, "write");
  if (input.otherPersonId && input.name) throw validationFailed({ name: [PERSON_OR_NAME] });
  await checkOther(db, viewer.orgId, personId, input.otherPersonId);
  if (input.otherPersonId === null && input.name !== undefined && !input.name) {
    throw validationFailed({ name: ["Pick someone in your organization or type a name."] });
  }
  const { version, ...changes } = input;
  const res = await db
    .update(connections)
    .set({
      ...changes,
      // One or the other: a colleague picked clears the outside name, and an outside name sent alone replaces the
      // colleague (kept, it saved a name the page never showed beside the colleague's).
      ...(changes.otherPersonId ? { name: "" } : {}),
      ...(changes.name && changes.otherPersonId === undefined ? { otherPersonId: null } : {}),
      version: sql`${connections.version} + 1`,
      updatedAt: new Date(),
      updatedBy: viewer.personId,
    })
    .where(and(eq(connections.id, id), eq(connections.orgId, viewer.orgId), eq(connections.version, version)))
    .returning({ id: connections.id });
  const [now] = await loadConnections(db, viewer.orgId, personId, id);
  if (!now) throw notFound();
  if (!res.length) {
    const by = await planSavedBy(db, viewer, connections, id);
    throw conflict(`${changedMeanwhile(by, "this connection")} The current version is shown.`, { current: now, savedBy: by });
  }
  return now;
}

export async function deleteConnection(db: Db, viewer: Viewer, id: string, version: number): Promise<void> {
  const { personId } = await authorizePlanRow(db, viewer, connections, id, "write");
  const res = await db
    .delete(connections)
    .where(and(eq(connections.id, id), eq(connections.orgId, viewer.orgId), eq(connections.version, version)))
    .returning({ id: connections.id });
  if (!res.length) {
    const [now] = await loadConnections(db, viewer.orgId, personId, id);
    const by = await planSavedBy(db, viewer, connections, id);
    throw conflict(`${changedMeanwhile(by, "this connection")} Look at it again before deleting.`, { current: now ?? null, savedBy: by });
  }
}
