import type { Viewer } from "@/lib/auth/viewer-type";
import type { Relation } from "@/lib/policy/rules";

// SLOT owned by helper C (plan): plan at a glance (active goals + progress, last win, months in role, flags). Replaced by the feature branch before landing.
export async function PlanGlance(_props: { viewer: Viewer; personId: string; rel: Relation }) {
  return null;
}
