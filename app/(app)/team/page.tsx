import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { requirePageViewer } from "@/lib/auth/viewer";
import { enforce } from "@/lib/policy";
import { getRadarSettings, isSkipLevelManager, radarForManager, radarSubtree, RISK_RULE_TEXT, type RadarSummaryPerson } from "@/lib/radar";
import { filterRadar, pageOf, parseTeamQuery, sortRadar, type TeamQuery } from "@/lib/radar/team-view";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { TeamCards } from "@/components/radar/team-cards";
import { TeamFilters } from "@/components/radar/team-filters";
import { subtreeRow, teamCard } from "@/lib/radar/team-card";
import { countOf } from "@/lib/radar/format";
import { SubtreeTable } from "@/components/radar/subtree-table";
import { TenureHistogram } from "@/components/radar/tenure-histogram";
import { TimeInRoleChart } from "@/components/radar/time-in-role-chart";
import { shortNames } from "@/lib/radar/short-names";
import { tenureBuckets } from "@/lib/radar/tenure-buckets";
import { OpenSignalsBanner } from "@/components/stuck/open-signals-banner";

export const metadata: Metadata = { title: "Team" };

/** The people matching the filters, in the chosen order, and the page of them to show. */
function listPage<T extends RadarSummaryPerson>(all: T[], q: TeamQuery) {
  const matching = sortRadar(filterRadar(all, q), q.sort);
  return { matching, ...pageOf(matching, q.page) };
}

export default async function TeamPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePageViewer();
  const db = await getDb();
  const q = parseTeamQuery(await searchParams);
  // Answered from the viewer, read this request: no statement.
  const skip = await isSkipLevelManager(db, viewer);
  const subtree = q.subtree && skip;
  // Independent reads in parallel; the settings are read once for the radar and the aside.
  // A subtree (hundreds of people) is read in the compact shape its table needs.
  const settingsP = getRadarSettings(db, viewer);
  const [found, settings] = await Promise.all([
    subtree
      ? radarSubtree(db, viewer, { settings: settingsP }).then((all) => ({ subtree: true as const, all }))
      : radarForManager(db, viewer, { settings: settingsP }).then((all) => ({ subtree: false as const, all })),
    settingsP,
  ]);
  // Every row is the viewer's report (depth 1) or further down (skip-level): checked against the policy all the same.
  for (const p of found.all) {
    enforce(viewer, "flags", "read", { sameOrg: true, self: false, manager: p.depth === 1, skipLevel: p.depth > 1, admin: viewer.role === "admin" });
  }
  const all: RadarSummaryPerson[] = found.all;
  const teams = [...new Set(all.map((p) => p.team).filter(Boolean))].sort();
  // Counts, filters and the chart use everyone; the cards are rendered a page at a time (a subtree can be hundreds).
  const listed = found.subtree ? { subtree: true as const, ...listPage(found.all, q) } : { subtree: false as const, ...listPage(found.all, q) };
  const { matching, page, pages } = listed;
  const filtered = Boolean(q.flag || q.team);
  const atRisk = all.filter((p) => p.risk === "at_risk").length;
  const watch = all.filter((p) => p.risk === "watch").length;
  const href = (over: Record<string, string | null>) => {
    const sp = new URLSearchParams();
    const merged = { view: subtree ? "subtree" : null, sort: q.sort === "risk" ? null : q.sort, flag: q.flag, team: q.team, page: null, ...over };
    for (const [k, v] of Object.entries(merged)) if (v) sp.set(k, v);
    const s = sp.toString();
    return s ? `/team?${s}` : "/team";
  };

  if (!all.length && !q.subtree) {
    return (
      <>
        <PageHeader title="Your team" description="The rust-out radar for the people you manage." />
        <EmptyState
          title="No one reports to you yet"
          action={
            <Link href="/people" className={buttonClass("primary")}>
              Open the people directory
            </Link>
          }
        >
          When an admin sets you as someone&apos;s manager (on their page in People, or with a CSV import), they appear here with
          their time in role and any signs of rust out, each with its reason — for example, that someone has been in the same role
          for more than {countOf(settings.roleWarningMonths, "month")}, your organization&apos;s threshold.
        </EmptyState>
      </>
    );
  }

  return (
    <>
      <PageHeader
        title={subtree ? "Your organization" : "Your team"}
        description={`${subtree ? `${countOf(all.length, "person", "people")} in your subtree` : countOf(all.length, "direct report")} · ${atRisk} at risk · ${watch} to watch`}
        actions={
          skip ? (
            <nav aria-label="Team view" className="flex gap-1 rounded-md border border-line p-1">
              <Link href={href({ view: null, team: null })} aria-current={!subtree ? "page" : undefined} className={buttonClass(!subtree ? "primary" : "ghost", "sm")}>
                Direct reports
              </Link>
              <Link href={href({ view: "subtree", team: null })} aria-current={subtree ? "page" : undefined} className={buttonClass(subtree ? "primary" : "ghost", "sm")}>
                Whole subtree
              </Link>
            </nav>
          ) : null
        }
      />

      <div className="mb-4 empty:hidden">
        <OpenSignalsBanner viewer={viewer} />
      </div>

      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        {/* min-w-0: a grid item is as wide as its content by default, so at 640 px (a 1280 px screen zoomed to 200 %) the subtree table widened the page instead of scrolling in its region. */}
        <div className="min-w-0 space-y-4">
          <TeamFilters
            subtree={subtree}
            sort={q.sort}
            flag={q.flag}
            team={q.team}
            teams={teams}
            clearHref={filtered || q.sort !== "risk" ? href({ sort: null, flag: null, team: null }) : null}
          />

          {listed.items.length === 0 ? (
            <EmptyState title="No one matches these filters" action={<Link href={href({ flag: null, team: null })} className={buttonClass("secondary")}>Show everyone</Link>}>
              {subtree && (q.flag === "pulse_worsening" || q.flag === "stuck_unacknowledged")
                ? "This flag shows only where you may see what it comes from: pulse answers of your direct reports, and “I feel stuck” signals sent to you. Others in your subtree may have it. "
                : null}
              Try another flag, or clear the filters.
            </EmptyState>
          ) : listed.subtree ? (
            <SubtreeTable people={listed.items.map((p) => subtreeRow(p))} caption={`${countOf(matching.length, "person", "people")} ${filtered ? (matching.length === 1 ? "matches" : "match") + " the filters" : "in your subtree"}, page ${page} of ${pages}`} />
          ) : (
            <>
              {/* The header counts the whole team: say how many of them the filters leave. */}
              {filtered ? (
                <p className="text-sm text-muted">
                  {matching.length} of {countOf(all.length, "direct report")} {matching.length === 1 ? "matches" : "match"} the filters.
                </p>
              ) : null}
              <TeamCards cards={listed.items.map((p) => teamCard(p))} />
            </>
          )}
          {pages > 1 ? (
            <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-2 text-sm">
              <span className="text-muted">
                {countOf(matching.length, "person", "people")} · page {page} of {pages}
              </span>
              <span className="flex gap-2">
                {page > 1 ? (
                  <Link href={href({ page: page > 2 ? String(page - 1) : null })} className={buttonClass("secondary", "sm")}>
                    Previous
                  </Link>
                ) : null}
                {page < pages ? (
                  <Link href={href({ page: String(page + 1) })} className={buttonClass("secondary", "sm")}>
                    Next
                  </Link>
                ) : null}
              </span>
            </nav>
          ) : null}
        </div>

        <aside className="space-y-4">
          <Card>
            {/* The chart follows the filters, as the list does: a director who filtered to one team sees that team's. */}
            {filtered && !matching.length ? (
              <p className="text-sm text-muted">No one matches the filters, so there is no time in role to chart.</p>
            ) : subtree ? (
              // Hundreds of people: the distribution, not a bar each.
              <TenureHistogram
                buckets={tenureBuckets(matching.map((p) => p.monthsInRole), settings.roleNoticeMonths, settings.roleWarningMonths)}
                notice={settings.roleNoticeMonths}
                warning={settings.roleWarningMonths}
                title={filtered ? `The ${countOf(matching.length, "person", "people")} matching the filters, by time in current role` : undefined}
              />
            ) : (
              <TimeInRoleChart
                bars={chartBars(sortRadar(matching, "months").slice(0, 30))}
                notice={settings.roleNoticeMonths}
                warning={settings.roleWarningMonths}
                title={filtered ? `Time in current role, the ${countOf(matching.length, "person", "people")} matching the filters` : undefined}
                narrow
              />
            )}
          </Card>
          <Card>
            <h2 className="text-sm font-semibold">How is risk decided?</h2>
            <p className="mt-1 text-sm text-muted">{RISK_RULE_TEXT}</p>
            <p className="mt-2 text-xs text-muted">
              Thresholds: role notice at {settings.roleNoticeMonths} months, warning at {settings.roleWarningMonths}; learning gap after{" "}
              {settings.learningGapMonths} months; 1:1 overdue after 1.5 × the cadence.
            </p>
          </Card>
        </aside>
      </div>
    </>
  );
}

/** The sidebar chart's bars: first names and an initial where the column is too narrow for whole names. */
function chartBars(people: { name: string; monthsInRole: number }[]) {
  const short = shortNames(people.map((p) => p.name));
  return people.map((p, i) => ({ label: p.name, short: short[i], months: p.monthsInRole }));
}
