import type { Metadata } from "next";
import Link from "next/link";
import { decideAccess } from "@/lib/policy/rules";
import { readRoleHistory } from "@/lib/people/role-history";
import { activeReportCount, memberOptions } from "@/lib/people/structure";
import { signInStatus } from "@/lib/people/sign-in-status";
import { explainRisk, radarForPerson, RISK_RULE_TEXT } from "@/lib/radar";
import { roleStartNote } from "@/lib/radar/team-card";
import { formatDate } from "@/lib/radar/format";
import { formatMonths } from "@/lib/radar/months";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { FlagList, RiskBadge } from "@/components/radar/risk";
import { PersonPulse } from "@/components/pulse/person-pulse";
import { PersonOneOnOnes } from "@/components/one-on-ones/person-summary";
import { PlanGlanceView } from "@/components/plan/plan-glance";
import { lastAndNext } from "@/lib/meetings/summary";
import { planGlance } from "@/lib/plan/glance";
import { auditPulseRead, readPulseForPage } from "@/lib/pulse/checkins";
import { RoleTimeline } from "./_components/role-timeline";
import { RotationsPanel } from "./_components/rotations-panel";
import { AdminPanel } from "./_components/admin-panel";
import { TimelineAheadNotice } from "./_components/timeline-ahead";
import { entryForPage, relationForPage } from "./person-for-page";
import { timelineAhead } from "@/lib/people/timeline-title";

/** Named after the person, as the heading is: several people's pages open in tabs read "Person · Reignite" alike. */
export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: (await entryForPage((await params).id)).name };
}

export default async function PersonPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { viewer, db, rel } = await relationForPage(id);
  const canReadHistory = decideAccess("roleHistory", "read", rel) === "allow";
  const canWriteHistory = decideAccess("roleHistory", "write", rel) === "allow";
  const canReadFlags = decideAccess("flags", "read", rel) === "allow";
  const isAdmin = decideAccess("directory", "write", rel) === "allow";

  // The reads are independent: run them all at once (each checks what it reads against `rel`),
  // so the page waits for one round of statements, and renders without suspending.
  // One instant for the page, so the flags and the plan glance share one radar read.
  const now = new Date();
  const [person, radar, history, managers, pair, glance, pulse, signIn, reports] = await Promise.all([
    entryForPage(id),
    canReadFlags ? radarForPerson(db, viewer, id, rel, now) : null,
    canReadHistory ? readRoleHistory(db, viewer, id, rel) : { events: [], rotations: [], winsByRotation: null },
    isAdmin ? memberOptions(db, viewer.orgId) : null,
    lastAndNext(db, viewer, id, rel),
    planGlance(db, viewer, id, rel, now),
    readPulseForPage(db, viewer, id, rel),
    isAdmin && viewer.role === "admin" ? signInStatus(db, viewer, id) : null,
    isAdmin ? activeReportCount(db, viewer.orgId, id) : 0,
  ]);
  // Audited once the page is sure to be shown: read beside entryForPage, whose 404 (a deactivated person, to anyone
  // but an admin) came after the answers were logged as viewed.
  if (pulse) await auditPulseRead(viewer, id, "page");
  const { events, rotations: rots, winsByRotation } = history;
  // Those who write the timeline or the directory are told when the two disagree (a manager recorded a promotion).
  const ahead = canWriteHistory || isAdmin ? timelineAhead(events, person, now.toISOString().slice(0, 10)) : null;

  return (
    <div className="space-y-6">
      <PageHeader
        title={person.name}
        description={
          <>
            {person.deactivated ? (
              // Said first: the page of someone deactivated otherwise read like anyone's, with a "No flags" badge.
              <span className="mb-1 block font-medium text-ink">
                Deactivated: no access to {viewer.orgName} until an admin reactivates them (at the bottom of this page).
              </span>
            ) : null}
            {person.title || "No title"}
            {person.team ? ` · ${person.team}` : ""}
            {person.managerId ? (
              <>
                {" · reports to "}
                {person.managerDeactivated && viewer.role !== "admin" ? (
                  // Only admins can open a deactivated member's page; anyone else would get a 404.
                  person.managerName
                ) : (
                  <Link href={`/people/${person.managerId}`} className="underline">
                    {person.managerName}
                  </Link>
                )}
                {person.managerDeactivated ? " (deactivated)" : null}
              </>
            ) : null}
            {radar ? (
              <span className="block">
                {radar.roleStartRecorded
                  ? `In current role since ${formatDate(radar.roleSince)} (${formatMonths(radar.monthsInRole)})`
                  : `${roleStartNote(radar)}${canWriteHistory ? " Add a role event dated when they started in this role, below." : ""}`}
              </span>
            ) : null}
          </>
        }
        actions={person.deactivated ? <Badge tone="neutral">Deactivated</Badge> : radar ? <RiskBadge risk={radar.risk} /> : null}
      />

      {radar ? (
        <Card>
          <h2 className="text-lg font-semibold">{rel.self ? "Your flags" : "Flags"}</h2>
          {radar.flags.length ? (
            <div className="mt-2 space-y-3">
              <p className="text-sm">
                <span className="font-medium">Why: </span>
                {explainRisk(radar.risk, radar.flags)}
              </p>
              <FlagList flags={radar.flags} self={rel.self} />
              <p className="text-xs text-muted">{RISK_RULE_TEXT}</p>
            </div>
          ) : (
            <p className="mt-1 text-sm text-muted">No flags right now.</p>
          )}
        </Card>
      ) : null}

      {ahead ? (
        <TimelineAheadNotice
          personId={id}
          ahead={ahead}
          directory={{ title: person.title, team: person.team }}
          admin={isAdmin}
          dates={{ title: ahead.title ? formatDate(ahead.title.since) : undefined, team: ahead.team ? formatDate(ahead.team.since) : undefined }}
        />
      ) : null}

      {canReadHistory ? (
        <div className="grid gap-6 lg:grid-cols-2">
          <Card>
            <h2 className="mb-3 text-lg font-semibold">Role timeline</h2>
            <RoleTimeline
              personId={id}
              canEdit={canWriteHistory}
              deactivatedName={person.deactivated ? person.name : undefined}
              events={events.map((e) => ({ ...e, dateLabel: formatDate(e.effectiveOn) }))}
            />
          </Card>
          <Card>
            <h2 className="mb-3 text-lg font-semibold">Rotations</h2>
            <RotationsPanel
              personId={id}
              canEdit={canWriteHistory}
              deactivatedName={person.deactivated ? person.name : undefined}
              self={rel.self}
              rotations={rots.map((r) => ({
                id: r.id,
                host: r.host,
                status: r.status,
                learningGoal: r.learningGoal,
                version: r.version,
                startOn: r.startOn,
                plannedEndOn: r.plannedEndOn,
                startLabel: formatDate(r.startOn),
                plannedEndLabel: r.plannedEndOn ? formatDate(r.plannedEndOn) : null,
                endedLabel: r.endedOn ? formatDate(r.endedOn) : null,
                linkedWins: winsByRotation ? (winsByRotation[r.id] ?? 0) : null,
              }))}
            />
          </Card>
        </div>
      ) : null}

      {pair ? <PersonOneOnOnes summary={pair} personId={id} self={rel.self} /> : null}
      {glance ? <PlanGlanceView glance={glance} personId={id} self={rel.self} showFlags={false} /> : null}
      {pulse ? <PersonPulse points={pulse} self={rel.self} firstName={person.name.split(" ")[0] ?? person.name} /> : null}

      {!radar && !canReadHistory && !pair && !glance && !pulse && !isAdmin ? (
        // A colleague outside the viewer's line: the page was the header alone, with nothing to say why.
        <Card>
          <h2 className="text-lg font-semibold">Directory entry</h2>
          <p className="mt-1 text-sm text-muted">
            You see a colleague&apos;s name, title, team and manager. Their growth plan, 1:1s and flags are seen only by
            them and the managers above them.
          </p>
        </Card>
      ) : null}

      {isAdmin ? (
        <Card>
          <h2 className="mb-3 text-lg font-semibold">Admin: reporting line and role</h2>
          {signIn && !signIn.hasSignIn ? (
            <p className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
              <span className="font-medium">No sign-in yet:</span> {person.name} has no password, so cannot sign in
              {signIn.invitedUntil ? `; an invitation is pending until ${formatDate(signIn.invitedUntil)}.` : ". "}
              {signIn.invitedUntil ? null : (
                // Only the id: an email or a name in the URL would stay in browser history, server logs and Referer headers.
                <Link href={`/admin/people?invite=${id}#invite`} className="underline">
                  Invite {person.name}
                </Link>
              )}
            </p>
          ) : null}
          <AdminPanel
            personId={id}
            name={person.name}
            orgName={viewer.orgName}
            title={person.title}
            team={person.team}
            managerId={person.managerId}
            managerName={person.managerName}
            managers={managers}
            deactivated={person.deactivated}
            isSelf={rel.self}
            role={person.role}
            reports={reports}
          />
        </Card>
      ) : null}
    </div>
  );
}
