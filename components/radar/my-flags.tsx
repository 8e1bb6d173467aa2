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
export function MyFlags({ me, personId, hasManager }: { me: RadarPerson; personId: string; hasManager: boolean }) {
  return (
    <Card>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-lg font-semibold">What Reignite notices</h2>
        <p className="text-sm text-muted">
          {me.roleStartRecorded
            ? `In your current role since ${formatDate(me.roleSince)} (${formatMonths(me.monthsInRole)})`
            : `When you started in this role isn't recorded: counted from when you were added, ${formatDate(me.roleSince)}`}{" "}
          ·{" "}
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
            {hasManager
              ? "Your manager sees these too. So do the managers above your manager and your organization's admins, except what comes from your pulse answers or from a stuck signal you did not send them."
              : "Your organization's admins see these too, except what comes from your pulse answers or from a stuck signal you did not send them."}{" "}
            They are prompts for a conversation, not a judgement.
          </p>
        </div>
      ) : (
        <p className="mt-2 text-sm">
          {/* Said of what was checked, not praise: a newcomer with no 1:1 and no learning yet read "you're growing,
              learning and meeting regularly" (new people are given time before those flags apply). */}
          <span aria-hidden="true">✓ </span>Nothing to flag right now. Reignite watches time in role, stretch goals, 1:1s, learning and
          unused skills, and shows you here first when something comes up.
        </p>
      )}
    </Card>
  );
}
