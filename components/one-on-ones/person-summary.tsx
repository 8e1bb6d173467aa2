import Link from "next/link";
import { getDb } from "@/db/client";
import type { Viewer } from "@/lib/auth/viewer-type";
import type { Relation } from "@/lib/policy/rules";
import { lastAndNext } from "@/lib/meetings/summary";
import { Card } from "@/components/ui/card";
import { LocalTime } from "./local-time";

/** Last and next 1:1 with links, for the two participants only; nothing for anyone else. */
export async function PersonOneOnOnes({ viewer, personId, rel }: { viewer: Viewer; personId: string; rel: Relation }) {
  const db = await getDb();
  const s = await lastAndNext(db, viewer, personId, rel);
  if (!s) return null;
  const listHref = rel.self ? "/me/one-on-ones" : `/people/${personId}/one-on-ones`;
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
            ) : (
              <>
                None scheduled —{" "}
                <Link href={listHref} className="underline">
                  schedule one
                </Link>
              </>
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
