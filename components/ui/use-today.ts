"use client";
import { useSyncExternalStore } from "react";
import { utcToday } from "@/lib/plan/target-date";

const subscribe = () => () => {};
const localDay = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
};

/**
 * The viewer's calendar day ("2026-11-30"): UTC's while the server renders,
 * the browser's own after hydration (no mismatch warning), like LocalTime.
 */
export function useToday(): string {
  return useSyncExternalStore(subscribe, localDay, () => utcToday());
}
