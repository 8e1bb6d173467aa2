import type { Viewer } from "@/lib/auth/viewer-type";
import type { Relation } from "@/lib/policy/rules";

// SLOT owned by helper B (1:1): pulse trend chart (self and manager only). Replaced by the feature branch before landing.
export async function PersonPulse(_props: { viewer: Viewer; personId: string; rel: Relation }) {
  return null;
}
