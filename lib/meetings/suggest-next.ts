const DAY = 86_400_000;

/**
 * A sensible default for another 1:1: one cadence after the latest one already scheduled (its weekday and hour), or
 * one cadence from now, on the hour, when none is (or that one is long overdue).
 */
export function suggestNextIso(cadenceDays: number, lastScheduledAt: string | null, now = new Date()): string {
  const after = lastScheduledAt ? new Date(lastScheduledAt).getTime() + cadenceDays * DAY : 0;
  if (after > now.getTime()) return new Date(after).toISOString();
  return new Date(Math.ceil((now.getTime() + cadenceDays * DAY) / 3_600_000) * 3_600_000).toISOString();
}
