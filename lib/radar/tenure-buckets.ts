/**
 * People grouped by time in their current role, for a chart of a whole
 * subtree: hundreds of named bars say less than five counts, and cost more
 * to render. The bucket edges follow the org's own thresholds, so "past the
 * threshold" is one bar, whatever the settings.
 */
export type TenureBucket = {
  /** Inclusive lower bound in months. */
  from: number;
  /** Inclusive upper bound in months; null for the open-ended last bucket. */
  to: number | null;
  label: string;
  zone: "none" | "notice" | "warning";
  count: number;
};

export function tenureBuckets(months: readonly number[], notice: number, warning: number): TenureBucket[] {
  // Edges: a year in, the notice line, the threshold, and a year past the threshold.
  const edges = [...new Set([0, 12, notice, warning, warning + 12])].filter((e) => e >= 0).sort((a, b) => a - b);
  const buckets: TenureBucket[] = edges.map((from, i) => {
    const next = edges[i + 1];
    const to = next === undefined ? null : next - 1;
    return {
      from,
      to,
      label: to === null ? `${from} mo or more` : from === to ? `${from} mo` : `${from}–${to} mo`,
      zone: from >= warning ? "warning" : from >= notice ? "notice" : "none",
      count: 0,
    };
  });
  for (const m of months) {
    // Buckets are few (≤ 5): a backwards scan finds the last one starting at or below m.
    for (let i = buckets.length - 1; i >= 0; i--) {
      if (m >= buckets[i]!.from) {
        buckets[i]!.count++;
        break;
      }
    }
  }
  return buckets;
}
