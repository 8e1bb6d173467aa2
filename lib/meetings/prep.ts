import "server-only";
import { and, desc, eq, gte, isNull, lt, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { actionItems, learningItems, meetings, rotations, stretchGoals, stretchGoalUpdates, wins } from "@/db/schema";
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
  const [last] = await db
    .select({ at: sql<Date>`coalesce(${meetings.heldAt}, ${meetings.scheduledAt})`.mapWith(meetings.scheduledAt) })
    .from(meetings)
    .where(and(eq(meetings.orgId, org), eq(meetings.reportId, person), eq(meetings.managerId, m.managerId), eq(meetings.status, "held"), lt(meetings.scheduledAt, m.scheduledAt), ne(meetings.id, m.id)))
    .orderBy(desc(meetings.scheduledAt))
    .limit(1);
  const since = last?.at ?? null;
  const sinceDate = since ? since.toISOString().slice(0, 10) : "0001-01-01";
  const sinceTs = since ?? new Date(0);
  const [goals, winRows, learning, [rot, trend, open, radar]] = await Promise.all([
    db
      .select({
        id: stretchGoals.id,
        title: stretchGoals.title,
        progress: stretchGoals.progress,
        updatesSince: sql<number>`(select count(*)::int from ${stretchGoalUpdates} u where u.org_id = ${org} and u.goal_id = "stretch_goals"."id" and u.created_at >= ${sinceTs.toISOString()}::timestamptz)`,
      })
      .from(stretchGoals)
      .where(and(eq(stretchGoals.orgId, org), eq(stretchGoals.personId, person), eq(stretchGoals.status, "active"))),
    db
      .select({ id: wins.id, title: wins.title, occurredOn: wins.occurredOn })
      .from(wins)
      .where(and(eq(wins.orgId, org), eq(wins.personId, person), gte(wins.occurredOn, sinceDate)))
      .orderBy(desc(wins.occurredOn))
      .limit(10),
    db
      .select({ id: learningItems.id, title: learningItems.title, status: learningItems.status })
      .from(learningItems)
      .where(and(eq(learningItems.orgId, org), eq(learningItems.personId, person), gte(learningItems.updatedAt, sinceTs)))
      .orderBy(desc(learningItems.updatedAt))
      .limit(10),
    independent,
  ]);
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
