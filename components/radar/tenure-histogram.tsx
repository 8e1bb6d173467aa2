"use client";

import type { TenureBucket } from "@/lib/radar/tenure-buckets";

const zoneFill = { none: "fill-stone-400", notice: "fill-amber-400", warning: "fill-ember-600" } as const;
const zoneText = { none: "", notice: ", past the notice line", warning: ", past the threshold" } as const;

/**
 * How many people have been in their role how long: one bar per bucket
 * (lib/radar/tenure-buckets.ts), coloured by the org's thresholds. For a
 * whole subtree, where a bar per person would be hundreds of bars.
 */
export function TenureHistogram({
  buckets,
  notice,
  warning,
  width = 300,
  title = "People by time in current role",
}: {
  buckets: TenureBucket[];
  notice: number;
  warning: number;
  width?: number;
  title?: string;
}) {
  const total = buckets.reduce((n, b) => n + b.count, 0);
  if (!total) return null;
  const max = Math.max(...buckets.map((b) => b.count), 1);
  const rowH = 24;
  const labelW = 96;
  const plotW = width - labelW - 48; // room for the count after the longest bar
  const height = buckets.length * rowH;
  const id = "tenure-histogram";
  return (
    <figure className="space-y-2">
      <figcaption id={id} className="text-sm font-medium">
        {`${title} `}
        <span className="font-normal text-muted">{`(notice at ${notice} mo, threshold ${warning} mo)`}</span>
      </figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} className="w-full max-w-2xl" role="img" aria-labelledby={id} aria-describedby={`${id}-alt`}>
        {buckets.map((b, i) => {
          const y = i * rowH + 4;
          const w = Math.max(b.count ? 2 : 0, Math.round((b.count / max) * plotW * 10) / 10);
          return (
            <g key={b.from}>
              <text x={labelW - 8} y={y + 13} textAnchor="end" className="chart-label">
                {b.label}
              </text>
              <rect x={labelW} y={y} width={w} height={rowH - 8} rx={3} className={zoneFill[b.zone]} />
              <text x={labelW + w + 4} y={y + 13} className="chart-label">
                {b.count}
              </text>
            </g>
          );
        })}
      </svg>
      <ul id={`${id}-alt`} className="sr-only">
        {buckets.map((b) => (
          <li key={b.from}>{`${b.label}: ${b.count} ${b.count === 1 ? "person" : "people"}${zoneText[b.zone]}`}</li>
        ))}
      </ul>
    </figure>
  );
}
