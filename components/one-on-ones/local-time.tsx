"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

const DATE: Intl.DateTimeFormatOptions = { day: "numeric", month: "short", year: "numeric" };
const DATETIME: Intl.DateTimeFormatOptions = { weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" };
// Formatters are costly to build: the server's UTC ones are built once.
const UTC = {
  date: new Intl.DateTimeFormat("en-GB", { ...DATE, timeZone: "UTC" }),
  datetime: new Intl.DateTimeFormat("en-GB", { ...DATETIME, timeZone: "UTC" }),
};

/**
 * A timestamp in the viewer's own time zone. The server renders UTC; the
 * browser swaps in local time after hydration (no mismatch warning).
 */
export function LocalTime({ iso, mode = "datetime" }: { iso: string; mode?: "datetime" | "date" }) {
  const isClient = useSyncExternalStore(subscribe, () => true, () => false);
  const d = new Date(iso);
  // en-GB ("2 Dec 2026, 14:00") matches the server-formatted dates elsewhere in the app;
  // only the time zone is the browser's own.
  const text = isClient
    ? new Intl.DateTimeFormat("en-GB", mode === "date" ? DATE : DATETIME).format(d)
    : UTC[mode].format(d) + (mode === "datetime" ? " UTC" : "");
  return <time dateTime={iso}>{text}</time>;
}

/** "Europe/Berlin" etc.: shown next to date-time inputs so people know which clock they type in. */
export function useTimeZone(): string {
  return useSyncExternalStore(
    subscribe,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    () => "",
  );
}
