import type { PulsePoint } from "@/lib/pulse/checkins";
import { SparklineChart } from "./sparkline-chart";

/**
 * The pulse trend chart. Only the week and the score cross to the browser:
 * the answers and comments of each check-in stay on the server.
 */
export function PulseSparkline({ points, label }: { points: PulsePoint[]; label: string }) {
  return <SparklineChart points={points.map((p) => ({ weekStart: p.weekStart, rust: p.rust }))} label={label} />;
}
