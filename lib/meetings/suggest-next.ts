const DAY = 86_400_000;

/**
 * A sensible default for another 1:1: a whole number of cadences after the pair's latest 1:1 (`lastSlotAt`, where
 * it sat in their rhythm), the first such time still ahead, so it keeps their weekday and hour (one cadence after a
 * 1:1 already scheduled); one cadence from now, on the hour, for a pair that has had none.
 */
export function suggestNextIso(cadenceDays: number, lastSlotAt: string | null, now = new Date()): string {
  const step = cadenceDays * DAY;
  if (lastSlotAt) {
    const last = new Date(lastSlotAt).getTime();
    return new Date(last + Math.max(1, Math.floor((now.getTime() - last) / step) + 1) * step).toISOString();
  }
  return new Date(Math.ceil((now.getTime() + step) / 3_600_000) * 3_600_000).toISOString();
}
