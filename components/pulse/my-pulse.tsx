import type { PulsePoint } from "@/lib/pulse/checkins";
import { Card } from "@/components/ui/card";
import { ArrivalTarget } from "@/components/ui/arrival-target";
import { PULSE_ANSWERED_ID, PulseForm } from "./pulse-form";
import { PulseThisWeek } from "./pulse-this-week";
import { PULSE_QUESTIONS } from "@/lib/pulse/week";
import { recentComments } from "@/lib/pulse/comments";
import { PulseComments } from "./pulse-comments";
import { PulseSparkline } from "./sparkline";

/** The weekly rust-out pulse form and the viewer's own trend (own data: no further check needed). */
/** `manager`: the person's active manager's name, or null (nobody but them reads the answers then). */
export function MyPulse({ points, manager }: { points: PulsePoint[]; manager: string | null }) {
  return (
    <Card>
      <h2 className="text-lg font-semibold">Weekly pulse</h2>
      <p className="mb-3 text-sm text-muted">
        Five quick questions about how work feels.{" "}
        {/* Access follows the reporting line (ACCESS.md): a later manager reads past answers too, so "only Maya" would not hold. */}
        {manager ? `Only you and your manager see your answers: ${manager} now, and whoever manages you later.` : "Only you see your answers for now: you have no active manager on record. A manager you get later will see them."}
      </p>
      <PulseThisWeek
        answeredByWeek={Object.fromEntries(
          points.slice(-2).map((p) => [
            p.weekStart,
            <div key={p.weekStart} className="mb-3 text-sm">
              <ArrivalTarget id={PULSE_ANSWERED_ID} as="p">
                You have answered this week’s pulse — thank you. Next week’s opens on Monday.
              </ArrivalTarget>
              {/* What was sent, so a second tab's refused answers can be compared with it: the score alone said nothing. */}
              <h3 className="mt-2 text-sm font-semibold">Your answers this week</h3>
              <dl className="mt-1 grid gap-x-3 gap-y-1 sm:grid-cols-[1fr_auto]">
                {PULSE_QUESTIONS.map((q) => (
                  <div key={q.key} className="contents">
                    <dt className="text-muted">{q.label}</dt>
                    <dd className="font-medium">
                      {p.answers[q.key]} of 5{p.answers[q.key] === 1 ? ` (${q.low.toLowerCase()})` : p.answers[q.key] === 5 ? ` (${q.high.toLowerCase()})` : ""}
                    </dd>
                  </div>
                ))}
              </dl>
            </div>,
          ]),
        )}
      >
        <PulseForm manager={manager} />
      </PulseThisWeek>
      <div className="mt-4 border-t border-line pt-3">
        <h3 className="mb-1 text-sm font-semibold">Your trend</h3>
        <PulseSparkline points={points} label="Your pulse trend" />
        <PulseComments comments={recentComments(points)} heading="What you added" headingId="my-pulse-comments" />
      </div>
    </Card>
  );
}
