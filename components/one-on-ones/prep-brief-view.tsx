"use client";

import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { FlagList } from "@/components/radar/risk";
import { PulseComments } from "@/components/pulse/pulse-comments";
import { SparklineChart } from "@/components/pulse/sparkline-chart";
import type { PrepBriefData } from "@/lib/meetings/prep-view";
import { useToday } from "@/components/ui/use-today";
import { LocalTime } from "./local-time";

/**
 * The prep brief's markup. A client component fed the brief as plain data
 * (lib/meetings/prep-view.ts, built by PrepBriefCard): rendered to HTML once
 * instead of as HTML and again in the RSC payload.
 */
export function PrepBriefView({ brief, forSelf }: { brief: PrepBriefData; forSelf: boolean }) {
  // Overdue by the viewer's calendar day (the server's is UTC's).
  const today = useToday();
  return (
    <Card>
      <h2 className="text-lg font-semibold">{forSelf ? "Your prep" : "Prep brief"}</h2>
      <p className="text-sm text-muted">
        {brief.since ? (
          <>
            Since the last 1:1 on <LocalTime iso={brief.since} mode="date" />
          </>
        ) : (
          "No earlier 1:1 held with this manager yet."
        )}
      </p>
      <div className="mt-4 grid gap-5 md:grid-cols-2 [overflow-wrap:anywhere]">
        <section aria-labelledby="prep-flags">
          <h3 id="prep-flags" className="text-sm font-semibold">
            {forSelf ? "What Reignite noticed" : "Current flags"}
          </h3>
          {brief.flags.length === 0 ? (
            <p className="text-sm text-muted">No flags right now.</p>
          ) : (
            <div className="mt-1">
              <FlagList flags={brief.flags} />
            </div>
          )}
        </section>
        {brief.lastCheckIn ? (
          <section aria-labelledby="prep-last-check-in">
            <h3 id="prep-last-check-in" className="text-sm font-semibold">
              Said at the last 1:1
            </h3>
            <dl className="mt-1 space-y-1 text-sm">
              {brief.lastCheckIn.energy !== null ? (
                <div>
                  <dt className="inline text-muted">Energy: </dt>
                  <dd className="inline">{brief.lastCheckIn.energy} of 5</dd>
                </div>
              ) : null}
              {CHECK_IN_LINES.map(([key, label]) =>
                brief.lastCheckIn![key] ? (
                  <div key={key}>
                    <dt className="inline text-muted">{label} </dt>
                    <dd className="inline">“{brief.lastCheckIn![key]}”</dd>
                  </div>
                ) : null,
              )}
            </dl>
            <Link href={`/one-on-ones/${brief.lastCheckIn.meetingId}`} className="mt-1 inline-block text-sm font-medium text-accent-text underline-offset-2 hover:underline">
              Open the last 1:1
            </Link>
          </section>
        ) : null}
        <section aria-labelledby="prep-goals">
          <h3 id="prep-goals" className="text-sm font-semibold">
            Stretch goals and rotation
          </h3>
          <ul className="mt-1 space-y-1 text-sm">
            {brief.goals.map((g) =>
              g.status === "proposed" ? (
                // Proposed and not yet taken up: the radar counts active goals only, so it would otherwise go unseen.
                <li key={g.id} className="flex flex-wrap justify-between gap-x-2">
                  <span>{g.title}</span>
                  <span className="text-muted">proposed: {forSelf ? "talk it through" : "review it together"}</span>
                </li>
              ) : (
                <li key={g.id} className="flex justify-between gap-2">
                  <span>{g.title}</span>
                  <span className="whitespace-nowrap tabular-nums text-muted">
                    {g.progress}% · {g.updatesSince} update{g.updatesSince === 1 ? "" : "s"} since
                  </span>
                </li>
              ),
            )}
            {brief.goals.every((g) => g.status !== "active") ? <li className="text-muted">No active stretch goal.</li> : null}
            <li>{brief.rotation ? `Rotation: ${brief.rotation}` : <span className="text-muted">No rotation.</span>}</li>
          </ul>
        </section>
        <section aria-labelledby="prep-wins">
          <h3 id="prep-wins" className="text-sm font-semibold">
            Wins and new learning
          </h3>
          <ul className="mt-1 space-y-1 text-sm">
            {brief.wins.map((w) => (
              <li key={w.id}>
                <span className="text-muted">Win: </span>
                {w.title} <span className="text-muted">({w.occurredOn})</span>
              </li>
            ))}
            {brief.learning.map((l) => (
              <li key={l.id}>
                <span className="text-muted">Learning: </span>
                {l.title} <span className="text-muted">({l.status})</span>
              </li>
            ))}
            {brief.wins.length + brief.learning.length === 0 ? <li className="text-muted">No new wins or learning recorded since.</li> : null}
          </ul>
        </section>
        {brief.pulse ? (
          <section aria-labelledby="prep-pulse">
            <h3 id="prep-pulse" className="text-sm font-semibold">
              Pulse
              {/* A real space: the margin alone ran the heading's name together ("Pulserust up 2.0…"). */}
              {brief.pulse.trend ? <span className="ml-1 font-normal text-muted"> {brief.pulse.trend}</span> : null}
            </h3>
            <SparklineChart points={brief.pulse.points} label="Pulse" />
            <PulseComments comments={brief.pulse.comments} heading={forSelf ? "What you added" : "What they added"} headingId="prep-pulse-comments" />
          </section>
        ) : null}
        <section aria-labelledby="prep-actions" className="md:col-span-2">
          <h3 id="prep-actions" className="text-sm font-semibold">
            Open action items from earlier 1:1s
          </h3>
          {brief.openActions.length === 0 ? (
            <p className="text-sm text-muted">Nothing left open from earlier 1:1s.</p>
          ) : (
            <ul className="mt-1 space-y-1 text-sm">
              {brief.openActions.map((a) => (
                <li key={a.id} className="flex flex-wrap gap-2">
                  <span>{a.body}</span>
                  <span className="text-muted">— {a.owner}</span>
                  {a.due ? (
                    a.dueOn && a.dueOn < today ? (
                      <Badge tone="risk">
                        <span aria-hidden>⚠</span> Overdue since {a.due}
                      </Badge>
                    ) : (
                      <span className="text-muted">due {a.due}</span>
                    )
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </Card>
  );
}

/** The check-in's written answers, as the check-in form asks them. */
const CHECK_IN_LINES = [
  ["meaningful", "What felt meaningful?"],
  ["goingThroughMotions", "What felt like going through the motions?"],
  ["learnNext", "What do you want to learn next?"],
] as const;
