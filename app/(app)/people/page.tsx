import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { pageParam, textParam } from "@/lib/http/search-params";
import { requirePageViewer } from "@/lib/auth/viewer";
import { listDirectory } from "@/lib/people/directory";
import { buttonClass } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";

export const metadata: Metadata = { title: "People" };

export default async function PeoplePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePageViewer();
  const db = await getDb();
  const sp = await searchParams;
  const q = textParam(sp.q, 100);
  const page = pageParam(sp.page);
  const dir = await listDirectory(db, viewer, { q, page, pageSize: 25, lastPageIfPast: true });
  const link = (p: number) => `/people?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`;
  return (
    <>
      <PageHeader
        title="People"
        description={`Everyone in ${viewer.orgName}: name, title, team and manager.`}
        actions={
          viewer.role === "admin" ? (
            <Link href="/admin/people" className={buttonClass("primary")}>
              Invite or import people
            </Link>
          ) : null
        }
      />
      {/* The label shown, not only read out: a placeholder as the only label is gone once something is typed. */}
      <form method="get" action="/people" role="search" className="mb-4 max-w-lg space-y-1">
        <label htmlFor="people-q" className="block text-sm font-medium text-ink">
          Search by name, title or team
        </label>
        <div className="flex gap-2">
          <input id="people-q" type="search" name="q" defaultValue={q} placeholder="e.g. Eli, or Platform" className={inputClass} />
          <button type="submit" className={buttonClass("secondary")}>
            Search
          </button>
        </div>
      </form>
      {dir.items.length === 0 ? (
        <EmptyState title={q ? `No one matches “${q}”` : "No people yet"}>
          {q ? "Try part of a name, e.g. “Eli”, or a team." : "An admin can invite people or import a CSV from your HR system."}
        </EmptyState>
      ) : (
        <>
          <div className="overflow-x-auto rounded-lg border border-line bg-panel">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">People directory, page {dir.page} of {dir.pages}</caption>
              <thead className="border-b border-line text-muted">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">Name</th>
                  <th scope="col" className="px-3 py-2 font-medium">Title</th>
                  <th scope="col" className="hidden px-3 py-2 font-medium sm:table-cell">Team</th>
                  <th scope="col" className="hidden px-3 py-2 font-medium md:table-cell">Manager</th>
                </tr>
              </thead>
              <tbody>
                {dir.items.map((p) => (
                  <tr key={p.id} className="border-b border-line last:border-0">
                    <td className="px-3 py-2">
                      <Link href={`/people/${p.id}`} className="font-medium text-accent-text underline-offset-2 hover:underline">
                        {p.name}
                      </Link>
                      {p.deactivated ? <span className="ml-2"><Badge>deactivated</Badge></span> : null}
                      <span className="block text-xs text-muted sm:hidden">{p.team}</span>
                    </td>
                    <td className="px-3 py-2">{p.title}</td>
                    <td className="hidden px-3 py-2 sm:table-cell">{p.team}</td>
                    <td className="hidden px-3 py-2 md:table-cell">
                      {p.managerName ?? "—"}
                      {p.managerDeactivated ? <span className="text-muted"> (deactivated)</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav aria-label="Pages" className="mt-3 flex items-center justify-between text-sm">
            <span className="text-muted">
              {dir.total} {dir.total === 1 ? "person" : "people"} · page {dir.page} of {dir.pages}
            </span>
            <span className="flex gap-2">
              {dir.page > 1 ? <Link href={link(dir.page - 1)} className={buttonClass("secondary", "sm")}>Previous</Link> : null}
              {dir.page < dir.pages ? <Link href={link(dir.page + 1)} className={buttonClass("secondary", "sm")}>Next</Link> : null}
            </span>
          </nav>
        </>
      )}
    </>
  );
}
