import type { Metadata } from "next";
import { requirePageViewer } from "@/lib/auth/viewer";
import { PageHeader } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { MyFlags } from "@/components/radar/my-flags";
import { MyPulse } from "@/components/pulse/my-pulse";
import { MyStuck } from "@/components/stuck/my-stuck";
import { PlanView } from "@/components/plan/plan-view";
import { loadPlanForPage } from "@/components/plan/load-for-page";

export const metadata: Metadata = { title: "My growth" };

// OWNED by helper C (plan): the employee's home and growth plan. Keep the three slots.
export default async function MePage() {
  const viewer = await requirePageViewer();
  const { plan } = await loadPlanForPage(viewer, viewer.personId, { directory: false });
  const api = `/api/v1/people/${viewer.personId}/plan`;
  return (
    <>
      <PageHeader
        title={`Hi, ${viewer.name.split(" ")[0]}`}
        description="Your growth plan, shared with your manager (and visible read-only further up your reporting line)."
        actions={
          <nav aria-label="Export my plan" className="flex flex-wrap gap-2">
            <a href={`${api}?format=json`} download className={buttonClass("secondary", "sm")}>
              Download JSON
            </a>
            <a href={`${api}?format=csv`} download className={buttonClass("secondary", "sm")}>
              Download CSV
            </a>
            <a href="/me/print" className={buttonClass("secondary", "sm")}>
              Printable page
            </a>
          </nav>
        }
      />
      <div className="space-y-6">
        <MyFlags viewer={viewer} />
        <MyStuck viewer={viewer} />
        <MyPulse viewer={viewer} />
        <PlanView plan={plan} canEdit self directory={[]} />
      </div>
    </>
  );
}
