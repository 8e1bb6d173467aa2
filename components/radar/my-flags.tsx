import Link from "next/link";
import type { RadarPerson } from "@/lib/radar";
import { formatDate } from "@/lib/radar/format";
import { formatMonths } from "@/lib/radar/months";
import { Card } from "@/components/ui/card";
import { FlagList } from "./risk";

/**
 * The employee's own flags on /me, phrased for them (ACCESS.md: the person
 * always sees why Reignite flags them), or a friendly note when there are none.
 */
export function MyFlags({ me, personId }: { me: RadarPerson; personId: string }) {
  return (
    <Card>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-lg font-semibold">What Reignite notices</h2>
        <p className="text-sm text-muted">
          In your current role since {formatDate(me.roleSince)} ({formatMonths(me.monthsInRole)}) ·{" "}
          <Link href={`/people/${personId}`} className="underline">
            your role timeline
          </Link>
        </p>
      </div>
      {me.flags.length ? (
        <div className="mt-3 space-y-2">
          <FlagList flags={me.flags} self />
          {/* Everyone who reads flags (ACCESS.md), with what derived flags keep from whom: said in full, since "your
              manager" alone told the person less than the truth. */}
          <p className="text-xs text-muted">
            Your manager sees these too. So do the managers above your manager and your organization&apos;s admins, except
            what comes from your pulse answers or from a stuck signal you did not send them. They are prompts for a
            conversation, not a judgement.
          </p>
        </div>
      ) : (
        <p className="mt-2 text-sm">
          <span aria-hidden="true">✓ </span>Nothing to flag right now — you&apos;re growing, learning and meeting regularly. Keep it up!
        </p>
      )}
    </Card>
  );
}
