import "server-only";
import type { Db } from "@/db/client";
import type { Viewer } from "@/lib/auth/viewer-type";
import { audit } from "@/lib/audit/log";
import { forbidden } from "@/lib/errors";
import { GOAL_CATEGORY_LABEL, GOAL_STATUS_LABEL, LEARNING_KIND_LABEL, LEARNING_STATUS_LABEL } from "./labels";
import { toCsv } from "./csv";
import type { PlanDto } from "./dto";
import { getPlan } from "./plan";

export type PlanExportFormat = "json" | "csv" | "print";

/**
 * The person's whole plan, for them to take away. Only the person may export
 * it (their data is theirs): others who may read the plan get 403, everyone
 * else 404. Every export is recorded in the audit log.
 */
export async function exportPlan(db: Db, viewer: Viewer, personId: string, format: PlanExportFormat): Promise<PlanDto & { exportedAt: string }> {
  const { plan, rel } = await getPlan(db, viewer, personId);
  if (!rel.self) throw forbidden("Only the person can export their own plan.");
  await audit({ orgId: viewer.orgId, actorUserId: viewer.userId, action: "plan.exported", targetType: "plan", targetId: personId, meta: { format } });
  return { ...plan, exportedAt: new Date().toISOString() };
}

/** Goals, learning and wins as rows of one CSV, every cell escaped against formula injection. */
export function planToCsv(plan: PlanDto): string {
  const header = ["section", "title", "status", "category", "date", "progress", "details"];
  const rows: unknown[][] = [];
  for (const g of plan.goals) {
    rows.push(["goal", g.title, GOAL_STATUS_LABEL[g.status] ?? g.status, GOAL_CATEGORY_LABEL[g.category] ?? g.category, g.targetOn ?? "", `${g.progress}%`, g.description]);
  }
  for (const l of plan.learning) {
    rows.push(["learning", l.title, LEARNING_STATUS_LABEL[l.status] ?? l.status, LEARNING_KIND_LABEL[l.kind] ?? l.kind, l.completedOn ?? l.startedOn ?? "", "", l.takeaways]);
  }
  for (const w of plan.wins) {
    const link = w.goalTitle ? `Goal: ${w.goalTitle}` : w.rotationHost ? `Rotation: ${w.rotationHost}` : w.linksPurpose ? "Purpose" : "";
    rows.push(["win", w.title, "", link, w.occurredOn, "", w.description]);
  }
  return toCsv(header, rows);
}

export function exportFileName(plan: PlanDto, ext: string): string {
  const slug = plan.person.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "plan";
  return `reignite-plan-${slug}-${new Date().toISOString().slice(0, 10)}.${ext}`;
}
