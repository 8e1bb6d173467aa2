import type { Viewer } from "@/lib/auth/viewer-type";

// SLOT owned by helper  { viewer: Viewer }:B (1:1): the weekly rust-out pulse form and the viewer's own trend. Replaced by the feature branch before landing.
export async function MyPulse(_props: { viewer: Viewer }) {
  return null;
}
