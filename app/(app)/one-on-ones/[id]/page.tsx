import type { Metadata } from "next";
import Link from "next/link";
import { meetingDetailFor } from "@/lib/meetings/detail";
import { prepBrief } from "@/lib/meetings/prep";
import { suggestTalkingPoints } from "@/lib/meetings/suggestions";
import { lastAndNext } from "@/lib/meetings/summary";
import { strandedTalkingPoints } from "@/lib/meetings/bring-along";
import { loadTrend } from "@/lib/pulse/checkins";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { BringAlong } from "@/components/one-on-ones/bring-along";
import { LocalTime } from "@/components/one-on-ones/local-time";
import { MeetingControls } from "@/components/one-on-ones/meeting-controls";
import { MeetingStatusNote } from "@/components/one-on-ones/meeting-status-note";
import { MovedOnList } from "@/components/one-on-ones/moved-on-list";
import { NoteEditor } from "@/components/one-on-ones/note-editor";
import { PrepBriefCard } from "@/components/one-on-ones/prep-brief";
import { LiveRefresh } from "@/components/one-on-ones/live-refresh";
import { meetingFingerprint } from "@/lib/meetings/fingerprint";
import { PULSE_ANSWERED_ID, PulseForm } from "@/components/pulse/pulse-form";
import { ArrivalTarget } from "@/components/ui/arrival-target";
import { PulseThisWeek } from "@/components/pulse/pulse-this-week";
import { ActionItems } from "./_components/action-items";
import { Agenda } from "./_components/agenda";
import { CheckInForm } from "./_components/check-in-form";
import { meetingForPage } from "./meeting-for-page";

/** Named after the other person, as the heading is: five open 1:1 tabs read "1:1 · Reignite" alike. */
export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { viewer, access } = await meetingForPage((await params).id);
  return { title: `1:1 with ${viewer.personId === access.meeting.reportId ? access.names.manager : access.names.report}` };
}

const STATUS: Record<string, { label: string; tone: "info" | "good" | "neutral" }> = {
  scheduled: { label: "Scheduled", tone: "info" },
  held: { label: "Held", tone: "good" },
  cancelled: { label: "Cancelled", tone: "neutral" },
};

export default async function MeetingPage({ params }: { params: Promise<{ id: string }> }) {
  const { viewer, db, access } = await meetingForPage((await params).id);
  const now = new Date();
  const forSelf = access.rel.self;
  // The prep brief is computed from the person's data as it is now: on a 1:1 that took place or was called off it
  // read as that 1:1's ("your last 1:1 was 35 days ago" under July's 1:1), so only a 1:1 still to come has one.
  const toCome = access.meeting.status === "scheduled";
  // Authorized once; everything below is independent and read in parallel.
  const [detail, brief, ownTrend, pair, stranded] = await Promise.all([
    meetingDetailFor(db, viewer, access),
    toCome ? prepBrief(db, viewer, access, now) : Promise.resolve(null),
    forSelf ? loadTrend(db, viewer.orgId, viewer.personId, 2) : Promise.resolve([]),
    access.meeting.status === "scheduled" || access.withFormerManager ? Promise.resolve(null) : lastAndNext(db, viewer, access.meeting.reportId, access.rel),
    // Only on a closed 1:1 with a former manager, for the employee: no statement on any other 1:1 page.
    access.withFormerManager && forSelf && access.meeting.status !== "scheduled" ? strandedTalkingPoints(db, viewer, access) : Promise.resolve(null),
  ]);
  const { access: _access, ...m } = detail;
  const nextMeeting = pair?.next && pair.next.id !== m.id ? pair.next : null;
  const suggestions = brief
    ? suggestTalkingPoints(
        brief.flags.map((f) => f.code),
        m.agenda,
      )
    : [];
  const names = { [m.manager.id]: m.manager.name, [m.report.id]: m.report.name };
  const people = [m.report, m.manager];
  const editable = m.status !== "cancelled";
  const shared = m.notes.find((n) => n.visibility === "shared") ?? null;
  const extraShared = m.notes.filter((n) => n.visibility === "shared" && n.id !== shared?.id);
  // Only the viewer's own private note is ever loaded (see listNotes).
  const mine = m.notes.find((n) => n.visibility === "private" && n.authorId === viewer.personId) ?? null;
  const other = forSelf ? m.manager : m.report;
  // A 1:1 with a former manager is a record: new items belong with the current manager, not on "the next 1:1" of this pair.
  const addTo = access.withFormerManager ? "a 1:1 with your current manager" : "the next 1:1";
  const backHref = forSelf ? "/me/one-on-ones" : `/people/${m.report.id}/one-on-ones`;
  // Scheduled with a manager who has since been deactivated: nothing is cancelled (a reactivation brings it back),
  // but as things stand it will not take place, and the page says so rather than showing an ordinary upcoming 1:1.
  const onHold = m.status === "scheduled" && access.managerDeactivated;
  const closed = m.status === "scheduled" ? null : m.status;
  const title = <>1:1 with {other.name}</>;
  const description = (
    <>
      <LocalTime iso={m.scheduledAt} /> ·{" "}
      {onHold ? <Badge tone="watch">Scheduled · won&apos;t take place</Badge> : <Badge tone={STATUS[m.status]!.tone}>{STATUS[m.status]!.label}</Badge>} ·{" "}
      <Link href={backHref} className="underline">
        All 1:1s
      </Link>
    </>
  );

  return (
    <div className="space-y-6">
      {/* Held, moved or cancelled with someone who cannot sign in: none of it would be true, so none is offered. */}
      {access.withFormerManager || onHold ? (
        <PageHeader title={title} description={description} />
      ) : (
        <MeetingControls title={title} description={description} meetingId={m.id} status={m.status} scheduledAt={m.scheduledAt} version={m.version} />
      )}

      {access.withFormerManager ? (
        <p className="rounded-md border border-line bg-panel px-4 py-3 text-sm">
          {m.manager.name} is no longer your manager: this 1:1 is kept as it was, for you. New 1:1s are with your current manager on{" "}
          <Link href="/me/one-on-ones" className="font-medium underline">
            My 1:1s
          </Link>
          .
        </p>
      ) : null}

      {stranded ? <BringAlong meetingId={m.id} formerManager={m.manager.name} stranded={stranded} /> : null}

      {onHold ? (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          {m.manager.name} was deactivated, so this 1:1 will not take place as things stand. Nothing has been cancelled: if {m.manager.name} is
          reactivated it goes ahead; once an admin records {forSelf ? "your" : "a"} new manager, it is cancelled and new 1:1s are with them.
        </p>
      ) : null}

      {m.status !== "scheduled" && !access.withFormerManager ? (
        <MeetingStatusNote>
          This 1:1 was {m.status}. Open talking points and action items moved to{" "}
          {nextMeeting ? (
            <Link href={`/one-on-ones/${nextMeeting.id}`} className="font-medium underline">
              the next 1:1 on <LocalTime iso={nextMeeting.at} />
            </Link>
          ) : (
            "the next 1:1 once one is scheduled"
          )}
          ; add new ones there.
        </MeetingStatusNote>
      ) : null}

      {m.status === "scheduled" && !access.withFormerManager ? <LiveRefresh meetingId={m.id} fingerprint={meetingFingerprint(m)} /> : null}
      {brief ? <PrepBriefCard brief={brief} forSelf={forSelf} names={names} viewerId={viewer.personId} /> : null}

      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <h2 className="mb-3 text-lg font-semibold">Agenda</h2>
          <Agenda
            meetingId={m.id}
            items={m.agenda}
            suggestions={suggestions}
            carriedFrom={m.carriedFrom}
            names={names}
            editable={editable}
            addable={m.status === "scheduled"}
            addTo={addTo}
            movedOn={closed && m.movedOn.agenda.length ? <MovedOnList items={m.movedOn.agenda} what="talking points" status={closed} /> : null}
          />
        </Card>
        <Card>
          <h2 className="mb-3 text-lg font-semibold">Action items</h2>
          <ActionItems
            meetingId={m.id}
            items={m.actionItems}
            people={people}
            carriedFrom={m.carriedFrom}
            editable={editable}
            addable={m.status === "scheduled"}
            addTo={addTo}
            movedOn={closed && m.movedOn.actions.length ? <MovedOnList items={m.movedOn.actions} what="action items" status={closed} /> : null}
          />
        </Card>
      </div>

      <Card>
        <h2 className="text-lg font-semibold">Growth &amp; meaning check-in</h2>
        <p className="mb-3 text-sm text-muted">
          {/* Disabled fields alone looked blank and usable: a cancelled 1:1 says why they are closed. */}
          {editable ? "Not workload: how the work feels. Saved with this 1:1." : "This 1:1 was cancelled, so its check-in is closed: answer it on the next 1:1."}
        </p>
        <CheckInForm author={viewer.personId} meetingId={m.id} value={m.checkIn} version={m.version} editable={editable} />
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <h2 className="text-lg font-semibold">Shared notes</h2>
          {access.withFormerManager ? (
            // A record: the other person can no longer open this 1:1 (the server refuses a save here too).
            <>
              <p className="mb-3 text-sm text-muted">Kept as it was: {m.manager.name} no longer sees this 1:1.</p>
              {shared?.body ? (
                <div className="whitespace-pre-wrap rounded-md border border-line p-3 text-sm [overflow-wrap:anywhere]">{shared.body}</div>
              ) : (
                <p className="text-sm text-muted">No shared note was written.</p>
              )}
            </>
          ) : (
            <>
              <p className="mb-3 text-sm text-muted">
                {m.manager.name} and {m.report.name} both see and edit these.
              </p>
              <NoteEditor author={viewer.personId} meetingId={m.id} visibility="shared" initial={shared ? { id: shared.id, body: shared.body, version: shared.version } : null} label="Shared note" />
            </>
          )}
          {extraShared.length ? <p className="mt-2 text-xs text-muted">{extraShared.length} more shared note(s) were added through the API.</p> : null}
        </Card>
        <Card className="border-dashed border-stone-400 bg-stone-50 dark:bg-stone-900">
          <h2 className="flex items-center gap-2 text-lg font-semibold">
            <svg aria-hidden width="16" height="16" viewBox="0 0 16 16" className="fill-current">
              <path d="M4 7V5a4 4 0 1 1 8 0v2h1v8H3V7h1Zm2 0h4V5a2 2 0 1 0-4 0v2Z" />
            </svg>
            Private notes
          </h2>
          <p className="mb-3 text-sm font-medium text-muted">
            Only you can see this. {other.name} never sees it{forSelf ? ", nor does anyone else" : ", nor do skip-levels, admins or a future manager"}.
          </p>
          <NoteEditor
            author={viewer.personId}
            meetingId={m.id}
            visibility="private"
            initial={mine ? { id: mine.id, body: mine.body, version: mine.version } : null}
            label="Private note (only you can see this)"
          />
        </Card>
      </div>

      {forSelf ? (
        <Card>
          <h2 className="text-lg font-semibold">Your weekly pulse</h2>
          <PulseThisWeek
            answeredByWeek={Object.fromEntries(
              ownTrend.slice(-2).map((p) => [
                p.weekStart,
                <ArrivalTarget key={p.weekStart} id={PULSE_ANSWERED_ID} as="p" className="text-sm text-muted">
                  You have answered this week’s pulse. Next week’s opens on Monday.
                </ArrivalTarget>,
              ]),
            )}
          >
            <p className="mb-3 text-sm text-muted">Five quick questions; only you and your manager see the answers.</p>
            <PulseForm />
          </PulseThisWeek>
        </Card>
      ) : null}
    </div>
  );
}
