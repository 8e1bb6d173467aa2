/**
 * Whole calendar months from `from` to `to` (both 'YYYY-MM-DD' or Dates, in UTC).
 * A month counts once the same day-of-month is reached, or the last day of a
 * shorter month (Jan 31 → Feb 28 is one month; Feb 29 2024 → Feb 28 2025 is twelve).
 */
export function monthsBetween(from: string | Date, to: string | Date): number {
  const a = toUtcParts(from);
  const b = toUtcParts(to);
  let months = (b.y - a.y) * 12 + (b.m - a.m);
  const lastDayOfB = daysInMonth(b.y, b.m);
  const reached = b.d >= a.d || b.d === lastDayOfB;
  if (!reached) months -= 1;
  return Math.max(0, months);
}

export function daysBetween(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / 86_400_000);
}

/**
 * Calendar days (UTC) from `from` to `to`: "36 days ago" for 14:00 on 28 Oct read at 10:00 on 3 Dec, where
 * daysBetween counts 35 whole days. What a sentence says, so it agrees with the card's "28 Oct (36 days ago)"
 * (relativeDays); the rules still judge on whole days.
 */
export function calendarDaysBetween(from: Date, to: Date): number {
  return Math.floor(to.getTime() / 86_400_000) - Math.floor(from.getTime() / 86_400_000);
}

// The last Date's parts: the radar asks for the same `now` once or twice per
// person of a subtree or an org page. Keyed by the instant, so a Date changed
// in place is never served stale parts.
let lastTime = NaN;
let lastParts = { y: 0, m: 0, d: 0 };

function toUtcParts(v: string | Date): { y: number; m: number; d: number } {
  if (typeof v === "string") {
    // 'YYYY-MM-DD' (anything after the date is ignored). Parsed by position, not
    // split: the radar runs this for every person of a subtree or an org page.
    const dash = v.indexOf("-", 1);
    return { y: Number(v.slice(0, dash)), m: Number(v.slice(dash + 1, dash + 3)) - 1, d: Number(v.slice(dash + 4, dash + 6)) };
  }
  const t = v.getTime();
  if (t !== lastTime) {
    lastParts = { y: v.getUTCFullYear(), m: v.getUTCMonth(), d: v.getUTCDate() };
    lastTime = t;
  }
  return lastParts;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Arithmetic, not a Date: this runs for every person of a subtree, and Next.js wraps the Date constructor on the server. */
function daysInMonth(y: number, m: number): number {
  return m === 1 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : DAYS_IN_MONTH[m]!;
}

/** "27 mo", "2 yr 3 mo": compact durations for tables and chips; "< 1 mo" for a change this month (not "0 mo"). */
export function formatMonths(n: number): string {
  if (n < 1) return "< 1 mo";
  if (n < 12) return `${n} mo`;
  const y = Math.floor(n / 12);
  const m = n % 12;
  return m ? `${y} yr ${m} mo` : `${y} yr`;
}
