import type { Metadata } from "next";
import { requirePageViewer } from "@/lib/auth/viewer";
import { OneOnOnesPage } from "@/components/one-on-ones/one-on-ones-page";

export const metadata: Metadata = { title: "My 1:1s" };

export default async function MyOneOnOnesPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const [sp, viewer] = await Promise.all([searchParams, requirePageViewer()]);
  const page = Math.max(1, Math.min(10_000, Number.parseInt(sp.page ?? "1", 10) || 1));
  return <OneOnOnesPage viewer={viewer} personId={viewer.personId} page={page} basePath="/me/one-on-ones" />;
}
