import { isoWeekStart } from "@/lib/pulse/week";

/** Pulse aggregates cover at least this many people, or are not shown (ACCESS.md, "aggregates protect individuals"). */
export const MIN_AGGREGATE_GROUP = 5;

export type PulseAggregate = { responses: number; avgRust: number };

/**
 * Hides pulse numbers for groups smaller than the minimum: the raw sum never leaves the domain layer. A group
 * with no response is hidden exactly like one with a few: told apart, a team of one would show whether its
 * person answered (ACCESS.md: counts are reads too).
 */
export function protectPulse(n: number, sum: number | null): { pulse: PulseAggregate | null; pulseSuppressed: boolean } {
  if (n >= MIN_AGGREGATE_GROUP && sum !== null) return { pulse: { responses: n, avgRust: Math.round((sum / n) * 10) / 10 }, pulseSuppressed: false };
  return { pulse: null, pulseSuppressed: true };
}

/**
 * Which groups may show their pulse average. Each shown group needs at least
 * MIN_AGGREGATE_GROUP responses, and so do the responses left when the shown
 * groups are taken from the whole (`totalN` − Σ shown): otherwise "whole
 * organization minus the teams shown" is the average of a group too small to
 * show — one person, at worst. Suppresses the smallest shown groups (ties:
 * the later one) until what is left over is empty or large enough.
 */
export function groupsToShow(ns: number[], totalN: number): boolean[] {
  const show = ns.map((n) => n >= MIN_AGGREGATE_GROUP);
  const shownSum = () => ns.reduce((s, n, i) => (show[i] ? s + n : s), 0);
  for (let rest = totalN - shownSum(); rest > 0 && rest < MIN_AGGREGATE_GROUP; rest = totalN - shownSum()) {
    let smallest = -1;
    ns.forEach((n, i) => {
      if (show[i] && (smallest < 0 || n <= ns[smallest]!)) smallest = i;
    });
    if (smallest < 0) break;
    show[smallest] = false;
  }
  return show;
}

/** How many complete weeks the org pulse covers. */
export const PULSE_WINDOW_WEEKS = 4;

/** ISO weeks (Mondays, UTC) from `firstWeek` to `lastWeek` inclusive; `endsOn` is the Sunday that closes the last. */
export type PulseWindow = { firstWeek: string; lastWeek: string; endsOn: string };

/**
 * How long after a week ends (UTC) an answer may still be filed in it: the week of an answer is the person's own
 * today, which is believed up to a day behind UTC's (viewerToday), so on Monday someone still in Sunday answers for
 * the week before.
 */
const LATE_ANSWERS_MS = 86_400_000;

/**
 * The org pulse's window: the PULSE_WINDOW_WEEKS complete ISO weeks before the
 * week of `now`, once no answer can still be filed in them (LATE_ANSWERS_MS: a
 * week joins on the Tuesday after it, UTC). A closed window, because an open one
 * changes with every new answer and an admin watching it could attribute each
 * change to one person; a closed one holds still until the next week closes,
 * when a whole week moves at once.
 */
export function pulseWindow(now: Date): PulseWindow {
  const monday = Date.parse(`${isoWeekStart(new Date(now.getTime() - LATE_ANSWERS_MS))}T00:00:00Z`);
  const day = (offset: number) => new Date(monday + offset * 86_400_000).toISOString().slice(0, 10);
  return { firstWeek: day(-7 * PULSE_WINDOW_WEEKS), lastWeek: day(-7), endsOn: day(-1) };
}
