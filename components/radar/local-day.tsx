"use client";

import { useSyncExternalStore } from "react";
import { formatDate, relativeDays } from "@/lib/radar/format";

const subscribe = () => () => {};

/**
 * A 1:1's day on the viewer's own calendar: "14 Dec 2026 (in 14 days)", or just "in 14 days". The server, which
 * does not know the viewer's time zone, renders `text` (UTC); after hydration the browser shows its own day (no
 * mismatch warning: the first client render matches the server's). In Auckland a 1:1 on Tuesday 09:00 read as
 * Monday's date, and "today" was counted in hours.
 */
/**
 * `nextOneOnOne`: the day is of the pair's next 1:1, which stays "next" for 12 hours after its time until someone
 * marks it held: one gone by says so, or "Next 1:1: 1 Dec (1 day ago)" read as a mistake.
 */
export function LocalDay({ iso, text, relativeOnly = false, nextOneOnOne = false }: { iso: string; text: string; relativeOnly?: boolean; nextOneOnOne?: boolean }) {
  const isClient = useSyncExternalStore(subscribe, () => true, () => false);
  if (!isClient) return <time dateTime={iso}>{text}</time>;
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const d = new Date(iso);
  const now = new Date();
  const relative = `${relativeDays(d, now, timeZone)}${nextOneOnOne && d < now ? ", not marked held yet" : ""}`;
  return <time dateTime={iso}>{relativeOnly ? relative : `${formatDate(d, timeZone)} (${relative})`}</time>;
}
