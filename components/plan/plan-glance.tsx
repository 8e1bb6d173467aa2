import Link from "next/link";
import { getDb } from "@/db/client";
import type { Viewer } from "@/lib/auth/viewer-type";
import { planGlance, type PlanGlanceData } from "@/lib/plan/glance";
import { formatMonths } from "@/lib/radar/months";
import type { Relation } from "@/lib/policy/rules";
import { Badge } from "@/components/ui/badge";
import { FLAG_LABELS } from "@/lib/radar/team-view";
import { formatDate, Progress, Sparkle } from "./bits";

const RISK = { at_risk: { tone: "risk", text: "▲ At risk" }, watch: { tone: "watch", text: "● Watch" }, none: { tone: "good", text: "✓ No flags" } } as const;

/** Plan at a glance, read here: for pages that show nothing else of the radar. Nothing when the viewer may not read the plan. */
export async function PlanGlance({ viewer, personId, rel, showLink = true }: { viewer: Viewer; personId: string; rel: Relation; showLink?: boolean }) {
  const g = await planGlance(await getDb(), viewer, personId, rel);
  return g ? <PlanGlanceView glance={g} personId={personId} self={rel.self} showLink={showLink} /> : null;
}

/** Plan at a glance: active goals, last win, months in role and flags as this viewer may see them (planGlance() decided what they may see). */
export function PlanGlanceView({
  glance: g,
  personId,
  self,
  showLink = true,
  showFlags = true,
}: {
  glance: PlanGlanceData;
  personId: string;
  self: boolean;
  showLink?: boolean;
  /** False where the page already lists the flags (the person page). */
  showFlags?: boolean;
}) {
  const risk = RISK[g.risk];
  return (
    <section aria-labelledby={`glance-${personId}`} className="card">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id={`glance-${personId}`} className="text-lg font-semibold">
          Plan at a glance
        </h2>
        <div className="flex items-center gap-3">
          <Badge tone={risk.tone}>{risk.text}</Badge>
          {showLink ? (
            <Link href={self ? "/me" : `/people/${personId}/plan`} className="text-sm font-medium text-accent-text underline-offset-2 hover:underline">
              {self ? "My growth plan" : "Open growth plan"}
            </Link>
          ) : null}
        </div>
      </div>
      <dl className="grid grid-cols-1 gap-4 sm:grid-cols-3 [&>div]:min-w-0">
        <div>
          <dt className="text-sm text-muted">In current role</dt>
          <dd className="text-xl font-semibold tabular-nums">{formatMonths(g.monthsInRole)}</dd>
          <dd className="text-xs text-muted">
            {g.roleStartRecorded ? `since ${formatDate(g.roleSince)}` : `since added, ${formatDate(g.roleSince)}; role start not recorded`}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-muted">Active goals</dt>
          <dd>
            {g.activeGoals.length ? (
              <ul className="space-y-1">
                {g.activeGoals.slice(0, 3).map((a) => (
                  <li key={a.id} className="text-sm">
                    <span className="block truncate">{a.title}</span>
                    <Progress value={a.progress} label={`Progress of ${a.title}`} />
                  </li>
                ))}
                {g.activeGoals.length > 3 ? <li className="text-xs text-muted">and {g.activeGoals.length - 3} more</li> : null}
              </ul>
            ) : (
              <span className="text-sm">None active</span>
            )}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-muted">Last win</dt>
          <dd className="text-sm">
            {g.lastWin ? (
              <>
                <Sparkle className="mr-1" />
                <span className="[overflow-wrap:anywhere]">{g.lastWin.title}</span> <span className="text-xs text-muted">({formatDate(g.lastWin.occurredOn)})</span>
              </>
            ) : (
              "None recorded yet"
            )}
          </dd>
        </div>
      </dl>
      {showFlags && g.flags.length ? (
        <div className="mt-4">
          <h3 className="text-sm font-medium text-muted">Flags</h3>
          <ul className="mt-1 space-y-1" aria-label="Flags">
            {g.flags.map((f) => (
              <li key={f.code} data-flag={f.code} className="flex items-start gap-2 text-sm">
                <span className="shrink-0 whitespace-nowrap">
                  <Badge tone={f.severity === "warning" ? "risk" : "watch"}>
                    <span aria-hidden="true">{f.severity === "warning" ? "▲" : "●"}</span>
                    {FLAG_LABELS[f.code]}
                    <span className="sr-only">({f.severity})</span>
                  </Badge>
                </span>
                <span>{f.reason}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
