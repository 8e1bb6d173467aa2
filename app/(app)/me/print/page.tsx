import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { requirePageViewer } from "@/lib/auth/viewer";
import { exportPlan } from "@/lib/plan";
import { PlanView } from "@/components/plan/plan-view";
import { formatDate } from "@/components/plan/bits";
import { PrintButton } from "./_components/print-button";

export const metadata: Metadata = { title: "My growth plan (print)" };

// The app shell is hidden when printing: only the plan goes on paper.
const PRINT_CSS = `@media print {
  body > div > header, a[href="#main"], [data-print-hide] { display: none !important; }
  main { max-width: none !important; padding: 0 !important; }
  body { background: white !important; color: black !important; }
  details { display: none; }
}`;

/** The viewer's own plan as a printable page (an export: recorded in the audit log). */
export default async function PrintPlanPage() {
  const viewer = await requirePageViewer();
  const db = await getDb();
  const plan = await exportPlan(db, viewer, viewer.personId, "print");
  return (
    <>
      <style>{PRINT_CSS}</style>
      <div data-print-hide className="mb-6 flex flex-wrap items-center justify-between gap-3">
        <Link href="/me" className="text-sm font-medium text-accent-text underline-offset-2 hover:underline">
          ← Back to my growth plan
        </Link>
        <PrintButton />
      </div>
      <header className="mb-6">
        <h1 className="text-2xl font-semibold">{plan.person.name} — growth plan</h1>
        <p className="text-sm text-muted">
          {[plan.person.title, plan.person.team].filter(Boolean).join(" · ")} · printed {formatDate(plan.exportedAt)}
        </p>
      </header>
      <PlanView plan={plan} canEdit={false} self />
    </>
  );
}
