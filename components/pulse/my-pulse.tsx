import type { PulsePoint } from "@/lib/pulse/checkins";
import { Card } from "@/components/ui/card";
import { ArrivalTarget } from "@/components/ui/arrival-target";
import { PULSE_ANSWERED_ID, PulseForm } from "./pulse-form";
import { PulseThisWeek } from "./pulse-this-week";
import { recentComments } from "@/lib/pulse/comments";
import { PulseComments } from "./pulse-comments";
import { PulseSparkline } from "./sparkline";

/** The weekly rust-out pulse form and the viewer's own trend (own data: no further check needed). */
export function MyPulse({ points }: { points: PulsePoint[] }) {
  return (
    <Card>
      <h2 className="text-lg font-semibold">Weekly pulse</h2>
      <p className="mb-3 text-sm text-muted">Five quick questions about how work feels. Only you and your manager see your answers.</p>
      <PulseThisWeek weekStarts={points.slice(-2).map((p) => p.weekStart)} answered={
          <ArrivalTarget id={PULSE_ANSWERED_ID} as="p" className="mb-3 text-sm">
            You have answered this week’s pulse — thank you. Next week’s opens on Monday.
          </ArrivalTarget>
        }>
        <PulseForm />
      </PulseThisWeek>
      <div className="mt-4 border-t border-line pt-3">
        <h3 className="mb-1 text-sm font-semibold">Your trend</h3>
        <PulseSparkline points={points} label="Your pulse trend" />
        <PulseComments comments={recentComments(points)} heading="What you added" headingId="my-pulse-comments" />
      </div>
    </Card>
  );
}
