import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { preparedQuery } from "@/db/prepared";
import { endedSessions, memberships, organizations, users } from "@/db/schema";
import { readSessionClaims, sessionCookieOf } from "./session-refresh";
import { ORG_COOKIE, SESSION_ABSOLUTE_MS } from "./session-policy";
import { radarSettingsColumns } from "@/lib/radar/settings-columns";
import type { Viewer } from "./viewer-type";

export type { Viewer } from "./viewer-type";

/**
 * The signed-in viewer for this request, or null. The JWT only says who signed
 * in and when; whether that still counts is decided here against the database
 * on every request (deactivated, password changed, session too old), so
 * revocations take effect on the next request. Cached per request.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const jar = await cookies();
  const claims = await readSessionClaims(sessionCookieOf(jar));
  if (!claims) return null;
  // This browser's switch, else the organization the session started in.
  return loadViewer(await getDb(), claims, jar.get(ORG_COOKIE)?.value ?? claims.orgId);
});

/**
 * The viewer statement runs on every request, so it is built once per
 * database handle (no SQL building per request) and sent as a named prepared
 * statement.
 */
const viewerStatement = preparedQuery("reignite_viewer", (db, name) =>
  db
    .select({
      userId: users.id,
      email: users.email,
      name: users.name,
      sessionsValidAfter: users.sessionsValidAfter,
      // Signed out on this device (lib/auth/revoke.ts): an index probe in the same statement, no statement of its own.
      ended: sql<boolean>`exists (select 1 from ${endedSessions} e where e.user_id = ${users.id} and e.session_id = ${sql.placeholder("sessionId")})`,
      personId: memberships.id,
      role: memberships.role,
      orgId: organizations.id,
      orgSlug: organizations.slug,
      orgName: organizations.name,
      // For the navigation (lib/shell/nav.ts): does this membership manage anyone, have a manager?
      managesPeople: sql<boolean>`exists (select 1 from ${memberships} r where r.org_id = ${memberships.orgId} and r.manager_id = ${memberships.id})`,
      managerId: memberships.managerId,
      // The viewer's current manager's name ("tell <name> safely" on /me), so that page needs no statement for it;
      // null for a manager who was deactivated (still on record until an admin reassigns): they would not see it.
      managerName: sql<string | null>`(select mu.name from ${memberships} mm join ${users} mu on mu.id = mm.user_id where mm.id = ${memberships.managerId} and mm.org_id = ${memberships.orgId} and mm.deactivated_at is null)`,
      // For /team's subtree switch: does anyone below this person manage someone?
      managesManagers: sql<boolean>`exists (select 1 from ${memberships} r join ${memberships} rr on rr.org_id = r.org_id and rr.manager_id = r.id and rr.deactivated_at is null where r.org_id = ${memberships.orgId} and r.manager_id = ${memberships.id})`,
      ...radarSettingsColumns,
    })
    .from(users)
    .innerJoin(memberships, and(eq(memberships.userId, users.id), isNull(memberships.deactivatedAt)))
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(eq(users.id, sql.placeholder("userId")))
    .orderBy(organizations.name)
    .prepare(name),
);

/**
 * The viewer for a session's claims, from the database (one statement): null
 * when the session no longer counts. `wantedOrgId`: the org switcher's choice (its cookie), else the organization the session started in.
 */
export async function loadViewer(db: Db, claims: { userId: string; authTime: number; sessionId?: string }, wantedOrgId?: string): Promise<Viewer | null> {
  const { userId, authTime } = claims;
  const sessionId = claims.sessionId ?? `t${authTime}`;
  if (Date.now() - authTime > SESSION_ABSOLUTE_MS) return null;
  const found = await viewerStatement(db).execute({ userId, sessionId });
  const first = found[0];
  if (!first) return null;
  if (authTime < first.sessionsValidAfter.getTime() || first.ended) return null;

  const active = found.find((r) => r.orgId === wantedOrgId) ?? first;
  return {
    userId: active.userId,
    email: active.email,
    name: active.name,
    personId: active.personId,
    orgId: active.orgId,
    orgSlug: active.orgSlug,
    orgName: active.orgName,
    role: active.role,
    orgs: found.map((r) => ({ orgId: r.orgId, slug: r.orgSlug, name: r.orgName })),
    authTime,
    sessionId,
    nav: { managesPeople: !!active.managesPeople, hasManager: !!active.managerId, managesManagers: !!active.managesManagers, managerName: active.managerName ?? null },
    settings: {
      roleNoticeMonths: active.roleNoticeMonths,
      roleWarningMonths: active.roleWarningMonths,
      defaultCadenceDays: active.defaultCadenceDays,
      pulseAlertScore: active.pulseAlertScore,
      learningGapMonths: active.learningGapMonths,
      stuckAckDays: active.stuckAckDays,
    },
  };
}

/** For pages: the viewer, or a redirect to /login. */
export async function requirePageViewer(): Promise<Viewer> {
  const v = await getViewer();
  if (!v) redirect("/login");
  return v;
}
