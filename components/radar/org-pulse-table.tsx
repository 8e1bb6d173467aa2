import type { ReactNode } from "react";
import type { OrgPulse, PulseGroup } from "@/lib/radar/org-pulse-query";
import { MIN_AGGREGATE_GROUP, PULSE_WINDOW_WEEKS } from "@/lib/radar/org-pulse";
import { formatDay } from "@/lib/radar/format";
import { EmptyState } from "@/components/ui/card";

/**
 * The org pulse: per team at the time of answering, over a closed window. The
 * heading says which weeks and which teams, since both differ from the team
 * table above (current teams, today).
 */
export function OrgPulseTable({ pulse, teams, nav }: { pulse: OrgPulse; teams: PulseGroup[]; nav?: ReactNode }) {
  const span = `${PULSE_WINDOW_WEEKS} weeks ending ${formatDay(pulse.window.endsOn)}`;
  // An organization with no team at all (no people): nothing to list.
  const none = teams.length === 0 && !pulse.total.pulse;
  return (
    <>
      <h2 id="org-pulse" className="text-lg font-semibold">Pulse</h2>
      <p className="mb-3 text-sm text-muted">{span}, by the team each person was in when answering.</p>
      {none ? (
        <EmptyState title="No pulse check-ins in these weeks">
          This week&apos;s answers count once the week is over.
        </EmptyState>
      ) : (
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-labelledby="org-pulse">
          <table className="w-full text-left text-sm [&_td]:whitespace-nowrap">
            <caption className="sr-only">Pulse averages, {span}, by the team each person was in when answering</caption>
            <thead className="border-b border-line text-muted">
              <tr>
                <th scope="col" className="px-2 py-2 font-medium">Team when answering</th>
                <th scope="col" className="px-2 py-2 text-right font-medium">Pulse (rust 1–5)</th>
              </tr>
            </thead>
            <tbody>
              {[...teams, pulse.total].map((g, i) => (
                <tr key={`${i}-${g.team}`} className={`border-b border-line last:border-0 ${g === pulse.total ? "font-semibold" : ""}`}>
                  <th scope="row" className="px-2 py-2 text-left font-medium">{g.team}</th>
                  <td className="px-2 py-2 text-right tabular-nums">
                    {g.pulse ? (
                      `${g.pulse.avgRust.toFixed(1)} (${g.pulse.responses} people)`
                    ) : (
                      <span className="whitespace-normal text-muted">hidden to protect individuals</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {nav}
      <p className="mt-2 text-xs text-muted">
        Each person counts once, with their latest check-in of those weeks, in the team recorded with it: moving or deactivating people
        later does not change these numbers, and this week&apos;s answers count once the week is over. Averages are shown only for groups of at least{" "}
        {MIN_AGGREGATE_GROUP} people — and not where the whole organization minus the teams shown would give the average of a smaller group. Every
        current team is listed, and one with fewer answers looks the same whether it had some or none.
      </p>
    </>
  );
}
