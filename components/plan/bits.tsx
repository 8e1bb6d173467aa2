import type { ReactNode } from "react";

/** A plan section: heading, a one-line "what this is for", and its content. */
export function Section({ id, title, intro, actions, children }: { id: string; title: string; intro: ReactNode; actions?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-h`} className="card print:break-inside-avoid print:border-0 print:shadow-none">
      <div className="mb-3 flex flex-wrap items-start justify-between gap-2">
        <div>
          {/* Focusable by script: after a delete removes the focused row, focus goes here (DeleteButton). */}
          <h2 id={`${id}-h`} tabIndex={-1} className="text-lg font-semibold">
            {title}
          </h2>
          <p className="text-sm text-muted">{intro}</p>
        </div>
        {actions ? <div className="print:hidden">{actions}</div> : null}
      </div>
      {children}
    </section>
  );
}

/** A progress bar with its number as text (colour never carries the meaning alone). */
export function Progress({ value, label }: { value: number; label: string }) {
  const v = Math.max(0, Math.min(100, value));
  return (
    <div className="flex items-center gap-2">
      <div role="progressbar" aria-label={label} aria-valuenow={v} aria-valuemin={0} aria-valuemax={100} className="h-2 w-full max-w-48 overflow-hidden rounded-full bg-stone-200 dark:bg-stone-700">
        <div className="h-full rounded-full bg-accent" style={{ width: `${v}%` }} />
      </div>
      {/* Wide enough for "100%" on one line: it used to wrap the % below the number. */}
      <span className="w-12 shrink-0 whitespace-nowrap text-right text-sm tabular-nums">{v}%</span>
    </div>
  );
}

// One formatter for every call: toLocaleDateString with options builds a new one each time (slow on long lists).
const dateFmt = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

export function formatDate(d: string | null | undefined): string {
  if (!d) return "";
  const date = new Date(d.length === 10 ? `${d}T00:00:00Z` : d);
  return dateFmt.format(date);
}

/** A small celebration mark for wins (an SVG: emoji fonts are not everywhere). */
export function Sparkle({ className = "" }: { className?: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className={`inline-block size-4 align-[-2px] text-accent ${className}`} fill="currentColor">
      <path d="M8 0l1.6 4.8L14.4 6.4 9.6 8 8 12.8 6.4 8 1.6 6.4l4.8-1.6z" />
      <path d="M13 10l.7 2.1 2.1.7-2.1.7L13 15.6l-.7-2.1-2.1-.7 2.1-.7z" opacity=".7" />
    </svg>
  );
}
