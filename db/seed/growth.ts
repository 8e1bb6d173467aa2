/**
 * Turns the per-person growth specs (purpose, stretch goals, learning,
 * connections, skills, wins) into rows.
 */
import type { Ctx } from "./context";
import { GROWTH_MOBILE } from "./growth-mobile";
import { GROWTH_PLATFORM } from "./growth-platform";
import type { When } from "./time";

type Category = "stretch_assignment" | "cross_functional" | "mentoring" | "new_tool" | "role_evolution" | "learning";

export type GrowthSpec = {
  person: string;
  purpose?: { on: When; drewMe: string; impact: string; worthEffort: string }[];
  goals?: {
    key?: string;
    title: string;
    description?: string;
    category: Category;
    status: "proposed" | "active" | "done" | "dropped";
    createdOn: When;
    targetOn?: When;
    servesPurpose?: boolean;
    byManager?: boolean;
    updates?: { on: When; body: string; progress?: number; byManager?: boolean }[];
  }[];
  learning?: {
    kind: "course" | "book" | "talk" | "conference" | "community" | "learning_time";
    title: string;
    status: "planned" | "in_progress" | "done";
    startedOn?: When;
    completedOn?: When;
    createdOn: When;
    takeaways?: string;
  }[];
  connections?: { kind: "mentor" | "mentee" | "community" | "collaboration"; other?: string; name?: string; purpose: string; on: When }[];
  skills?: { name: string; status: "used" | "unused" | "want_to_build"; on: When }[];
  wins?: { title: string; description?: string; on: When; goal?: string; rotation?: string; linksPurpose?: boolean }[];
};

export function buildGrowth(ctx: Ctx): void {
  for (const spec of [...GROWTH_PLATFORM, ...GROWTH_MOBILE]) buildOne(ctx, spec);
}

function buildOne(ctx: Ctx, g: GrowthSpec): void {
  const { clock, rows } = ctx;
  const me = ctx.person(g.person);
  const mgr = me.spec.manager ? ctx.person(me.spec.manager) : me;
  const base = { orgId: me.orgId, personId: me.id };

  // Numbered oldest first, as saving numbers them: each was "version 1", so "the latest" was either.
  const purposes = (g.purpose ?? []).map((p) => ({ p, at: clock.at(p.on) })).sort((a, b) => +a.at - +b.at);
  for (const [i, { p, at }] of purposes.entries()) {
    rows.purposeStatements.push({ id: ctx.id(), ...base, drewMe: p.drewMe, impact: p.impact, worthEffort: p.worthEffort, authorId: me.id, version: i + 1, createdAt: at });
  }

  const goalIds = new Map<string, string>();
  for (const goal of g.goals ?? []) {
    const goalId = ctx.id();
    if (goal.key) goalIds.set(goal.key, goalId);
    const updates = goal.updates ?? [];
    let progress = 0;
    for (const u of updates) {
      if (u.progress !== undefined) progress = u.progress;
      rows.stretchGoalUpdates.push({
        id: ctx.id(), orgId: me.orgId, goalId, authorId: u.byManager ? mgr.id : me.id, body: u.body, progress: u.progress ?? null, createdAt: clock.at(u.on),
      });
    }
    if (goal.status === "done") progress = 100;
    const lastOn = updates.at(-1)?.on ?? goal.createdOn;
    // A progress update saves the goal too (addGoalUpdate): its author saved the goal last.
    const lastMove = updates.findLast((u) => u.progress !== undefined);
    const savedBy = lastMove ? (lastMove.byManager ? mgr.id : me.id) : goal.byManager ? mgr.id : me.id;
    rows.stretchGoals.push({
      id: goalId, ...base, title: goal.title, description: goal.description ?? "", category: goal.category, status: goal.status,
      targetOn: goal.targetOn ? clock.date(goal.targetOn) : null, progress, servesPurpose: goal.servesPurpose ?? false,
      createdBy: goal.byManager ? mgr.id : me.id, updatedBy: savedBy, createdAt: clock.at(goal.createdOn), updatedAt: clock.at(lastOn),
    });
  }

  for (const l of g.learning ?? []) {
    rows.learningItems.push({
      id: ctx.id(), ...base, kind: l.kind, title: l.title, status: l.status,
      startedOn: l.startedOn ? clock.date(l.startedOn) : null, completedOn: l.completedOn ? clock.date(l.completedOn) : null,
      takeaways: l.takeaways ?? "", createdBy: me.id, updatedBy: me.id, createdAt: clock.at(l.createdOn),
      updatedAt: clock.at(l.completedOn ?? l.startedOn ?? l.createdOn),
    });
  }

  for (const c of g.connections ?? []) {
    const other = c.other ? ctx.person(c.other) : undefined;
    if (other && other.orgId !== me.orgId) throw new Error(`connection across orgs: ${g.person} -> ${c.other}`);
    rows.connections.push({
      id: ctx.id(), ...base, kind: c.kind, otherPersonId: other?.id ?? null, name: other ? "" : (c.name ?? ""), purpose: c.purpose,
      createdBy: me.id, updatedBy: me.id, createdAt: clock.at(c.on), updatedAt: clock.at(c.on),
    });
  }

  for (const sk of g.skills ?? []) {
    rows.skills.push({ id: ctx.id(), ...base, name: sk.name, status: sk.status, createdBy: me.id, updatedBy: me.id, createdAt: clock.at(sk.on), updatedAt: clock.at(sk.on) });
  }

  for (const w of g.wins ?? []) {
    const goalId = w.goal ? goalIds.get(w.goal) : undefined;
    if (w.goal && !goalId) throw new Error(`unknown goal key ${w.goal}`);
    rows.wins.push({
      id: ctx.id(), ...base, title: w.title, description: w.description ?? "", occurredOn: clock.date(w.on),
      goalId: goalId ?? null, rotationId: w.rotation ? ctx.rotationId(w.rotation) : null, linksPurpose: w.linksPurpose ?? false,
      authorId: me.id, updatedBy: me.id, createdAt: clock.at(w.on),
    });
  }
}
