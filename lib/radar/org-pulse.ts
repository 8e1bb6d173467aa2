/** Pulse aggregates cover at least this many people, or are not shown (ACCESS.md, "aggregates protect individuals"). */
export const MIN_AGGREGATE_GROUP = 5;

export type PulseAggregate = { responses: number; avgRust: number };

/** Hides pulse numbers for groups smaller than the minimum: the raw sum never leaves the domain layer. */
export function protectPulse(n: number, sum: number | null): { pulse: PulseAggregate | null; pulseSuppressed: boolean } {
  if (n >= MIN_AGGREGATE_GROUP && sum !== null) return { pulse: { responses: n, avgRust: Math.round((sum / n) * 10) / 10 }, pulseSuppressed: false };
  return { pulse: null, pulseSuppressed: n > 0 };
}
