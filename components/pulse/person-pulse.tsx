import { getDb } from "@/db/client";
import type { Viewer } from "@/lib/auth/viewer-type";
import { decideAccess, type Relation } from "@/lib/policy/rules";
import { auditPulseRead, loadTrend } from "@/lib/pulse/checkins";
import { Card } from "@/components/ui/card";
import { PulseSparkline } from "./sparkline";

/** The person's pulse trend: self and their manager only (per policy); nothing for anyone else. */
export async function PersonPulse({ viewer, personId, rel }: { viewer: Viewer; personId: string; rel: Relation }) {
  if (decideAccess("pulse", "read", rel) !== "allow") return null;
  const db = await getDb();
  const points = await loadTrend(db, viewer.orgId, personId, 12);
  await auditPulseRead(viewer, personId, points, "page");
  return (
    <Card>
      <h2 className="text-lg font-semibold">Rust-out pulse</h2>
      <p className="mb-2 text-sm text-muted">Weekly check-ins. Rust score = 6 − the average answer (1 = healthy, 5 = rusted out). Only {rel.self ? "you and your manager" : "the person and you"} see this.</p>
      <PulseSparkline points={points} label="Pulse trend" />
    </Card>
  );
}
