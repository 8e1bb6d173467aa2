"use client";

import type { ReactNode } from "react";
import { useToday } from "@/components/ui/use-today";
import { weekStartOfDay } from "@/lib/pulse/week";

/**
 * The pulse form, or what to show once this week's pulse is in: `answeredByWeek` holds it for each week that may be
 * this one (the last two answered), so a thanks can show that week's own answers. "This week" is the viewer's own
 * (their calendar day, after hydration): the server's UTC week would still be last week on a Monday morning in
 * Auckland, and already next week on a Sunday evening in Los Angeles.
 */
export function PulseThisWeek({ answeredByWeek, children }: { answeredByWeek: Record<string, ReactNode>; children: ReactNode }) {
  const today = useToday();
  return <>{answeredByWeek[weekStartOfDay(today)] ?? children}</>;
}
