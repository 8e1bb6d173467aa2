import { formatMonths } from "@/lib/radar/months";

/** `short`: what the label column shows when the full label (still in the text alternative and the tooltip) is long. */
type Bar = { label: string; months: number; short?: string };

/** A share of the scale (0–1) as a CSS percentage. */
const pct = (share: number) => `${Math.round(share * 1000) / 10}%`;

/**
 * Horizontal bars of months in role against the notice and warning lines, with a text alternative (the list
 * under it, also for screen readers).
 *
 * Laid out in HTML, not an SVG viewBox: a viewBox scales its text with the chart, so the org chart (560 wide)
 * shrank its labels to ~7 px on a phone. Here the text keeps its size (12 px at least) and only the bars
 * stretch. Each value sits on a panel-coloured background drawn after the threshold lines, so a line that runs
 * through "1 yr 10 mo" stops at the number instead of striking it through.
 */
export function TimeInRoleChart({
  bars,
  notice,
  warning,
  title = "Time in current role",
  narrow = false,
}: {
  bars: Bar[];
  notice: number;
  warning: number;
  title?: string;
  /** A sidebar: a narrower name column, and small text at every width. */
  narrow?: boolean;
}) {
  if (!bars.length) return null;
  const max = Math.max(warning * 1.25, ...bars.map((b) => b.months), 1);
  const at = (m: number) => pct(m / max);
  const id = `tir-${title.replace(/\W+/g, "-").toLowerCase()}`;
  const text = narrow ? "text-xs" : "text-xs sm:text-sm";
  return (
    <figure className="space-y-2">
      <figcaption id={id} className="text-sm font-medium">
        {title} <span className="font-normal text-muted">(lines: notice at {notice} mo, threshold {warning} mo)</span>
      </figcaption>
      <div role="img" aria-labelledby={id} aria-describedby={`${id}-alt`} className={`flex max-w-2xl ${text}`}>
        <div className={`shrink-0 pr-2 text-right ${narrow ? "w-24" : "w-28 sm:w-36"}`}>
          {bars.map((b, i) => (
            <div key={`${b.label}-${i}`} className="flex h-6 items-center justify-end">
              <span className="truncate" title={b.label}>
                {b.short ?? b.label}
              </span>
            </div>
          ))}
        </div>
        {/* The right margin is the room for the value after the longest bar ("3 yr 10 mo"). */}
        <div className={`min-w-0 flex-1 ${narrow ? "mr-[4.75rem]" : "mr-[4.75rem] sm:mr-[5.5rem]"}`}>
          <div className="relative">
            <div data-threshold="notice" className="absolute inset-y-0 border-l border-dashed border-amber-600" style={{ left: at(notice) }} />
            <div data-threshold="warning" className="absolute inset-y-0 -ml-px border-l-2 border-ember-700" style={{ left: at(warning) }} />
            {bars.map((b, i) => {
              const over = b.months >= warning;
              const near = !over && b.months >= notice;
              return (
                <div key={`${b.label}-${i}`} className="relative h-6">
                  <div
                    className={`absolute inset-y-1 left-0 min-w-0.5 rounded-[3px] ${over ? "bg-ember-600" : near ? "bg-amber-400" : "bg-stone-400"}`}
                    style={{ width: at(b.months) }}
                  />
                  <span data-value className="absolute top-1/2 ml-0.5 -translate-y-1/2 whitespace-nowrap rounded-sm bg-panel px-1 tabular-nums" style={{ left: at(b.months) }}>
                    {formatMonths(b.months)}
                  </span>
                </div>
              );
            })}
          </div>
          {/* Notice left of its line, threshold right of its: side by side they overlapped when the lines were close. */}
          <div className="relative h-5 text-xs text-muted">
            <span className="absolute top-1 -translate-x-full whitespace-nowrap pr-1" style={{ left: at(notice) }}>
              {notice} mo
            </span>
            <span className="absolute top-1 whitespace-nowrap pl-1" style={{ left: at(warning) }}>
              {warning} mo
            </span>
          </div>
        </div>
      </div>
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
