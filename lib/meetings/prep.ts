import "server-only";
import { sql } from "drizzle-orm";
import { rows, type Db } from "@/db/client";
import type { Viewer } from "@/lib/auth/viewer-type";
import { radarForPerson, type Flag } from "@/lib/radar";
import { auditPulseRead, pointOf, type PulsePoint } from "@/lib/pulse/checkins";
import type { MeetingAccess } from "./access";

export type PrepBrief = {
  since: string | null; // the last held 1:1 before this one
  /** Active goals, then those proposed and not yet taken up (the manager's to review with them). */
  goals: { id: string; title: string; progress: number; updatesSince: number; status: "active" | "proposed" }[];
  /** What the last held 1:1's check-in said (the same pair's, so the same two people), when anything was answered. */
  lastCheckIn: { meetingId: string; energy: number | null; meaningful: string; goingThroughMotions: string; learnNext: string } | null;
  rotation: { host: string; status: "planned" | "active"; startOn: string } | null;
  wins: { id: string; title: string; occurredOn: string }[];
  learning: { id: string; title: string; status: string }[];
  /** Self and manager only; null otherwise. */
  pulse: { points: PulsePoint[]; change: number | null } | null;
  openActions: { id: string; body: string; ownerId: string; dueOn: string | null; meetingId: string }[];
  flags: Flag[];
};

/**
 * "Since the last 1:1", for a 1:1 still to come (the page shows none on one that took place or was called off: it
 * is computed from the person's data as it is now): computed from the person's plan, learning, pulse and
 * the pair's open action items from earlier 1:1s. The caller has authorized the meeting read,
 * which (participants only) also covers plan, pulse and flags reads.
 */
export async function prepBrief(db: Db, viewer: Viewer, access: MeetingAccess, now = new Date()): Promise<PrepBrief> {
  const m = access.meeting;
  const org = viewer.orgId;
  const person = m.reportId;
  // The radar row has its own code path (shared with the rest of the request): it runs alongside the brief's statement.
  const flagsRead = radarForPerson(db, viewer, person, access.rel, now);
  flagsRead.catch(() => undefined); // awaited below; no unhandled rejection if the next read fails first
  // The last held 1:1 before this one, what changed since it (goals, wins,
  // learning), the current rotation, the pair's open action items and the
  // latest 8 pulse check-ins (as loadTrend reads them, oldest first), in one
  // statement: the "since" parts filter on the date the first part finds.
  type BriefRow = {
    since_ms: number | null;
    last_check_in: PrepBrief["lastCheckIn"];
    goals: PrepBrief["goals"] | null;
    wins: PrepBrief["wins"] | null;
    learning: PrepBrief["learning"] | null;
    rotation: { host: string; status: "planned" | "active"; startOn: string } | null;
    open_actions: PrepBrief["openActions"] | null;
    pulse: Omit<PulsePoint, "rust">[] | null;
  };
  const [briefRow] = rows<BriefRow>(
    await db.execute(sql`
      WITH last AS (
        SELECT coalesce(held_at, scheduled_at) AS at, id, energy, meaningful, going_through_motions, learn_next FROM meetings
         WHERE org_id = ${org} AND report_id = ${person} AND manager_id = ${m.managerId} AND status = 'held'
           AND scheduled_at < ${m.scheduledAt.toISOString()}::timestamptz AND id <> ${m.id}
         ORDER BY scheduled_at DESC LIMIT 1
      ), since AS (
        SELECT (SELECT at FROM last) AS at,
               coalesce((SELECT at FROM last), 'epoch'::timestamptz) AS ts,
               coalesce(((SELECT at FROM last) AT TIME ZONE 'UTC')::date, '0001-01-01'::date) AS day
      )
      SELECT (extract(epoch FROM since.at) * 1000)::float8 AS since_ms,
        (SELECT json_build_object('meetingId', l.id, 'energy', l.energy, 'meaningful', l.meaningful,
                                  'goingThroughMotions', l.going_through_motions, 'learnNext', l.learn_next)
           FROM last l
          WHERE l.energy IS NOT NULL OR l.meaningful <> '' OR l.going_through_motions <> '' OR l.learn_next <> '') AS last_check_in,
        (SELECT json_agg(json_build_object('id', g.id, 'title', g.title, 'progress', g.progress, 'status', g.status, 'updatesSince',
                  (SELECT count(*)::int FROM stretch_goal_updates u WHERE u.org_id = ${org} AND u.goal_id = g.id AND u.created_at >= since.ts))
                  ORDER BY g.status = 'proposed', g.created_at)
           FROM stretch_goals g WHERE g.org_id = ${org} AND g.person_id = ${person} AND g.status IN ('active', 'proposed')) AS goals,
        (SELECT json_agg(json_build_object('id', w.id, 'title', w.title, 'occurredOn', w.occurred_on) ORDER BY w.occurred_on DESC)
           FROM (SELECT id, title, occurred_on FROM wins
                  WHERE org_id = ${org} AND person_id = ${person} AND occurred_on >= since.day
                  ORDER BY occurred_on DESC LIMIT 10) w) AS wins,
        (SELECT json_agg(json_build_object('id', l.id, 'title', l.title, 'status', l.status) ORDER BY l.updated_at DESC)
           FROM (SELECT id, title, status, updated_at FROM learning_items
                  WHERE org_id = ${org} AND person_id = ${person} AND updated_at >= since.ts
                  ORDER BY updated_at DESC LIMIT 10) l) AS learning,
        (SELECT json_build_object('host', r.host, 'status', r.status, 'startOn', r.start_on) FROM rotations r
          WHERE r.org_id = ${org} AND r.person_id = ${person} AND r.status <> 'done'
          ORDER BY r.start_on DESC LIMIT 1) AS rotation,
        (SELECT json_agg(json_build_object('id', a.id, 'body', a.body, 'ownerId', a.owner_id, 'dueOn', a.due_on, 'meetingId', a.meeting_id) ORDER BY a.due_on)
           FROM (SELECT ai.id, ai.body, ai.owner_id, ai.due_on, ai.meeting_id FROM action_items ai
                   JOIN meetings am ON am.id = ai.meeting_id AND am.org_id = ${org}
                  WHERE ai.org_id = ${org} AND ai.done_at IS NULL AND am.report_id = ${person} AND am.manager_id = ${m.managerId}
                    -- Not those added in this 1:1 (its first stop): the page lists them below, or as moved on.
                    AND coalesce(ai.carried_through[1], ai.meeting_id) <> ${m.id}
                  ORDER BY ai.due_on LIMIT 20) a) AS open_actions,
        (SELECT json_agg(json_build_object('id', p.id, 'weekStart', p.week_start, 'comment', p.comment,
                  'answers', json_build_object('motivation', p.motivation, 'skillsUsed', p.skills_used, 'variety', p.variety,
                                               'purpose', p.purpose, 'initiative', p.initiative)) ORDER BY p.week_start)
           FROM (SELECT id, week_start, comment, motivation, skills_used, variety, purpose, initiative FROM pulse_checkins
                  WHERE org_id = ${org} AND person_id = ${person}
                  ORDER BY week_start DESC LIMIT 8) p) AS pulse
      FROM since`),
  );
  const since = briefRow?.since_ms == null ? null : new Date(Number(briefRow.since_ms));
  const sinceDate = since ? since.toISOString().slice(0, 10) : "0001-01-01";
  const goals = briefRow?.goals ?? [];
  const winRows = briefRow?.wins ?? [];
  const learning = briefRow?.learning ?? [];
  const trend = (briefRow?.pulse ?? []).map(pointOf);
  const radar = await flagsRead;
  const seesPulse = access.rel.self || access.viewerIsManager;
  let pulse: PrepBrief["pulse"] = null;
  if (seesPulse) {
    const before = trend.filter((p) => p.weekStart < sinceDate);
    const baseline = before.at(-1) ?? null;
    const latest = trend.at(-1) ?? null;
    pulse = { points: trend, change: latest && baseline && latest !== baseline ? Math.round((latest.rust - baseline.rust) * 10) / 10 : null };
    await auditPulseRead(viewer, person, "page"); // the manager sees the answers; the employee's own view is not audited
  }
  const r = briefRow?.rotation ?? null;
  return {
    since: since?.toISOString() ?? null,
    goals,
    lastCheckIn: briefRow?.last_check_in ?? null,
    rotation: r ? { host: r.host, status: r.status, startOn: r.startOn } : null,
    wins: winRows,
    learning,
    pulse,
    openActions: briefRow?.open_actions ?? [],
    flags: radar?.flags ?? [],
  };
}
