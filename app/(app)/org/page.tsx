import { adminPageTitle } from "@/lib/shell/admin-page-title";
import Link from "next/link";
import { getDb } from "@/db/client";
import { pageParam, textParam } from "@/lib/http/search-params";
import { requirePageViewer } from "@/lib/auth/viewer";
import { notFound } from "next/navigation";
import { decideAccess } from "@/lib/policy/rules";
import { explainRisk, RISK_RULE_TEXT } from "@/lib/radar";
import { orgAggregates, radarForOrg } from "@/lib/radar/org";
import { formatMonths } from "@/lib/radar/months";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { OpenSignalsBanner } from "@/components/stuck/open-signals-banner";
import { inputClass } from "@/components/ui/field";
import { RiskBadge } from "@/components/radar/risk";
import { TimeInRoleChart } from "@/components/radar/time-in-role-chart";
import { OrgPulseTable } from "@/components/radar/org-pulse-table";
import { FLAG_LABELS } from "@/lib/radar/team-view";
import { closeTeamName } from "@/lib/radar/team-names";

export const generateMetadata = adminPageTitle("Org insights");

/** Team rows per page (teams table and pulse table alike): a large org has hundreds of teams; the totals row always covers all of them. */
const TEAMS_PER_PAGE = 25;
/** Up to this many teams the filter is a select; beyond it, a text field (the table's team names also link to the filter). */
const MAX_TEAM_OPTIONS = 100;

const pct = (n: number, d: number) => (d ? `${Math.round((n / d) * 100)}%` : "—");

export default async function OrgPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePageViewer();
  if (decideAccess("orgAdmin", "read", { sameOrg: true, self: false, manager: false, skipLevel: false, admin: viewer.role === "admin" }) !== "allow") notFound();
  const db = await getDb();
  const sp = await searchParams;
  const page = pageParam(sp.page);
  const team = textParam(sp.team, 200) || undefined;
  const teamPageAsked = pageParam(sp.tpage);
  const pulsePageAsked = pageParam(sp.ppage);
  const [radar, agg] = await Promise.all([radarForOrg(db, viewer, { page, pageSize: 50, team, lastPageIfPast: true }), orgAggregates(db, viewer)]);
  const s = radar.settings;
  // A typed team that matches none exactly: the one it names, but for capitals and spaces, if any (offered, not assumed).
  const likeTeam = team && radar.people.length === 0 ? closeTeamName(team, agg.teams.map((t) => t.team)) : null;
  const teamPages = Math.max(1, Math.ceil(agg.teams.length / TEAMS_PER_PAGE));
  const teamPage = Math.min(teamPageAsked, teamPages);
  const teamRows = agg.teams.slice((teamPage - 1) * TEAMS_PER_PAGE, teamPage * TEAMS_PER_PAGE);
  const pulsePages = Math.max(1, Math.ceil(agg.pulse.teams.length / TEAMS_PER_PAGE));
  const pulsePage = Math.min(pulsePageAsked, pulsePages);
  const pulseRows = agg.pulse.teams.slice((pulsePage - 1) * TEAMS_PER_PAGE, pulsePage * TEAMS_PER_PAGE);
  const teamColumns = ["People", "Avg. in role", `Past ${s.roleWarningMonths} mo`, "Rotation", "Stretch goal"];
  const link = (over: Record<string, string | undefined>) => {
    const q = new URLSearchParams();
    const merged = { team, page: String(page), tpage: String(teamPage), ppage: String(pulsePage), ...over };
    for (const [k, v] of Object.entries(merged)) if (v && !((k === "page" || k === "tpage" || k === "ppage") && v === "1")) q.set(k, v);
    const str = q.toString();
    return str ? `/org?${str}` : "/org";
  };

  return (
    <>
      <PageHeader
        title="Org insights"
        description={`${agg.total.people} ${agg.total.people === 1 ? "person" : "people"} · ${pct(agg.total.pastWarning, agg.total.people)} in the same role for ${s.roleWarningMonths}+ months · ${pct(agg.total.withRotation, agg.total.people)} on a rotation · ${pct(agg.total.withStretchGoal, agg.total.people)} with an active stretch goal`}
        actions={<Link href="/settings" className={buttonClass("secondary")}>Thresholds</Link>}
      />
      <div className="space-y-6">
        {/* An admin's home: signals whose employee chose to include HR wait here too, not only on /signals. */}
        <div className="empty:hidden">
          <OpenSignalsBanner viewer={viewer} />
        </div>
        {agg.total.people <= 1 ? (
          // A new organization (npm run org:create) is its first admin alone: say what comes first.
          <EmptyState
            title="Add your people to get started"
            action={<Link href="/admin/people" className={buttonClass("primary")}>Invite or import people</Link>}
          >
            Invite colleagues one by one, or import everyone at once from a CSV (email, name, title, team, manager email, role start date). With reporting lines in place, managers see their team&apos;s radar and hold 1:1s; these insights fill in as people use Reignite.
          </EmptyState>
        ) : null}
        <Card>
          <h2 id="org-teams" className="mb-3 text-lg font-semibold">Teams</h2>
          {/* On a phone each team stacks into a block of named numbers (the header row is hidden there): six columns
              scrolled sideways in a third of their width, with nothing to say they did. Explicit roles keep the table
              semantics that browsers may drop from restyled table elements; the cells' styles are component classes
              (agg-*, app/globals.css), as for the subtree table. Focusable for keyboard scrolling where it is wider. */}
          <div className="sm:overflow-x-auto" tabIndex={0} role="region" aria-labelledby="org-teams">
            <table role="table" className="block w-full text-left text-sm sm:table">
              <caption className="sr-only">Team aggregates of current members: time in role, share past the threshold, participation</caption>
              <thead className="hidden border-b border-line text-muted sm:table-header-group">
                <tr>
                  <th scope="col" className="px-2 py-2 font-medium">Team</th>
                  {teamColumns.map((c) => (
                    <th key={c} scope="col" className="px-2 py-2 text-right font-medium">{c}</th>
                  ))}
                </tr>
              </thead>
              <tbody className="block sm:table-row-group">
                {[...teamRows, agg.total].map((t) => (
                  <tr key={t.team} role="row" className={`agg-row ${t === agg.total ? "font-semibold" : ""}`}>
                    <th scope="row" role="rowheader" className="agg-team">
                      {t === agg.total ? t.team : <Link href={`/org?team=${encodeURIComponent(t.team)}`} className="hover:underline">{t.team}</Link>}
                    </th>
                    {[
                      t.people,
                      formatMonths(Math.round(t.avgMonthsInRole)),
                      `${t.pastWarning} (${pct(t.pastWarning, t.people)})`,
                      pct(t.withRotation, t.people),
                      pct(t.withStretchGoal, t.people),
                    ].map((value, i) => (
                      <td key={teamColumns[i]} role="cell" className="agg-cell">
                        <span className="agg-name">{teamColumns[i]}</span>
                        {value}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {teamPages > 1 ? (
            <nav aria-label="Team pages" className="mt-3 flex flex-wrap items-center justify-between gap-2 text-sm">
              <span className="text-muted">
                {agg.teams.length} teams · page {teamPage} of {teamPages}
              </span>
              <span className="flex gap-2">
                {teamPage > 1 ? <Link href={link({ tpage: String(teamPage - 1) })} className={buttonClass("secondary", "sm")}>Previous teams</Link> : null}
                {teamPage < teamPages ? <Link href={link({ tpage: String(teamPage + 1) })} className={buttonClass("secondary", "sm")}>Next teams</Link> : null}
              </span>
            </nav>
          ) : null}
          <div className="mt-4">
            <TimeInRoleChart
              title={teamPages > 1 ? "Average time in role by team (teams on this page)" : "Average time in role by team"}
              bars={teamRows.map((t) => ({ label: t.team, months: Math.round(t.avgMonthsInRole) }))}
              notice={s.roleNoticeMonths}
              warning={s.roleWarningMonths}
            />
          </div>
        </Card>

        <Card>
          <OrgPulseTable
            pulse={agg.pulse}
            teams={pulseRows}
            nav={
              pulsePages > 1 ? (
                <nav aria-label="Pulse team pages" className="mt-3 flex flex-wrap items-center justify-between gap-2 text-sm">
                  <span className="text-muted">
                    {agg.pulse.teams.length} teams · page {pulsePage} of {pulsePages}
                  </span>
                  <span className="flex gap-2">
                    {pulsePage > 1 ? <Link href={link({ ppage: String(pulsePage - 1) })} className={buttonClass("secondary", "sm")}>Previous pulse teams</Link> : null}
                    {pulsePage < pulsePages ? <Link href={link({ ppage: String(pulsePage + 1) })} className={buttonClass("secondary", "sm")}>Next pulse teams</Link> : null}
                  </span>
                </nav>
              ) : null
            }
          />
        </Card>

        <Card>
          <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
            <h2 id="org-radar" className="text-lg font-semibold">Radar{team ? `: ${team}` : ""}</h2>
            <form method="get" action="/org" className="flex items-end gap-2">
              <div className="text-sm">
              <label htmlFor="org-team" className="block font-medium">Team</label>
              {agg.teams.length <= MAX_TEAM_OPTIONS ? (
                <select id="org-team" name="team" defaultValue={team ?? ""} className={inputClass}>
                  <option value="">All teams</option>
                  {agg.teams.map((t) => (
                    <option key={t.team} value={t.team}>{t.team}</option>
                  ))}
                </select>
              ) : (
                <>
                  {/* The browser suggests the organization's team names as they type (no script needed). */}
                  <input id="org-team" name="team" list="org-team-names" defaultValue={team ?? ""} placeholder="Team name, empty for all" autoComplete="off" className={inputClass} />
                  <datalist id="org-team-names">
                    {agg.teams.map((t) => (
                      <option key={t.team} value={t.team} />
                    ))}
                  </datalist>
                </>
              )}
              </div>
              <button type="submit" className={buttonClass("secondary")}>Show</button>
            </form>
          </div>
          <p className="mb-3 text-xs text-muted">
            Admins see flags from role history, rotations, goals, learning, skills and 1:1 dates; pulse- and stuck-derived flags stay with the person and their manager. {RISK_RULE_TEXT}
          </p>
          {radar.people.length === 0 && team ? (
            // Past 100 teams the filter is typed, so a slip of the keyboard lands here: not an empty organization.
            <EmptyState
              title={`No one is in a team named “${team}”`}
              action={
                <div className="flex flex-wrap justify-center gap-2">
                  {likeTeam ? (
                    <Link href={link({ team: likeTeam, page: undefined })} className={buttonClass("primary")}>
                      Show team “{likeTeam}”
                    </Link>
                  ) : null}
                  <Link href={link({ team: undefined, page: undefined })} className={buttonClass("secondary")}>Show all teams</Link>
                </div>
              }
            >
              {likeTeam ? `Did you mean “${likeTeam}”? Team names are matched exactly, capitals included.` : "Team names are matched exactly, capitals included. Pick one from the suggestions or the Teams table above."}
            </EmptyState>
          ) : radar.people.length === 0 ? (
            <EmptyState title="No people here yet" action={<Link href="/admin/people" className={buttonClass("primary")}>Invite or import people</Link>}>
              Import your HR system&apos;s CSV (email, name, title, team, manager email, role start date) to see the radar.
            </EmptyState>
          ) : (
            // Focusable, as the tables above: on a narrow phone it scrolls sideways, and a keyboard can scroll only what has focus.
            <div className="overflow-x-auto" tabIndex={0} role="region" aria-labelledby="org-radar">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">People, page {radar.page} of {radar.pages}</caption>
                <thead className="border-b border-line text-muted">
                  <tr>
                    <th scope="col" className="px-2 py-2 font-medium">Name</th>
                    <th scope="col" className="hidden px-2 py-2 font-medium md:table-cell">Team</th>
                    <th scope="col" className="px-2 py-2 text-right font-medium">In role</th>
                    <th scope="col" className="px-2 py-2 font-medium">Risk</th>
                    <th scope="col" className="hidden px-2 py-2 font-medium sm:table-cell">Why</th>
                  </tr>
                </thead>
                <tbody>
                  {radar.people.map((p) => (
                    <tr key={p.id} className="border-b border-line align-top last:border-0">
                      <td className="px-2 py-2">
                        <Link href={`/people/${p.id}`} className="font-medium hover:underline">{p.name}</Link>
                        <span className="block text-xs text-muted">{p.title}</span>
                        {p.flags.length ? (
                          <span className="mt-0.5 block text-xs sm:hidden">Why: {p.flags.map((f) => FLAG_LABELS[f.code]).join(", ")}</span>
                        ) : null}
                      </td>
                      <td className="hidden px-2 py-2 md:table-cell">{p.team}</td>
                      <td className="whitespace-nowrap px-2 py-2 text-right tabular-nums">{formatMonths(p.monthsInRole)}</td>
                      <td className="px-2 py-2"><RiskBadge risk={p.risk} /></td>
                      <td className="hidden px-2 py-2 sm:table-cell">
                        {p.flags.length ? (
                          <span title={p.flags.map((f) => f.reason).join("\n")}>
                            {explainRisk(p.risk, p.flags)} <span className="text-muted">({p.flags.map((f) => FLAG_LABELS[f.code]).join(", ")})</span>
                          </span>
                        ) : (
                          <span className="text-muted">—</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <nav aria-label="Pages" className="mt-3 flex items-center justify-between text-sm">
            <span className="text-muted">{radar.total} {radar.total === 1 ? "person" : "people"} · page {radar.page} of {radar.pages}</span>
            <span className="flex gap-2">
              {radar.page > 1 ? <Link href={link({ page: String(radar.page - 1) })} className={buttonClass("secondary", "sm")}>Previous</Link> : null}
              {radar.page < radar.pages ? <Link href={link({ page: String(radar.page + 1) })} className={buttonClass("secondary", "sm")}>Next</Link> : null}
            </span>
          </nav>
        </Card>
      </div>
    </>
  );
}
