import type { PulsePoint } from "@/lib/pulse/checkins";
import { Card } from "@/components/ui/card";
import { recentComments } from "@/lib/pulse/comments";
import { PulseComments } from "./pulse-comments";
import { PulseSparkline } from "./sparkline";

/** The person's pulse trend (readPulseForPage(): null, so nothing, for anyone but the person and their manager). */
export function PersonPulse({ points, self, firstName }: { points: PulsePoint[]; self: boolean; firstName: string }) {
  return (
    <Card>
      <h2 className="text-lg font-semibold">Rust-out pulse</h2>
      <p className="mb-2 text-sm text-muted">Weekly check-ins. Rust score = 6 − the average answer (1 = healthy, 5 = rusted out). Only {self ? "you and your manager" : "the person and you"} see this.</p>
      <PulseSparkline points={points} label="Pulse trend" />
      <PulseComments comments={recentComments(points)} heading={self ? "What you added" : `What ${firstName} added`} headingId="person-pulse-comments" />
    </Card>
  );
}
