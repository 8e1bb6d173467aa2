import "server-only";
import { and, asc, desc, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Db } from "@/db/client";
import { auditEvents, memberships, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer-type";
import { calendarDate, isUsableDate } from "@/lib/calendar-date";
import { authorizeOrg } from "@/lib/policy";

// A real calendar day: "2026-13-45" has the shape but would fail the query (a 500), and so would year 0.
const day = calendarDate("Use a date like 2026-01-31.");

// Any 8-4-4-4-12 hex id, as the policy's isUuid: PostgreSQL takes ids that are not RFC 4122 v1–v8 (the synthetic
// organization's are hash-made), and z.uuid() refused those, so the filter was ignored as "not understood".
const id = z.guid("Pick someone from the list.");

/** Filters of the audit log (query string of /admin/audit). Empty strings mean "any". */
const CURSOR_MESSAGE = "This page link is damaged or out of date: start again from the first page.";

export const auditFilterSchema = z.object({
  // No control characters: PostgreSQL refuses a NUL in text (a 500 on the page, which reads this schema as the API does).
  action: z.string().max(100).regex(/^[^\p{Cc}]*$/u, "Pick an action from the list.").optional().transform((v) => v || undefined),
  actor: z.union([id, z.literal("")]).optional().transform((v) => v || undefined),
  /** The actor as a member of this organization (a membership id, what the page's person search picks); `actor` is their user id. */
  person: z.union([id, z.literal("")]).optional().transform((v) => v || undefined),
  // Empty is "any day"; anything else must be a date, and says why not (a union answered "Invalid input").
  from: z.string().optional().transform((v) => v || undefined).pipe(day.optional()),
  to: z.string().optional().transform((v) => v || undefined).pipe(day.optional()),
  // A damaged or hand-made page link is said, not read as page 1: a client paging through would go round for ever.
  cursor: z
    .string()
    .max(200, CURSOR_MESSAGE)
    .optional()
    .transform((v) => v || undefined)
    .refine((c) => c === undefined || decodeCursor(c) !== null, CURSOR_MESSAGE),
}).refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"], message: "“To” is before “From”: no event could match." });
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export type AuditRow = {
  id: string;
  createdAt: string; // ISO, UTC
  action: string;
  actorName: string | null;
  actorEmail: string | null;
  targetType: string | null;
  targetId: string | null;
  targetName: string | null;
  meta: Record<string, unknown>;
  ip: string | null;
};

export const AUDIT_PAGE_SIZE = 50;

/** The keyset cursor: the exact (microsecond) created_at text and the id of the last row shown. */
function encodeCursor(createdAt: string, id: string): string {
  return Buffer.from(JSON.stringify([createdAt, id])).toString("base64url");
}
// PostgreSQL's timestamptz text, e.g. "2026-11-29 00:30:12.123456+00": checked before it is cast back.
// The day must exist and the time be a time of day: "2026-13-45 25:61:61" has the shape and failed the cast (a 500).
// The offset too: PostgreSQL takes up to ±15:59, and "+99" failed the cast (a 500).
const CURSOR_TIME = /^(\d{4}-\d{2}-\d{2})[ T]([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?([+-](0\d|1[0-5])(:?[0-5]\d)?|Z)?$/;
function decodeCursor(cursor: string): [string, string] | null {
  try {
    const v = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === "string" && isUsableDate(CURSOR_TIME.exec(v[0])?.[1] ?? "") && z.uuid().safeParse(v[1]).success) {
      return [v[0], v[1] as string];
    }
  } catch {
    // fall through
  }
  return null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Names of this organization's members whose ids appear as values in the
 * events' details (a manager change's `from`/`to`, a role event's person), in
 * one statement for the page, so the log reads "to: Omar Manager".
 */
async function memberNames(db: Db, orgId: string, metas: Record<string, unknown>[]): Promise<Record<string, string>> {
  // Values and the items of array values (a sensitive read's `people`).
  const ids = [...new Set(metas.flatMap((m) => Object.values(m).flatMap((x) => (Array.isArray(x) ? x : [x])).filter((x): x is string => typeof x === "string" && UUID.test(x))))];
  if (!ids.length) return {};
  const found = await db
    .select({ id: memberships.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), inArray(memberships.id, ids)));
  return Object.fromEntries(found.map((r) => [r.id, r.name]));
}

/**
 * One page of the viewer's organization's audit log, newest first. Admins
 * only (404 otherwise, via the policy's `auditLog` resource). Keyset
 * pagination on (created_at, id), served by audit_events_org_created_idx.
 * Dates are UTC days; `to` is inclusive.
 */
export async function listAuditEvents(
  db: Db,
  viewer: Viewer | null,
  filter: AuditFilter,
  limit = AUDIT_PAGE_SIZE,
): Promise<{ rows: AuditRow[]; names: Record<string, string>; nextCursor: string | null }> {
  const v = authorizeOrg(viewer, "auditLog", "read");
  const actor = alias(users, "actor");
  const target = alias(memberships, "target");
  const targetUser = alias(users, "target_user");
  const where: SQL[] = [eq(auditEvents.orgId, v.orgId)];
  if (filter.action) where.push(eq(auditEvents.action, filter.action));
  if (filter.actor) where.push(eq(auditEvents.actorUserId, filter.actor));
  if (filter.person) {
    where.push(sql`${auditEvents.actorUserId} = (SELECT ${memberships.userId} FROM ${memberships} WHERE ${memberships.id} = ${filter.person} AND ${memberships.orgId} = ${v.orgId})`);
  }
  if (filter.from) where.push(gte(auditEvents.createdAt, sql`${`${filter.from}T00:00:00Z`}::timestamptz`));
  // The day after, counted by PostgreSQL: in JavaScript the day after 9999-12-31 is "+010000-01-01", which no longer
  // reads as a date (a 500 for the last day the date field offers).
  if (filter.to) where.push(lt(auditEvents.createdAt, sql`((${filter.to}::date + 1)::timestamp AT TIME ZONE 'UTC')`));
  const cursor = filter.cursor ? decodeCursor(filter.cursor) : null;
  if (cursor) where.push(sql`(${auditEvents.createdAt}, ${auditEvents.id}) < (${cursor[0]}::timestamptz, ${cursor[1]}::uuid)`);

  const found = await db
    .select({
      id: auditEvents.id,
      exact: sql<string>`${auditEvents.createdAt}::text`,
      createdAtMs: sql<number>`(extract(epoch from ${auditEvents.createdAt}) * 1000)::float8`,
      action: auditEvents.action,
      actorName: actor.name,
      actorEmail: actor.email,
      targetType: auditEvents.targetType,
      targetId: auditEvents.targetId,
      targetName: targetUser.name,
      meta: auditEvents.meta,
      ip: auditEvents.ip,
    })
    .from(auditEvents)
    .leftJoin(actor, eq(actor.id, auditEvents.actorUserId))
    // A target that is a person of this organization is shown by name (same org only).
    .leftJoin(target, and(eq(sql`${target.id}::text`, auditEvents.targetId), eq(target.orgId, v.orgId)))
    .leftJoin(targetUser, eq(targetUser.id, target.userId))
    .where(and(...where))
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
    .limit(limit + 1);

  const page = found.slice(0, limit);
  const last = page[page.length - 1];
  const names = await memberNames(db, v.orgId, page.map((r) => r.meta ?? {}));
  return {
    names,
    rows: page.map((r) => ({
      id: r.id,
      createdAt: new Date(Number(r.createdAtMs)).toISOString(),
      action: r.action,
      actorName: r.actorName,
      actorEmail: r.actorEmail,
      targetType: r.targetType,
      targetId: r.targetId,
      targetName: r.targetName,
      meta: r.meta ?? {},
      ip: r.ip,
    })),
    nextCursor: found.length > limit && last ? encodeCursor(last.exact, last.id) : null,
  };
}

/**
 * Beyond this many members "who" is searched for (a membership id in `person`)
 * instead of picked from a select: 10,000 options made /admin/audit 2.4 MB.
 */
export const MAX_ACTOR_OPTIONS = 200;

/** Choices for the filters: the actions recorded in this organization and its people, or null for people when there are too many (admins only). */
export async function auditFilterOptions(db: Db, viewer: Viewer | null): Promise<{ actions: string[]; actors: { id: string; name: string }[] | null }> {
  const v = authorizeOrg(viewer, "auditLog", "read");
  const [actions, actors] = await Promise.all([
    db
      .selectDistinct({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.orgId, v.orgId))
      .orderBy(asc(auditEvents.action)),
    db
      .select({ id: users.id, name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.orgId, v.orgId))
      .orderBy(asc(users.name), asc(users.id))
      .limit(MAX_ACTOR_OPTIONS + 1),
  ]);
  return { actions: actions.map((a) => a.action), actors: actors.length > MAX_ACTOR_OPTIONS ? null : actors };
}

/** The name of the member a `person` filter names, for the search field to show it (admins only; null when not of this organization). */
export async function auditPersonName(db: Db, viewer: Viewer | null, personId: string): Promise<string | null> {
  const v = authorizeOrg(viewer, "auditLog", "read");
  const [found] = await db
    .select({ name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.id, personId), eq(memberships.orgId, v.orgId)));
  return found?.name ?? null;
}
