import type { PlanDto } from "@/lib/plan/dto";
import { ConnectionsSection } from "./connections-section";
import { GoalsSection } from "./goals-section";
import { LearningSection } from "./learning-section";
import { PurposeSection } from "./purpose-section";
import { SkillsSection } from "./skills-section";
import { TimelineSection } from "./timeline-section";
import { WinsSection } from "./wins-section";

/**
 * The whole growth plan. With `canEdit` false (skip-levels) no edit control
 * is rendered at all; the server refuses writes anyway.
 */
export function PlanView({ plan, canEdit, self }: { plan: PlanDto; canEdit: boolean; self: boolean }) {
  const personId = plan.person.id;
  const firstName = plan.person.name.split(" ")[0] ?? plan.person.name;
  const current = plan.purpose.current;
  const purposeSummary = current ? current.impact || current.drewMe || current.worthEffort || null : null;
  return (
    <div className="space-y-6">
      <PurposeSection personId={personId} current={current} history={plan.purpose.history} canEdit={canEdit} self={self} firstName={firstName} />
      <GoalsSection personId={personId} goals={plan.goals} canEdit={canEdit} self={self} winsByGoal={countBy(plan.wins, (w) => w.goalId)} />
      <WinsSection
        personId={personId}
        wins={plan.wins}
        goals={plan.goals.map((g) => ({ id: g.id, title: g.title, status: g.status }))}
        // A win comes from a rotation that has begun: one only planned is not offered (createWin refuses it).
        rotations={plan.rotations.filter((r) => r.status !== "planned").map((r) => ({ id: r.id, host: r.host }))}
        purposeSummary={purposeSummary}
        canEdit={canEdit}
        self={self}
        firstName={firstName}
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <LearningSection personId={personId} items={plan.learning} canEdit={canEdit} self={self} />
        <ConnectionsSection personId={personId} items={plan.connections} canEdit={canEdit} self={self} />
      </div>
      <SkillsSection personId={personId} skills={plan.skills} canEdit={canEdit} self={self} firstName={firstName} />
      {/* Whoever may edit someone else's plan is their manager (ACCESS.md); the manager keeps the timeline, on the person page. */}
      <TimelineSection rotations={plan.rotations} events={plan.roleEvents} personId={personId} firstName={firstName} self={self} manages={canEdit && !self} />
    </div>
  );
}

function countBy<T>(items: T[], key: (item: T) => string | null): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) {
    const k = key(item);
    if (k) out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}
