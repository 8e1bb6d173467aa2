import type { ReactNode } from "react";

/** A plan section: heading, a one-line "what this is for", and its content. */
export function Section({ id, title, intro, actions, children }: { id: string; title: string; intro: ReactNode; actions?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-h`} className="rounded-lg border border-line bg-panel p-4 shadow-sm sm:p-5 print:break-inside-avoid print:border-0 print:shadow-none">
      <div className="mb-3 flex flex-wrap items-start justify-between gap-2">
        <div>
          <h2 id={`${id}-h`} className="text-lg font-semibold">
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
      <span className="w-10 text-right text-sm tabular-nums">{v}%</span>
    </div>
  );
}

export function formatDate(d: string | null | undefined): string {
  if (!d) return "";
  const date = new Date(d.length === 10 ? `${d}T00:00:00Z` : d);
  return date.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
}
