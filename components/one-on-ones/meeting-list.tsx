import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { ListedMeeting } from "@/lib/meetings/schedule";
import { LocalTime } from "./local-time";

const STATUS = {
  scheduled: { label: "Scheduled", tone: "info", icon: "◷" },
  held: { label: "Held", tone: "good", icon: "✓" },
  cancelled: { label: "Cancelled", tone: "neutral", icon: "✕" },
} as const;
const ON_HOLD = { label: "Won't take place", tone: "watch", icon: "◌" } as const;

/** A page of 1:1s with links; pagination links keep the list short. */
export function MeetingList({ items, page, pageSize, total, basePath }: { items: ListedMeeting[]; page: number; pageSize: number; total: number; basePath: string }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <div className="space-y-3">
      <ul className="divide-y divide-line rounded-md border border-line" aria-label="1:1 meetings">
        {items.map((m) => {
          // Still scheduled with a manager since deactivated: it will not take place as things stand (nothing is
          // cancelled, so a reactivation brings it back), and must not read as an ordinary upcoming 1:1.
          const onHold = m.status === "scheduled" && m.managerDeactivated;
          const s = onHold ? ON_HOLD : STATUS[m.status];
          return (
            <li key={m.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 p-3">
              <Link href={`/one-on-ones/${m.id}`} className="font-medium underline-offset-2 hover:underline">
                <LocalTime iso={m.scheduledAt} />
              </Link>
              <Badge tone={s.tone}>
                <span aria-hidden>{s.icon}</span> {s.label}
              </Badge>
              {m.formerManagerName ? <span className="text-sm text-muted">with {m.formerManagerName}, your former manager{onHold ? " (deactivated)" : ""}</span> : null}
              {onHold && !m.formerManagerName ? <span className="text-sm text-muted">{m.managerName ?? "Your manager"} was deactivated, so this 1:1 will not take place</span> : null}
              {/* What is open is on a scheduled 1:1: a held or cancelled one passed it on (carry-over), so its "0 open" said nothing. */}
              {m.status === "scheduled" || m.openAgenda || m.openActions ? (
                <span className="ml-auto text-sm tabular-nums text-muted">
                  {m.openAgenda} open point{m.openAgenda === 1 ? "" : "s"} · {m.openActions} open action{m.openActions === 1 ? "" : "s"}
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
      {pages > 1 ? (
        <nav aria-label="Pages" className="flex items-center justify-between text-sm">
          {page > 1 ? (
            <Link href={`${basePath}?page=${page - 1}`} className="underline">
              ← Newer
            </Link>
          ) : (
            <span />
          )}
          <span className="text-muted">
            Page {page} of {pages}
          </span>
          {page < pages ? (
            <Link href={`${basePath}?page=${page + 1}`} className="underline">
              Older →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </div>
  );
}
