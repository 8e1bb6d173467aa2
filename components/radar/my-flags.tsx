import type { Viewer } from "@/lib/auth/viewer-type";

// SLOT owned by helper  { viewer: Viewer }:A (radar): the viewer's own flags with selfReason sentences. Replaced by the feature branch before landing.
export async function MyFlags(_props: { viewer: Viewer }) {
  return null;
}
