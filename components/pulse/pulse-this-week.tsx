"use client";

import type { ReactNode } from "react";
import { useToday } from "@/components/ui/use-today";
import { answeredWeekOf, weekStartOfDay } from "@/lib/pulse/week";

/**
 * The pulse form, or `answered` once this week's pulse is in. "This week" is
 * the viewer's own (their calendar day, after hydration): the server's UTC
 * week would still be last week on a Monday morning in Auckland, and already
 * next week on a Sunday evening in Los Angeles.
 */
export function PulseThisWeek({ weekStarts, answered, children }: { weekStarts: string[]; answered: ReactNode; children: ReactNode }) {
  const today = useToday();
  return <>{answeredWeekOf(weekStarts, today) ? answered : children}</>;
}

/**
 * As PulseThisWeek, with what was answered for each week that may be this one (the last two: this week is the
 * viewer's own), so the thanks can show this week's own answers.
 */
export function PulseAnsweredThisWeek({ answeredByWeek, children }: { answeredByWeek: Record<string, ReactNode>; children: ReactNode }) {
  const today = useToday();
  return <>{answeredByWeek[weekStartOfDay(today)] ?? children}</>;
}
