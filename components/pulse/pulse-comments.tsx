import type { PulseComment } from "@/lib/pulse/comments";
import { formatDate } from "@/lib/radar/format";

/** The pulse's latest "Anything to add?" answers, newest first; nothing when there are none. */
export function PulseComments({ comments, heading, headingId }: { comments: PulseComment[]; heading: string; headingId: string }) {
  if (!comments.length) return null;
  return (
    <section aria-labelledby={headingId} className="mt-3">
      <h3 id={headingId} className="text-sm font-semibold">
        {heading}
      </h3>
      <ul className="mt-1 space-y-2 text-sm">
        {comments.map((c) => (
          <li key={c.weekStart}>
            <span className="text-xs text-muted">Week of {formatDate(c.weekStart)}</span>
            <p className="whitespace-pre-line [overflow-wrap:anywhere]">“{c.comment}”</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
