import { MeetingDateLink } from "./meeting-date-link";
import type { MovedOnItem } from "@/lib/meetings/detail";

/**
 * On a held or cancelled 1:1: what was still open when it closed, and where each item is now. Carry-over moved it
 * to a later 1:1 of the pair, so without this the record of the 1:1 read as if the point had never been raised.
 */
export function MovedOnList({ items, what, status }: { items: MovedOnItem[]; what: "talking points" | "action items"; status: "held" | "cancelled" }) {
  if (!items.length) return null;
  const id = `moved-on-${what.replace(" ", "-")}`;
  return (
    <section aria-labelledby={id}>
      <h3 id={id} className="text-sm font-semibold">
        Moved on to a later 1:1
      </h3>
      <p className="text-xs text-muted">
        Still open when this 1:1 was {status}, so carried forward{items.length > 1 ? ` (${items.length} ${what})` : ""}.
      </p>
      <ul className="mt-2 divide-y divide-line rounded-md border border-dashed border-line text-sm">
        {items.map((item) => (
          <li key={item.id} className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5 p-2">
            <span className={`min-w-0 flex-1 basis-48 [overflow-wrap:anywhere] ${item.done ? "text-muted line-through" : ""}`}>{item.body}</span>{" "}
            <span className="shrink-0 text-xs text-muted">
              {item.done ? "done on " : "now on "}
              <MeetingDateLink meetingId={item.meetingId} at={item.meetingAt} />
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
