import type { Viewer } from "@/lib/auth/viewer-type";

// SLOT owned by helper  { viewer: Viewer }:B (1:1): raise / withdraw "I feel stuck", see acknowledgements. Replaced by the feature branch before landing.
export async function MyStuck(_props: { viewer: Viewer }) {
  return null;
}
