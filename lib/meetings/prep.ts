import "server-only";
import { and, desc, eq, isNull, ne, sql } from "drizzle-orm";
import { rows, type Db } from "@/db/client";
import { actionItems, meetings, rotations } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer-type";
import { radarForPerson, type Flag } from "@/lib/radar";
import { auditPulseRead, loadTrend, type PulsePoint } from "@/lib/pulse/checkins";
import type { MeetingAccess } from "./access";

export type PrepBrief = {
  since: string | null; // the last held 1:1 before this one
  goals: { id: string; title: string; progress: number; updatesSince: number }[];
  rotation: { host: string; status: "planned" | "active"; startOn: string } | null;
  wins: { id: string; title: string; occurredOn: string }[];
  learning: { id: string; title: string; status: string }[];
  /** Self and manager only; null otherwise. */
  pulse: { points: PulsePoint[]; change: number | null } | null;
  openActions: { id: string; body: string; ownerId: string; dueOn: string | null; meetingId: string }[];
  flags: Flag[];
};

/**
 * "Since the last 1:1": computed from the person's plan, learning, pulse and
 * the pair's open action items. The caller has authorized the meeting read,
 * which (participants only) also covers plan, pulse and flags reads.
 */
export async function prepBrief(db: Db, viewer: Viewer, access: MeetingAccess, now = new Date()): Promise<PrepBrief> {
  const m = access.meeting;
  const org = viewer.orgId;
  const person = m.reportId;
  // Reads that do not depend on the date of the last 1:1 start at once, alongside it.
  const independent = Promise.all([
    db
      .select({ host: rotations.host, status: rotations.status, startOn: rotations.startOn })
      .from(rotations)
      .where(and(eq(rotations.orgId, org), eq(rotations.personId, person), ne(rotations.status, "done")))
      .orderBy(desc(rotations.startOn))
      .limit(1),
    loadTrend(db, org, person, 8),
    db
      .select({ id: actionItems.id, body: actionItems.body, ownerId: actionItems.ownerId, dueOn: actionItems.dueOn, meetingId: actionItems.meetingId })
      .from(actionItems)
      .innerJoin(meetings, and(eq(meetings.id, actionItems.meetingId), eq(meetings.orgId, org)))
      .where(and(eq(actionItems.orgId, org), isNull(actionItems.doneAt), eq(meetings.reportId, person), eq(meetings.managerId, m.managerId)))
      .orderBy(actionItems.dueOn)
      .limit(20),
    radarForPerson(db, viewer, person, access.rel, now),
  ]);
  independent.catch(() => undefined); // awaited below; no unhandled rejection if the next read fails first
  // The last held 1:1 before this one, and what changed since it (goals, wins,
  // learning), in one statement: each part filters on the date the first finds.
  const [briefRow] = rows<{ since_ms: number | null; goals: PrepBrief["goals"] | null; wins: PrepBrief["wins"] | null; learning: PrepBrief["learning"] | null }>(
    await db.execute(sql`
      WITH last AS (
        SELECT coalesce(held_at, scheduled_at) AS at FROM meetings
         WHERE org_id = ${org} AND report_id = ${person} AND manager_id = ${m.managerId} AND status = 'held'
           AND scheduled_at < ${m.scheduledAt.toISOString()}::timestamptz AND id <> ${m.id}
         ORDER BY scheduled_at DESC LIMIT 1
      ), since AS (
        SELECT (SELECT at FROM last) AS at,
               coalesce((SELECT at FROM last), 'epoch'::timestamptz) AS ts,
               coalesce(((SELECT at FROM last) AT TIME ZONE 'UTC')::date, '0001-01-01'::date) AS day
      )
      SELECT (extract(epoch FROM since.at) * 1000)::float8 AS since_ms,
        (SELECT json_agg(json_build_object('id', g.id, 'title', g.title, 'progress', g.progress, 'updatesSince',
                  (SELECT count(*)::int FROM stretch_goal_updates u WHERE u.org_id = ${org} AND u.goal_id = g.id AND u.created_at >= since.ts)) ORDER BY g.created_at)
           FROM stretch_goals g WHERE g.org_id = ${org} AND g.person_id = ${person} AND g.status = 'active') AS goals,
        (SELECT json_agg(json_build_object('id', w.id, 'title', w.title, 'occurredOn', w.occurred_on) ORDER BY w.occurred_on DESC)
           FROM (SELECT id, title, occurred_on FROM wins
                  WHERE org_id = ${org} AND person_id = ${person} AND occurred_on >= since.day
                  ORDER BY occurred_on DESC LIMIT 10) w) AS wins,
        (SELECT json_agg(json_build_object('id', l.id, 'title', l.title, 'status', l.status) ORDER BY l.updated_at DESC)
           FROM (SELECT id, title, status, updated_at FROM learning_items
                  WHERE org_id = ${org} AND person_id = ${person} AND updated_at >= since.ts
                  ORDER BY updated_at DESC LIMIT 10) l) AS learning
      FROM since`),
  );
  const since = briefRow?.since_ms == null ? null : new Date(Number(briefRow.since_ms));
  const sinceDate = since ? since.toISOString().slice(0, 10) : "0001-01-01";
  const goals = briefRow?.goals ?? [];
  const winRows = briefRow?.wins ?? [];
  const learning = briefRow?.learning ?? [];
  const [rot, trend, open, radar] = await independent;
  const seesPulse = access.rel.self || access.viewerIsManager;
  let pulse: PrepBrief["pulse"] = null;
  if (seesPulse) {
    const before = trend.filter((p) => p.weekStart < sinceDate);
    const baseline = before.at(-1) ?? null;
    const latest = trend.at(-1) ?? null;
    pulse = { points: trend, change: latest && baseline && latest !== baseline ? Math.round((latest.rust - baseline.rust) * 10) / 10 : null };
    await auditPulseRead(viewer, person, trend, "page"); // the manager sees the answers; the employee's own view is not audited
  }
  const r = rot[0];
  return {
    since: since?.toISOString() ?? null,
    goals,
    rotation: r && r.status !== "done" ? { host: r.host, status: r.status as "planned" | "active", startOn: r.startOn } : null,
    wins: winRows,
    learning,
    pulse,
    openActions: open,
    flags: radar?.flags ?? [],
  };
}
