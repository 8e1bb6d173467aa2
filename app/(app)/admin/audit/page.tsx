import { adminPageTitle } from "@/lib/shell/admin-page-title";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { requirePageViewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { auditFilterOptions, auditFilterSchema, auditPersonName, listAuditEvents, type AuditFilter } from "@/lib/audit/query";
import { auditActionLabel, auditMetaText, auditTargetLabel } from "@/lib/audit/labels";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { PersonPicker } from "@/components/plan/person-picker";

export const generateMetadata = adminPageTitle("Audit log");

type Search = Record<string, string | string[] | undefined>;

function firstValues(sp: Search): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(sp)) {
    const s = Array.isArray(v) ? v[0] : v;
    if (typeof s === "string") out[k] = s;
  }
  return out;
}

function query(filter: AuditFilter, cursor?: string): string {
  const q = new URLSearchParams();
  for (const k of ["action", "actor", "person", "from", "to"] as const) if (filter[k]) q.set(k, filter[k]);
  if (cursor) q.set("cursor", cursor);
  const s = q.toString();
  return s ? `?${s}` : "";
}

/** Admins: who did what in this organization, newest first, filterable. Everyone else: 404. */
const FILTER_LABELS: Record<string, string> = { action: "Action", actor: "Who", person: "Who", from: "From", to: "To", cursor: "Page" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const viewer = await requirePageViewer();
  const db = await getDb();
  const parsed = auditFilterSchema.safeParse(firstValues(await searchParams));
  const filter: AuditFilter = parsed.success ? parsed.data : auditFilterSchema.parse({});
  let data: Awaited<ReturnType<typeof listAuditEvents>>;
  let options: Awaited<ReturnType<typeof auditFilterOptions>>;
  let personName: string | null;
  try {
    [data, options, personName] = await Promise.all([
      listAuditEvents(db, viewer, filter),
      auditFilterOptions(db, viewer),
      filter.person ? auditPersonName(db, viewer, filter.person) : null,
    ]);
  } catch (err) {
    if (err instanceof AppError && err.status === 404) notFound();
    throw err;
  }
  const filtered = !!(filter.action || filter.actor || filter.person || filter.from || filter.to);
  // An action never recorded here (a link typed or kept from elsewhere) is still the filter in force: the menu shows it
  // rather than "Any action" above an empty list, and the empty state says why it is empty.
  const neverRecorded = filter.action && !options.actions.includes(filter.action) ? filter.action : null;
  const actionChoices = neverRecorded ? [...options.actions, neverRecorded] : options.actions;

  return (
    <>
        <PageHeader
          title="Audit log"
          description={`Sign-ins, permission denials and changes in ${viewer.orgName}. Times are UTC.`}
        />
        <Card className="mb-6">
          <form method="get" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_auto_auto_auto] lg:items-end" aria-label="Filter the audit log">
            <div className="space-y-1">
              <label htmlFor="f-action" className="block text-sm font-medium">Action</label>
              <select id="f-action" name="action" defaultValue={filter.action ?? ""} className={inputClass}>
                <option value="">Any action</option>
                {actionChoices.map((a) => (
                  <option key={a} value={a}>
                    {auditActionLabel(a)}
                  </option>
                ))}
              </select>
            </div>
            {options.actors ? (
              <div className="space-y-1">
                <label htmlFor="f-actor" className="block text-sm font-medium">Who</label>
                <select id="f-actor" name="actor" defaultValue={filter.actor ?? ""} className={inputClass}>
                  <option value="">Anyone</option>
                  {options.actors.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.name}
                    </option>
                  ))}
                </select>
              </div>
            ) : (
              <div>
                {filter.actor ? <input type="hidden" name="actor" value={filter.actor} /> : null}
                <PersonPicker label="Who" name="person" id="f-person" initial={filter.person && personName ? { id: filter.person, name: personName } : null} hint="Type part of a name; empty for anyone." />
              </div>
            )}
            <div className="space-y-1">
              <label htmlFor="f-from" className="block text-sm font-medium">From</label>
              <input id="f-from" name="from" type="date" defaultValue={filter.from ?? ""} className={inputClass} />
            </div>
            <div className="space-y-1">
              <label htmlFor="f-to" className="block text-sm font-medium">To</label>
              <input id="f-to" name="to" type="date" defaultValue={filter.to ?? ""} className={inputClass} />
            </div>
            <div className="flex gap-2">
              <button type="submit" className={buttonClass("primary")}>
                Filter
              </button>
              {filtered ? (
                <Link href="/admin/audit" className={buttonClass("secondary")}>
                  Clear
                </Link>
              ) : null}
            </div>
          </form>
          {!parsed.success ? (
            <p role="alert" className="mt-3 text-sm text-red-700 dark:text-red-400">
              These filters were ignored, so every event is listed:{" "}
              {parsed.error.issues.map((i) => `${FILTER_LABELS[String(i.path[0])] ?? String(i.path[0])}: ${i.message}`).join(" ")}
            </p>
          ) : null}
        </Card>

        {data.rows.length === 0 ? (
          <EmptyState
            title={filtered ? "No events match these filters" : "Nothing recorded yet"}
            action={filtered ? <Link href="/admin/audit" className={buttonClass("secondary")}>Show all events</Link> : undefined}
          >
            {!filtered
              ? "Sign-ins, permission denials and changes to people and roles appear here as they happen."
              : neverRecorded
                ? `Nothing has been recorded as “${auditActionLabel(neverRecorded)}” in ${viewer.orgName}. Pick an action from the list, or any action.`
                : options.actions.includes("auth.sign_in_failed")
                  ? "Try a wider date range or another action, for example every “Failed sign-in” of the last week."
                  : "Try a wider date range or another action."}
          </EmptyState>
        ) : (
        <>
          <ol className="space-y-2 sm:hidden" aria-label="Audit events, newest first">
            {data.rows.map((r) => (
              <li key={r.id} className="rounded-lg border border-line bg-panel p-3 text-sm">
                <p className="font-medium">{auditActionLabel(r.action)}</p>
                <p>
                  {r.actorName ?? <span className="text-muted">Unknown</span>}
                  {r.targetName ? <span className="text-muted"> → {r.targetName}</span> : null}
                </p>
                <p className="text-xs text-muted">
                  <time dateTime={r.createdAt}>{r.createdAt.slice(0, 19).replace("T", " ")} UTC</time>
                  {r.ip && r.ip !== "direct" ? ` · IP ${r.ip}` : ""}
                </p>
                {Object.keys(r.meta).length ? <p className="mt-1 break-words text-xs text-muted">{auditMetaText(r.meta, data.names)}</p> : null}
              </li>
            ))}
          </ol>
          {/* Focusable and named, as /org's tables: between 640 and ~760 px it scrolls sideways, and a keyboard scrolls only what has focus. */}
          <div className="hidden overflow-x-auto rounded-lg border border-line bg-panel sm:block" tabIndex={0} role="region" aria-label="Audit events">
            <table className="w-full min-w-[44rem] text-left text-sm">
              <caption className="sr-only">Audit events, newest first</caption>
              <thead className="border-b border-line text-xs uppercase tracking-wide text-muted">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">When (UTC)</th>
                  <th scope="col" className="px-3 py-2 font-medium">Who</th>
                  <th scope="col" className="px-3 py-2 font-medium">What</th>
                  <th scope="col" className="px-3 py-2 font-medium">About</th>
                  <th scope="col" className="px-3 py-2 font-medium">Details</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {data.rows.map((r) => (
                  <tr key={r.id} className="align-top">
                    <td className="whitespace-nowrap px-3 py-2 tabular-nums">
                      <time dateTime={r.createdAt}>{r.createdAt.slice(0, 19).replace("T", " ")}</time>
                    </td>
                    <td className="px-3 py-2">
                      {r.actorName ? (
                      <>
                          <span className="font-medium">{r.actorName}</span>
                          <span className="block text-xs text-muted">{r.actorEmail}</span>
                      </>
                    ) : (
                      <span className="text-muted">Unknown</span>
                    )}
                  </td>
                  <td className="px-3 py-2">{auditActionLabel(r.action)}</td>
                  <td className="px-3 py-2">
                    {r.targetName ?? (r.targetType ? <span className="text-muted">{auditTargetLabel(r.targetType)}</span> : <span className="text-muted">—</span>)}
                  </td>
                  <td className="max-w-xs break-words px-3 py-2 text-xs text-muted">
                    {auditMetaText(r.meta, data.names)}
                    {r.ip && r.ip !== "direct" ? <span className="block">IP {r.ip}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        </>
      )}
      <nav aria-label="Audit log pages" className="mt-4 flex gap-2">
        {filter.cursor ? (
          <Link href={`/admin/audit${query(filter)}`} className={buttonClass("secondary", "sm")}>
            Newest
          </Link>
        ) : null}
        {data.nextCursor ? (
          <Link href={`/admin/audit${query(filter, data.nextCursor)}`} className={buttonClass("secondary", "sm")}>
            Older events
          </Link>
        ) : null}
      </nav>
    </>
  );
}
