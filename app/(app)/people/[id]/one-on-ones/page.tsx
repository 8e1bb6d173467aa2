import type { Metadata } from "next";
import { requirePageViewer } from "@/lib/auth/viewer";
import { OneOnOnesPage } from "@/components/one-on-ones/one-on-ones-page";

export const metadata: Metadata = { title: "1:1s" };

export default async function PersonOneOnOnesPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ page?: string }> }) {
  const [{ id }, sp, viewer] = await Promise.all([params, searchParams, requirePageViewer()]);
  const page = Math.max(1, Math.min(10_000, Number.parseInt(sp.page ?? "1", 10) || 1));
  return <OneOnOnesPage viewer={viewer} personId={id} page={page} basePath={`/people/${id}/one-on-ones`} />;
}
