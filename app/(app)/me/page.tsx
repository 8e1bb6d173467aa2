import type { Metadata } from "next";
import { requirePageViewer } from "@/lib/auth/viewer";
import { PageHeader } from "@/components/ui/card";
import { MyFlags } from "@/components/radar/my-flags";
import { MyPulse } from "@/components/pulse/my-pulse";
import { MyStuck } from "@/components/stuck/my-stuck";

export const metadata: Metadata = { title: "My growth" };

// OWNED by helper C (plan): the employee's home and growth plan. Keep the three slots.
export default async function MePage() {
  const viewer = await requirePageViewer();
  return (
    <>
      <PageHeader title={`Hi, ${viewer.name.split(" ")[0]}`} description="Your growth plan, shared with your manager." />
      <div className="space-y-6">
        <MyFlags viewer={viewer} />
        <MyStuck viewer={viewer} />
        <MyPulse viewer={viewer} />
      </div>
    </>
  );
}
