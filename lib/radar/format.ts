const DATE_OPTIONS: Intl.DateTimeFormatOptions = { day: "numeric", month: "short", year: "numeric" };
const dateFmts = new Map<string, Intl.DateTimeFormat>();
const partsFmts = new Map<string, Intl.DateTimeFormat>();

/** Formatters are costly to build: one per time zone, kept (a server sees UTC; a browser its own zone). */
function dateFmt(timeZone: string): Intl.DateTimeFormat {
  let f = dateFmts.get(timeZone);
  if (!f) dateFmts.set(timeZone, (f = new Intl.DateTimeFormat("en-GB", { ...DATE_OPTIONS, timeZone })));
  return f;
}

/**
 * "3 Mar 2025" for a Date or a 'YYYY-MM-DD' string. A calendar date ('YYYY-MM-DD': a role's start, a due date) is
 * the same day everywhere; an instant (a 1:1) is shown on the calendar of `timeZone`: UTC on the server, where the
 * viewer's zone is unknown, and the browser's own in LocalDay (components/radar/local-day.tsx).
 */
export function formatDate(d: Date | string | null | undefined, timeZone = "UTC"): string {
  if (!d) return "—";
  if (typeof d === "string") return dateFmt("UTC").format(new Date(`${d.slice(0, 10)}T00:00:00Z`));
  return dateFmt(timeZone).format(d);
}

const dayFmt = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" });

/** "Sun 23 Nov" for a 'YYYY-MM-DD' string, in UTC: a recent day, where the weekday says more than the year. */
export function formatDay(d: string): string {
  return dayFmt.format(new Date(`${d.slice(0, 10)}T00:00:00Z`));
}

const DAY_MS = 86_400_000;

/** The calendar day an instant falls on in `timeZone`, as a day number (days since 1970-01-01). */
function dayNumber(d: Date, timeZone: string): number {
  if (timeZone === "UTC") return Math.floor(d.getTime() / DAY_MS);
  let f = partsFmts.get(timeZone);
  if (!f) partsFmts.set(timeZone, (f = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "numeric", day: "numeric", timeZone })));
  const p = Object.fromEntries(f.formatToParts(d).map((x) => [x.type, x.value]));
  return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day)) / DAY_MS;
}

/**
 * "in 3 days", "35 days ago", "today": calendar days on the clock of `timeZone`, so a 1:1 at 09:00 tomorrow is
 * "in 1 day" whatever the hour now, and one earlier today is "today".
 */
export function relativeDays(d: Date | null, now = new Date(), timeZone = "UTC"): string {
  if (!d) return "";
  const days = dayNumber(d, timeZone) - dayNumber(now, timeZone);
  if (days === 0) return "today";
  return days > 0 ? `in ${days} day${days === 1 ? "" : "s"}` : `${-days} day${days === -1 ? "" : "s"} ago`;
}

/** "1 person", "12 people"; "1 direct report", "3 direct reports". */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
