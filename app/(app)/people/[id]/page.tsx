import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { requirePageViewer } from "@/lib/auth/viewer";
import { relationTo } from "@/lib/policy/relation";
import { decideAccess } from "@/lib/policy/rules";
import { PersonPulse } from "@/components/pulse/person-pulse";
import { PersonOneOnOnes } from "@/components/one-on-ones/person-summary";
import { PlanGlance } from "@/components/plan/plan-glance";

// OWNED by helper A (radar): the person page. Keep the three slots (they check access themselves).
export default async function PersonPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requirePageViewer();
  const db = await getDb();
  const rel = await relationTo(db, viewer, id);
  if (decideAccess("directory", "read", rel) !== "allow") notFound();
  return (
    <div className="space-y-6">
      <PersonOneOnOnes viewer={viewer} personId={id} rel={rel} />
      <PlanGlance viewer={viewer} personId={id} rel={rel} />
      <PersonPulse viewer={viewer} personId={id} rel={rel} />
    </div>
  );
}
