"use client";

import { formatDate } from "@/lib/radar/format";

export type SparkPoint = { weekStart: string; rust: number };

/**
 * A small, honest chart of rust scores (1 healthy … 5 rusted out; higher is
 * worse), with the numbers as its text alternative. A client component so the
 * server sends a dozen numbers instead of the SVG twice (HTML and RSC
 * payload); build it through PulseSparkline, which passes only these fields.
 */
export function SparklineChart({ points, label }: { points: SparkPoint[]; label: string }) {
  if (points.length === 0) return <p className="text-sm text-muted">No pulse check-ins yet.</p>;
  const w = 220;
  const h = 56;
  const pad = 6;
  const x = (i: number) => (points.length === 1 ? w / 2 : pad + (i * (w - 2 * pad)) / (points.length - 1));
  const y = (v: number) => pad + ((v - 1) * (h - 2 * pad)) / 4; // rust 1 at the top, 5 at the bottom
  const path = points.map((p, i) => `${i ? "L" : "M"}${x(i).toFixed(1)},${y(p.rust).toFixed(1)}`).join(" ");
  const alt = `${label}: rust score per week, 1 = healthy, 5 = rusted out. ${points.map((p) => `${p.weekStart}: ${p.rust.toFixed(1)}`).join("; ")}.`;
  const last = points.at(-1)!;
  return (
    <figure className="flex flex-wrap items-center gap-3">
      <svg width={w} height={h} viewBox={`0 0 ${w} ${h}`} role="img" aria-label={alt} className="overflow-visible">
        <line x1={pad} x2={w - pad} y1={y(3)} y2={y(3)} className="stroke-stone-300 dark:stroke-stone-600" strokeDasharray="3 3" />
        <path d={path} fill="none" className="stroke-ember-600 dark:stroke-ember-400" strokeWidth={2} />
        {points.map((p, i) => (
          <circle key={p.weekStart} cx={x(i)} cy={y(p.rust)} r={2.5} className="fill-ember-600 dark:fill-ember-400" />
        ))}
      </svg>
      <figcaption className="text-sm text-muted">
        Latest rust score <span className="font-semibold tabular-nums text-ink">{last.rust.toFixed(1)}</span> (week of {formatDate(last.weekStart)}) on a scale from 1 = healthy to 5 = rusted out; lower on the chart = more rust.
      </figcaption>
    </figure>
  );
}
