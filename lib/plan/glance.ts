import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { stretchGoals, wins } from "@/db/schema";
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
  /** Flags as this viewer may see them; the person sees the sentences written for them. */
  flags: { code: FlagCode; severity: "notice" | "warning"; reason: string }[];
  risk: RiskLevel;
};

/**
 * "Plan at a glance" for many people in a fixed number of queries (goals,
 * last wins, radar facts; the settings come with the viewer), whatever the number of people. Each item
 * carries the viewer's relation (from the policy check the caller made);
 * people whose plan the viewer may not read are left out.
 */
export async function planGlances(db: Db, viewer: Viewer, people: { personId: string; rel: Relation }[], now = new Date()): Promise<Map<string, PlanGlanceData>> {
  const allowed = people.filter((p) => decideAccess("plan", "read", p.rel) === "allow");
  const out = new Map<string, PlanGlanceData>();
  if (!allowed.length) return out;
  const ids = allowed.map((p) => p.personId);
  const orgId = viewer.orgId;
  const [goals, lastWins, radarRows, settings] = await Promise.all([
    db
      .select({ id: stretchGoals.id, personId: stretchGoals.personId, title: stretchGoals.title, progress: stretchGoals.progress, targetOn: stretchGoals.targetOn })
      .from(stretchGoals)
      .where(and(eq(stretchGoals.orgId, orgId), inArray(stretchGoals.personId, ids), eq(stretchGoals.status, "active")))
      .orderBy(sql`${stretchGoals.targetOn} asc nulls last`, desc(stretchGoals.updatedAt)),
    db
      .selectDistinctOn([wins.personId], {
        personId: wins.personId,
        title: wins.title,
        occurredOn: wins.occurredOn,
        goalTitle: stretchGoals.title,
        linksPurpose: wins.linksPurpose,
      })
      .from(wins)
      .leftJoin(stretchGoals, and(eq(stretchGoals.id, wins.goalId), eq(stretchGoals.orgId, orgId)))
      .where(and(eq(wins.orgId, orgId), inArray(wins.personId, ids)))
      .orderBy(wins.personId, desc(wins.occurredOn), desc(wins.createdAt)),
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
