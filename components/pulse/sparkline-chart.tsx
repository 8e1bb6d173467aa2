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
  // Placed by week, not by index: a week without a check-in leaves its gap, and the line breaks there, so three
  // answers spread over two months do not read as three weeks in a row.
  const week = points.map((p) => weeksBetween(points[0]!.weekStart, p.weekStart));
  const span = week.at(-1)!;
  const x = (i: number) => (span === 0 ? w / 2 : pad + (week[i]! * (w - 2 * pad)) / span);
  const y = (v: number) => pad + ((v - 1) * (h - 2 * pad)) / 4; // rust 1 at the top, 5 at the bottom
  const path = points.map((p, i) => `${i && week[i]! - week[i - 1]! === 1 ? "L" : "M"}${x(i).toFixed(1)},${y(p.rust).toFixed(1)}`).join(" ");
  const missed = span + 1 - points.length;
  const alt = `${label}: rust score per week, 1 = healthy, 5 = rusted out. ${points.map((p) => `${p.weekStart}: ${p.rust.toFixed(1)}`).join("; ")}.${missed ? ` No check-in in ${missed} of these ${span + 1} weeks.` : ""}`;
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

/** Whole weeks from one week's Monday ('YYYY-MM-DD') to another's. */
function weeksBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / (7 * 86_400_000));
}
