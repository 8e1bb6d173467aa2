import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { requirePageViewer } from "@/lib/auth/viewer";
import { PageHeader } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { PlanView } from "@/components/plan/plan-view";
import { PlanGlance } from "@/components/plan/plan-glance";
import { loadPlanForPage } from "@/components/plan/load-for-page";

/** Whose plan, as the heading says: "Growth plan · Reignite" read alike for every report. */
export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  const viewer = await requirePageViewer();
  if (id === viewer.personId) return { title: "My growth" };
  const { plan } = await loadPlanForPage(viewer, id);
  return { title: `${plan.person.name}’s growth plan` };
}

/** A person's growth plan for their manager (editable) and skip-levels (read-only). Everyone else: 404. */
export default async function PersonPlanPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requirePageViewer();
  if (id === viewer.personId) redirect("/me");
  const { plan, rel, canEdit } = await loadPlanForPage(viewer, id);
  return (
    <>
      <PageHeader
        title={`${plan.person.name}’s growth plan`}
        description={
          <>
            {[plan.person.title, plan.person.team].filter(Boolean).join(" · ")}{" "}
            {canEdit ? null : <Badge tone="neutral">Read-only: you see this as a skip-level manager</Badge>}
          </>
        }
        actions={
          <Link href={`/people/${id}`} className="text-sm font-medium text-accent-text underline-offset-2 hover:underline">
            Back to {plan.person.name.split(" ")[0]}’s page
          </Link>
        }
      />
      <div className="space-y-6">
        <PlanGlance viewer={viewer} personId={id} rel={rel} showLink={false} />
        <PlanView plan={plan} canEdit={canEdit} self={false} />
      </div>
    </>
  );
}
