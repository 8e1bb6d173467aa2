"use client";

import { formatMonths } from "@/lib/radar/months";

type Bar = { label: string; months: number };

/**
 * Horizontal bars of months in role against the notice and warning lines.
 * An inline SVG with a text alternative (the list under it, also for screen readers).
 */
export function TimeInRoleChart({
  bars,
  notice,
  warning,
  title = "Time in current role",
  width = 560,
}: {
  bars: Bar[];
  notice: number;
  warning: number;
  title?: string;
  /** viewBox width: ~300 for a sidebar, ~560 for a full column. */
  width?: number;
}) {
  if (!bars.length) return null;
  const max = Math.max(warning * 1.25, ...bars.map((b) => b.months), 1);
  const rowH = 22;
  const narrow = width < 400;
  const labelW = narrow ? 100 : 130;
  const labelClass = narrow ? "chart-label" : "chart-label-lg";
  const r1 = (n: number) => Math.round(n * 10) / 10;
  const plotW = width - labelW - 64; // room after the longest bar for "3 yr 10 mo"
  const height = bars.length * rowH + 24;
  const x = (m: number) => r1(labelW + (m / max) * plotW);
  // Axis labels side by side would overlap when the two lines are close together.
  const close = x(warning) - x(notice) < 44;
  const id = `tir-${title.replace(/\W+/g, "-").toLowerCase()}`;
  return (
    <figure className="space-y-2">
      <figcaption id={id} className="text-sm font-medium">
        {title} <span className="font-normal text-muted">(lines: notice at {notice} mo, threshold {warning} mo)</span>
      </figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} className="w-full max-w-2xl" role="img" aria-labelledby={id} aria-describedby={`${id}-alt`}>
        {/* Threshold lines first, so the bars and numbers are drawn over them. */}
        <line x1={x(notice)} x2={x(notice)} y1={0} y2={height - 16} className="stroke-amber-600" strokeDasharray="3 3" />
        <line x1={x(warning)} x2={x(warning)} y1={0} y2={height - 16} className="stroke-ember-700" strokeWidth={2} />
        {bars.map((b, i) => {
          const y = i * rowH + 4;
          const over = b.months >= warning;
          const near = !over && b.months >= notice;
          return (
            <g key={`${b.label}-${i}`}>
              <text x={labelW - 8} y={y + 13} textAnchor="end" className={labelClass}>
                {b.label.length > (width < 400 ? 13 : 18) ? `${b.label.slice(0, width < 400 ? 12 : 17)}…` : b.label}
              </text>
              <rect
                x={labelW}
                y={y}
                width={r1(Math.max(2, x(b.months) - labelW))}
                height={rowH - 8}
                rx={3}
                className={over ? "fill-ember-600" : near ? "fill-amber-400" : "fill-stone-400"}
              />
              {/* chart-value: a halo in the panel colour keeps the number readable where it crosses a threshold line. */}
              <text x={r1(x(b.months) + 4)} y={y + 13} className={`${labelClass} chart-value`}>
                {formatMonths(b.months)}
              </text>
            </g>
          );
        })}
        <text x={close ? x(notice) - 2 : x(notice)} y={height - 4} textAnchor={close ? "end" : "middle"} className="chart-label">
          {notice} mo
        </text>
        <text x={close ? x(warning) + 2 : x(warning)} y={height - 4} textAnchor={close ? "start" : "middle"} className="chart-label">
          {warning} mo
        </text>
      </svg>
      <ul id={`${id}-alt`} className="sr-only">
        {bars.map((b, i) => (
          <li key={`${b.label}-${i}`}>
            {b.label}: {formatMonths(b.months)}
            {b.months >= warning ? ", past the threshold" : b.months >= notice ? ", past the notice line" : ""}
          </li>
        ))}
      </ul>
    </figure>
  );
}
