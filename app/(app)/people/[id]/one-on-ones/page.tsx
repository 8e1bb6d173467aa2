import type { Metadata } from "next";
import { requirePageViewer } from "@/lib/auth/viewer";
import { entryForPage, relationForPage } from "../person-for-page";
import { OneOnOnesPage } from "@/components/one-on-ones/one-on-ones-page";

/**
 * Named after the person, as the heading is, for the manager; "1:1s" for the person. Anyone else gets a 404 (the
 * list refuses them), titled as every 404 is.
 */
export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const id = (await params).id;
  const { rel } = await relationForPage(id);
  if (rel.self) return { title: "1:1s" };
  if (rel.manager) return { title: `1:1s with ${(await entryForPage(id)).name}` };
  return {};
}

export default async function PersonOneOnOnesPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ page?: string }> }) {
  const [{ id }, sp, viewer] = await Promise.all([params, searchParams, requirePageViewer()]);
  const page = Math.max(1, Math.min(10_000, Number.parseInt(sp.page ?? "1", 10) || 1));
  return <OneOnOnesPage viewer={viewer} personId={id} page={page} basePath={`/people/${id}/one-on-ones`} />;
}
