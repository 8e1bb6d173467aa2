import "server-only";
import type { Db } from "@/db/client";
import type { Viewer } from "@/lib/auth/viewer-type";
import { audit } from "@/lib/audit/log";
import { forbidden } from "@/lib/errors";
import { CONNECTION_KIND_LABEL, GOAL_CATEGORY_LABEL, GOAL_STATUS_LABEL, LEARNING_KIND_LABEL, LEARNING_STATUS_LABEL, purposeQuestions, ROLE_EVENT_LABEL, ROTATION_STATUS_LABEL, SKILL_STATUS_LABEL } from "./labels";
import { toCsv } from "./csv";
import type { PlanDto, PurposeDto } from "./dto";
import { getPlan } from "./plan";

export type PlanExportFormat = "json" | "csv" | "print";

/**
 * The person's whole plan, for them to take away. Only the person may export
 * it (their data is theirs): others who may read the plan get 403, everyone
 * else 404. Every export is recorded in the audit log.
 */
/** `opts.audit: false` for a HEAD request: the same checks and headers, no file sent, so no export recorded. */
export async function exportPlan(db: Db, viewer: Viewer, personId: string, format: PlanExportFormat, opts: { audit?: boolean } = {}): Promise<PlanDto & { exportedAt: string }> {
  const { plan, rel } = await getPlan(db, viewer, personId);
  if (!rel.self) throw forbidden("Only the person can export their own plan.");
  if (opts.audit !== false) await audit({ orgId: viewer.orgId, actorUserId: viewer.userId, action: "plan.exported", targetType: "plan", targetId: personId, meta: { format } });
  return { ...plan, exportedAt: new Date().toISOString() };
}

/**
 * The whole plan as rows of one CSV, the same content as the JSON export:
 * purpose with its earlier versions, goals with their dated updates, learning,
 * connections, skills, wins, rotations with their ends, and role changes; who
 * wrote what, where the JSON says. Every cell is escaped against formula injection.
 */
export function planToCsv(plan: PlanDto): string {
  const header = ["section", "title", "status", "category", "date", "progress", "details", "by"];
  const rows: unknown[][] = [];
  // Only the person exports their plan: the questions as their own page asks them.
  const q = purposeQuestions(true, "");
  const purposeRows = (section: string, p: PurposeDto) => {
    for (const [question, answer] of [
      [q.drewMe, p.drewMe],
      [q.impact, p.impact],
      [q.worthEffort, p.worthEffort],
    ]) {
      if (answer) rows.push([section, question, "", "", p.createdAt.slice(0, 10), "", answer, p.authorName ?? ""]);
    }
  };
  const current = plan.purpose.current;
  if (current) purposeRows("purpose", current);
  // Earlier versions, as the JSON has them (the page's "history").
  for (const p of plan.purpose.history) if (p.id !== current?.id) purposeRows("earlier purpose", p);
  for (const g of plan.goals) {
    const category = GOAL_CATEGORY_LABEL[g.category] ?? g.category;
    rows.push(["goal", g.title, GOAL_STATUS_LABEL[g.status] ?? g.status, g.servesPurpose ? `${category} · serves the purpose` : category, g.targetOn ?? "", `${g.progress}%`, g.description, ""]);
    for (const u of g.updates) rows.push(["goal update", g.title, "", "", u.createdAt.slice(0, 10), u.progress === null ? "" : `${u.progress}%`, u.body, u.authorName ?? ""]);
  }
  for (const l of plan.learning) {
    // One date column: the finish, with the start in the details when both are known (the page shows both).
    const started = l.startedOn && l.completedOn ? `Started ${l.startedOn}` : "";
    rows.push([
      "learning",
      l.title,
      LEARNING_STATUS_LABEL[l.status] ?? l.status,
      LEARNING_KIND_LABEL[l.kind] ?? l.kind,
      l.completedOn ?? l.startedOn ?? "",
      "",
      [started, l.takeaways].filter(Boolean).join(" · "),
      "",
    ]);
  }
  for (const c of plan.connections) {
    rows.push(["connection", c.otherPersonName ?? c.name, "", CONNECTION_KIND_LABEL[c.kind] ?? c.kind, "", "", c.purpose, ""]);
  }
  for (const k of plan.skills) rows.push(["skill", k.name, SKILL_STATUS_LABEL[k.status] ?? k.status, "", "", "", "", ""]);
  for (const w of plan.wins) {
    // Every link it has, as the page shows them: a win can serve a goal and the purpose at once.
    const link = [w.goalTitle ? `Goal: ${w.goalTitle}` : "", w.rotationHost ? `Rotation: ${w.rotationHost}` : "", w.linksPurpose ? "Purpose" : ""]
      .filter(Boolean)
      .join(" · ");
    rows.push(["win", w.title, "", link, w.occurredOn, "", w.description, w.authorName ?? ""]);
  }
  for (const r of plan.rotations) {
    const end = r.endedOn ? `Ended ${r.endedOn}` : r.plannedEndOn ? `Planned to end ${r.plannedEndOn}` : "";
    rows.push(["rotation", r.host, ROTATION_STATUS_LABEL[r.status] ?? r.status, "", r.startOn, "", [end, r.learningGoal].filter(Boolean).join(" · "), ""]);
  }
  for (const e of plan.roleEvents) {
    const to = [e.newTitle ? `Title: ${e.newTitle}` : "", e.newTeam ? `Team: ${e.newTeam}` : "", e.description].filter(Boolean).join(" · ");
    rows.push(["role change", ROLE_EVENT_LABEL[e.type] ?? e.type, "", "", e.effectiveOn, "", to, ""]);
  }
  return toCsv(header, rows);
}

export function exportFileName(plan: PlanDto, ext: string): string {
  // Accents come off their letters first: "Fátima" is "fatima", not "f-tima".
  const slug =
    plan.person.name
      .normalize("NFD")
      .replace(/\p{M}+/gu, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "plan";
  return `reignite-plan-${slug}-${new Date().toISOString().slice(0, 10)}.${ext}`;
}
