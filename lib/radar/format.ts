const dateFmt = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** "3 Mar 2025" for a Date or a 'YYYY-MM-DD' string, in UTC so server and browser agree. */
export function formatDate(d: Date | string | null | undefined): string {
  if (!d) return "—";
  const v = typeof d === "string" ? new Date(`${d.slice(0, 10)}T00:00:00Z`) : d;
  return dateFmt.format(v);
}

const dayFmt = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" });

/** "Sun 23 Nov" for a 'YYYY-MM-DD' string, in UTC: a recent day, where the weekday says more than the year. */
export function formatDay(d: string): string {
  return dayFmt.format(new Date(`${d.slice(0, 10)}T00:00:00Z`));
}

/** "in 3 days", "35 days ago", "today". */
export function relativeDays(d: Date | null, now = new Date()): string {
  if (!d) return "";
  const days = Math.round((d.getTime() - now.getTime()) / 86_400_000);
  if (days === 0) return "today";
  return days > 0 ? `in ${days} day${days === 1 ? "" : "s"}` : `${-days} day${days === -1 ? "" : "s"} ago`;
}

/** "1 person", "12 people"; "1 direct report", "3 direct reports". */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
