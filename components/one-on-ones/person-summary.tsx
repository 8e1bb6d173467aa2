import type { Viewer } from "@/lib/auth/viewer-type";
import type { Relation } from "@/lib/policy/rules";

// SLOT owned by helper B (1:1): last/next 1:1 and link to the meetings list (participants only). Replaced by the feature branch before landing.
export async function PersonOneOnOnes(_props: { viewer: Viewer; personId: string; rel: Relation }) {
  return null;
}
