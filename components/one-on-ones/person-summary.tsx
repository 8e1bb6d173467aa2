import Link from "next/link";
import type { PairSummary } from "@/lib/meetings/summary";
import { Card } from "@/components/ui/card";
import { LocalTime } from "./local-time";

/** Last and next 1:1 with links (lastAndNext(): null, so nothing, for anyone but the two participants). */
export function PersonOneOnOnes({ summary: s, personId, self }: { summary: PairSummary; personId: string; self: boolean }) {
  const listHref = self ? "/me/one-on-ones" : `/people/${personId}/one-on-ones`;
  return (
    <Card>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-lg font-semibold">1:1s</h2>
        <Link href={listHref} className="text-sm underline">
          All 1:1s
        </Link>
      </div>
      <dl className="mt-2 grid gap-2 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-muted">Next 1:1</dt>
          <dd>
            {s.next ? (
              <Link href={`/one-on-ones/${s.next.id}`} className="font-medium underline">
                <LocalTime iso={s.next.at} />
              </Link>
            ) : s.hasManager ? (
              <>
                None scheduled —{" "}
                <Link href={listHref} className="underline">
                  schedule one
                </Link>
              </>
            ) : (
              // "schedule one" led to a page that could not: 1:1s are with one's manager.
              "None: no manager is recorded"
            )}
          </dd>
        </div>
        <div>
          <dt className="text-muted">Last 1:1</dt>
          <dd>
            {s.last ? (
              <Link href={`/one-on-ones/${s.last.id}`} className="underline">
                <LocalTime iso={s.last.at} mode="date" />
              </Link>
            ) : (
              "None held yet"
            )}
          </dd>
        </div>
      </dl>
    </Card>
  );
}
