import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { requirePageViewer } from "@/lib/auth/viewer";
import { navFor } from "@/lib/shell/nav";
import { listVisibleSignalsPage, SIGNALS_SHOWN } from "@/lib/stuck/signals";
import { Badge } from "@/components/ui/badge";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { LocalTime } from "@/components/one-on-ones/local-time";
import { AcknowledgeForm } from "@/components/stuck/stuck-forms";
import { TalkingPointLink } from "@/components/stuck/talking-point-link";
import { PAST_SIGNALS_ID } from "@/components/stuck/focus-ids";
import { ArrivalTarget } from "@/components/ui/arrival-target";

export const metadata: Metadata = { title: "Signals" };

/** Why this viewer hears of it, when they are not the manager (who always does). */
const VIA = {
  self: "Your own signal.",
  manager: "",
  skip_level: "They chose to include the managers above their manager: you among them.",
  hr: "They chose to include HR (the organization's admins).",
} as const;

/** "I feel stuck" signals addressed to the viewer (as manager, included skip-level or included HR). */
export default async function SignalsPage() {
  const viewer = await requirePageViewer();
  const db = await getDb();
  const [{ items: signals, more }, { managesPeople }] = await Promise.all([listVisibleSignalsPage(db, viewer, { includeOwn: false }), navFor(viewer)]);
  // Not in their navigation, but a typed or kept link: someone with no team and no admin role hears of no signals here.
  const nobodyToHear = !managesPeople && viewer.role !== "admin" && signals.length === 0;
  const open = signals.filter((s) => s.status === "open");
  const rest = signals.filter((s) => s.status !== "open");
  return (
    <div className="space-y-6">
      <PageHeader
        title="Signals"
        description={nobodyToHear ? "Where managers hear from their team that they feel stuck." : "People who told you they feel stuck. Acknowledge each one with a next step they will see."}
      />
      {nobodyToHear ? (
        <EmptyState title="Nobody reports to you">
          Signals come here from the people you manage. To tell your own manager you feel stuck, use{" "}
          <Link href="/me" className="font-medium underline">
            My growth
          </Link>
          .
        </EmptyState>
      ) : open.length === 0 ? (
        <EmptyState title="Nobody is waiting for a response">
          {managesPeople
            ? "When someone on your team raises “I feel stuck”, it shows up here first, e.g. “Same kind of work for a year”."
            : "When someone who feels stuck chooses to include HR / org admins, it shows up here first, e.g. “Same kind of work for a year”."}
        </EmptyState>
      ) : (
        <ul className="space-y-4" aria-label="Open signals">
          {open.map((s) => (
            <li key={s.id}>
              <Card className="border-ember-300 dark:border-ember-700">
                <div className="flex flex-wrap items-center gap-2">
                  <h2 className="text-lg font-semibold">
                    <Link href={`/people/${s.personId}`} className="underline-offset-2 hover:underline">
                      {s.personName}
                    </Link>{" "}
                    feels stuck
                  </h2>
                  <Badge tone="risk">
                    <span aria-hidden>●</span> Open since <LocalTime iso={s.createdAt} mode="date" />
                  </Badge>
                </div>
                {s.via !== "manager" ? <p className="mt-1 text-sm text-muted">{VIA[s.via]}</p> : null}
                {s.message ? <p className="mt-2 whitespace-pre-line [overflow-wrap:anywhere]">“{s.message}”</p> : <p className="mt-2 text-sm text-muted">No message.</p>}
                <div className="mt-3">
                  <AcknowledgeForm id={s.id} personName={s.personName} via={s.via} />
                </div>
              </Card>
            </li>
          ))}
        </ul>
      )}
      {rest.length ? (
        <section aria-labelledby={PAST_SIGNALS_ID}>
          {/* Keyed by the count, so a signal just acknowledged makes it a new arrival and focus lands here. */}
          <ArrivalTarget key={rest.length} id={PAST_SIGNALS_ID} as="h2" className="mb-2 text-lg font-semibold">
            Earlier
          </ArrivalTarget>
          <ul className="divide-y divide-line rounded-md border border-line text-sm">
            {rest.map((s) => (
              <li key={s.id} className="space-y-1 p-3">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{s.personName}</span>
                  <Badge tone={s.status === "acknowledged" ? "good" : "neutral"}>{s.status === "acknowledged" ? "✓ Acknowledged" : "Withdrawn"}</Badge>
                </div>
                {/* One line of text that wraps as text: as separate flex items, each "· …" began a line of its own on a phone. */}
                <p className="text-muted [overflow-wrap:anywhere]">
                  Raised <LocalTime iso={s.createdAt} mode="date" />
                  {s.nextStep ? ` · Next step: ${s.nextStep}` : null}
                  {s.talkingPoint ? (
                    <>
                      {" · "}
                      <TalkingPointLink point={s.talkingPoint} />
                    </>
                  ) : null}
                </p>
                {/* What they said stays at hand for the talk that follows; a withdrawn one was taken back, so it is not shown. */}
                {s.status === "acknowledged" && s.message ? (
                  <details>
                    <summary className="cursor-pointer text-muted">What {s.personName.split(" ")[0]} wrote</summary>
                    <p className="mt-1 whitespace-pre-line [overflow-wrap:anywhere]">“{s.message}”</p>
                  </details>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {more ? (
        <p className="text-sm text-muted">
          Only {SIGNALS_SHOWN} signals are listed: every open one first, then the most recent others. Older ones are not shown.
        </p>
      ) : null}
    </div>
  );
}
