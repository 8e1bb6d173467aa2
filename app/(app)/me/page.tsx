import Link from "next/link";
import type { Metadata } from "next";
import { requirePageViewer } from "@/lib/auth/viewer";
import { PageHeader } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { MyFlags } from "@/components/radar/my-flags";
import { MyPulse } from "@/components/pulse/my-pulse";
import { MyStuck } from "@/components/stuck/my-stuck";
import { loadMyStuck } from "@/lib/stuck/mine";
import { getDb } from "@/db/client";
import { authorize } from "@/lib/policy";
import { radarForPerson } from "@/lib/radar";
import { loadTrend } from "@/lib/pulse/checkins";
import { PlanView } from "@/components/plan/plan-view";
import { loadPlanForPage } from "@/components/plan/load-for-page";

export const metadata: Metadata = { title: "My growth" };

/** The employee's home: their flags, "I feel stuck", the weekly pulse and their growth plan. */
export default async function MePage() {
  const viewer = await requirePageViewer();
  const db = await getDb();
  const rel = await authorize(db, viewer, "flags", "read", viewer.personId); // oneself: decided without a statement
  // Every section's reads at once: the page waits for one round of statements and renders without suspending.
  const [{ plan }, me, stuck, points] = await Promise.all([
    loadPlanForPage(viewer, viewer.personId),
    radarForPerson(db, viewer, viewer.personId, rel),
    loadMyStuck(db, viewer),
    loadTrend(db, viewer.orgId, viewer.personId, 12),
  ]);
  const api = `/api/v1/people/${viewer.personId}/plan`;
  return (
    <>
      <PageHeader
        title={`Hi, ${viewer.name.split(" ")[0]}`}
        description={
          // Who reads the plan (ACCESS.md): the manager and, read-only, the managers above. With no manager, no one else.
          me?.managerId !== null
            ? "Your growth plan, shared with your manager (and visible read-only further up your reporting line)."
            : "Your growth plan. You have no manager on record, so for now only you see it."
        }
        actions={
          <nav aria-label="Export my plan" className="flex flex-wrap gap-2">
            <a href={`${api}?format=json`} download className={buttonClass("secondary", "sm")}>
              Download JSON
            </a>
            <a href={`${api}?format=csv`} download className={buttonClass("secondary", "sm")}>
              Download CSV
            </a>
            <Link href="/me/print" className={buttonClass("secondary", "sm")}>
              Printable page
            </Link>
          </nav>
        }
      />
      <div className="space-y-6">
        {me ? <MyFlags me={me} personId={viewer.personId} hasManager={me.managerId !== null} /> : null}
        <MyStuck mine={stuck.mine} manager={stuck.manager} managerInactive={stuck.managerInactive} hrReachable={stuck.hrReachable} />
        <MyPulse points={points} manager={stuck.managerInactive ? null : stuck.manager} />
        <PlanView plan={plan} canEdit self />
      </div>
    </>
  );
}
