import "server-only";
import { sql } from "drizzle-orm";
import { rows, type Db } from "@/db/client";
import type { Viewer } from "@/lib/auth/viewer-type";
import { decideAccess, type Relation } from "@/lib/policy/rules";
import { getRadarSettings, loadRadarRows, personRadarRow, radarPersonFor, type RiskLevel } from "@/lib/radar";
import type { FlagCode } from "@/lib/policy/rules";

export type PlanGlanceData = {
  personId: string;
  activeGoals: { id: string; title: string; progress: number; targetOn: string | null }[];
  lastWin: { title: string; occurredOn: string; goalTitle: string | null; linksPurpose: boolean } | null;
  monthsInRole: number;
  roleSince: string;
  roleStartRecorded: boolean;
  /** Flags as this viewer may see them; the person sees the sentences written for them. */
  flags: { code: FlagCode; severity: "notice" | "warning"; reason: string }[];
  risk: RiskLevel;
};

type GlanceGoal = PlanGlanceData["activeGoals"][number] & { personId: string };
type GlanceWin = NonNullable<PlanGlanceData["lastWin"]> & { personId: string };

/**
 * Active stretch goals (soonest target first) and each person's latest win,
 * for many people in one statement. No policy check: planGlances decides
 * which people's plans the viewer may read before it asks.
 */
export async function readGoalsAndLastWins(db: Db, orgId: string, ids: string[]): Promise<{ goals: GlanceGoal[]; lastWins: GlanceWin[] }> {
  if (!ids.length) return { goals: [], lastWins: [] };
  const [r] = rows<{ goals: GlanceGoal[] | null; wins: GlanceWin[] | null }>(
    await db.execute(sql`
      SELECT
        (SELECT json_agg(json_build_object('id', g.id, 'personId', g.person_id, 'title', g.title, 'progress', g.progress, 'targetOn', g.target_on)
                  ORDER BY g.target_on ASC NULLS LAST, g.updated_at DESC)
           FROM stretch_goals g
          WHERE g.org_id = ${orgId} AND g.person_id IN ${ids} AND g.status = 'active') AS goals,
        (SELECT json_agg(json_build_object('personId', w.person_id, 'title', w.title, 'occurredOn', w.occurred_on,
                  'goalTitle', w.goal_title, 'linksPurpose', w.links_purpose))
           FROM (SELECT DISTINCT ON (w.person_id) w.person_id, w.title, w.occurred_on, wg.title AS goal_title, w.links_purpose
                   FROM wins w
                   LEFT JOIN stretch_goals wg ON wg.id = w.goal_id AND wg.org_id = ${orgId}
                  WHERE w.org_id = ${orgId} AND w.person_id IN ${ids}
                  ORDER BY w.person_id, w.occurred_on DESC, w.created_at DESC) w) AS wins`),
  );
  return { goals: r?.goals ?? [], lastWins: r?.wins ?? [] };
}

/**
 * "Plan at a glance" for many people in a fixed number of queries (goals and
 * last wins in one, radar facts; the settings come with the viewer), whatever the number of people. Each item
 * carries the viewer's relation (from the policy check the caller made);
 * people whose plan the viewer may not read are left out.
 */
export async function planGlances(db: Db, viewer: Viewer, people: { personId: string; rel: Relation }[], now = new Date()): Promise<Map<string, PlanGlanceData>> {
  const allowed = people.filter((p) => decideAccess("plan", "read", p.rel) === "allow");
  const out = new Map<string, PlanGlanceData>();
  if (!allowed.length) return out;
  const ids = allowed.map((p) => p.personId);
  const orgId = viewer.orgId;
  const [{ goals, lastWins }, radarRows, settings] = await Promise.all([
    readGoalsAndLastWins(db, orgId, ids),
    // One person (the person page): the row the page's flags already read this request.
    ids.length === 1 ? personRadarRow(db, orgId, ids[0]!, now.getTime()).then((r) => (r ? [r] : [])) : loadRadarRows(db, orgId, { kind: "people", ids }, now),
    getRadarSettings(db, viewer),
  ]);
  const radarById = new Map(radarRows.map((r) => [r.id, r]));
  for (const { personId, rel } of allowed) {
    const row = radarById.get(personId);
    if (!row) continue;
    const radar = radarPersonFor(row, rel, settings, now);
    const win = lastWins.find((w) => w.personId === personId);
    out.set(personId, {
      personId,
      activeGoals: goals.filter((g) => g.personId === personId).map(({ personId: _p, ...g }) => g),
      lastWin: win ? { title: win.title, occurredOn: win.occurredOn, goalTitle: win.goalTitle, linksPurpose: win.linksPurpose } : null,
      monthsInRole: radar.monthsInRole,
      roleSince: radar.roleSince,
      roleStartRecorded: radar.roleStartRecorded,
      flags: radar.flags.map((f) => ({ code: f.code, severity: f.severity, reason: rel.self ? f.selfReason : f.reason })),
      risk: radar.risk,
    });
  }
  return out;
}

/** One person's plan at a glance, or null when the viewer may not read their plan. */
export async function planGlance(db: Db, viewer: Viewer, personId: string, rel: Relation, now = new Date()): Promise<PlanGlanceData | null> {
  return (await planGlances(db, viewer, [{ personId, rel }], now)).get(personId) ?? null;
}
