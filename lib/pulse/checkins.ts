import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { preparedQuery } from "@/db/prepared";
import { pulseCheckins } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer-type";
import { auditPulseViewed } from "@/lib/audit/sensitive-reads";
import { conflict } from "@/lib/errors";
import { authorize, decideAccess, type Relation } from "@/lib/policy";
import { viewerToday } from "@/lib/plan/target-date";
import { rustScore, weekStartOfDay, type PulseKey } from "./week";

export type PulseAnswers = Record<PulseKey, number> & { comment?: string; today?: string };
export type PulsePoint = { id: string; weekStart: string; rust: number; answers: Record<PulseKey, number>; comment: string };

/**
 * Only the employee writes their own pulse, at most once per ISO week (409 on
 * a second try). The week is the one of the person's own calendar day when the
 * browser says it (`input.today`, trusted within a day of UTC's; see
 * viewerToday), so "this week" starts on their Monday, not UTC's. The row
 * records their team as it is now, read in the same statement, so org
 * aggregates keep counting the answer where it was given.
 */
export async function submitPulse(db: Db, viewer: Viewer, personId: string, input: PulseAnswers, now = new Date()): Promise<PulsePoint> {
  await authorize(db, viewer, "pulse", "write", personId);
  const weekStart = weekStartOfDay(viewerToday(input.today, now));
  const [row] = await db
    .insert(pulseCheckins)
    .values({
      orgId: viewer.orgId,
      personId,
      weekStart,
      team: sql`(SELECT m.team FROM memberships m WHERE m.id = ${personId} AND m.org_id = ${viewer.orgId})`,
      motivation: input.motivation,
      skillsUsed: input.skillsUsed,
      variety: input.variety,
      purpose: input.purpose,
      initiative: input.initiative,
      comment: input.comment ?? "",
    })
    .onConflictDoNothing()
    .returning();
  if (!row) throw conflict("You have already answered this week's pulse. The next one opens on Monday.", { weekStart });
  return toPoint(row);
}

function toPoint(r: typeof pulseCheckins.$inferSelect): PulsePoint {
  const answers = { motivation: r.motivation, skillsUsed: r.skillsUsed, variety: r.variety, purpose: r.purpose, initiative: r.initiative };
  return pointOf({ id: r.id, weekStart: r.weekStart, answers, comment: r.comment });
}

/** A check-in as a chart point: its rust score computed from its answers (for rows read as JSON too). */
export function pointOf(r: Omit<PulsePoint, "rust">): PulsePoint {
  return { id: r.id, weekStart: r.weekStart, rust: rustScore(r.answers), answers: r.answers, comment: r.comment };
}

/**
 * The latest check-ins, oldest first (for a chart); self and manager only. A manager's read is audited (one event);
 * `via: false` for a HEAD request, which reads them but sends nothing.
 */
export async function pulseTrend(db: Db, viewer: Viewer, personId: string, limit = 12, via: "page" | "api" | false = "api"): Promise<PulsePoint[]> {
  await authorize(db, viewer, "pulse", "read", personId);
  const points = await loadTrend(db, viewer.orgId, personId, limit);
  if (via) await auditPulseRead(viewer, personId, via);
  return points;
}

/**
 * The trend for a page that already has the viewer's relation to the person:
 * null when the policy does not let them read pulse answers; a manager's read
 * is audited (one event), as in pulseTrend().
 */
export async function readPulseForPage(db: Db, viewer: Viewer, personId: string, rel: Relation, limit = 12): Promise<PulsePoint[] | null> {
  if (decideAccess("pulse", "read", rel) !== "allow") return null;
  return loadTrend(db, viewer.orgId, personId, limit);
}

/** Audits someone other than the employee opening their individual answers (lib/audit/sensitive-reads.ts: no count, no ids). */
export function auditPulseRead(viewer: Viewer, personId: string, via: "page" | "api"): Promise<void> {
  return auditPulseViewed(viewer, personId, via);
}

/** Unchecked loader: callers have already authorized "pulse read" for this person. */
export async function loadTrend(db: Db, orgId: string, personId: string, limit = 12): Promise<PulsePoint[]> {
  const found = await latestCheckins(db).execute({ orgId, personId, limit });
  return found.map(toPoint).reverse();
}

/** On the person page, the 1:1 page and /me: built once (db/prepared.ts). */
const latestCheckins = preparedQuery("reignite_pulse_latest", (db, name) =>
  db
    .select()
    .from(pulseCheckins)
    .where(and(eq(pulseCheckins.orgId, sql.placeholder("orgId")), eq(pulseCheckins.personId, sql.placeholder("personId"))))
    .orderBy(desc(pulseCheckins.weekStart))
    .limit(sql.placeholder("limit"))
    .prepare(name),
);

