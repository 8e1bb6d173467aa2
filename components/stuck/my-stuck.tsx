import type { MyStuckData } from "@/lib/stuck/mine";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { LocalTime } from "@/components/one-on-ones/local-time";
import { ArrivalTarget } from "@/components/ui/arrival-target";
import { STUCK_CURRENT_ID, STUCK_WITHDRAWN_ID } from "./focus-ids";
import { TalkingPointLink } from "./talking-point-link";
import { RaiseStuckForm, WithdrawStuckForm } from "./stuck-forms";

/** "I feel stuck": raise a signal, see its status and the next step, withdraw it. Own signals only. */
export function MyStuck({
  mine,
  manager,
  managerInactive = false,
  hrReachable = true,
}: {
  mine: MyStuckData["mine"];
  manager: string | null;
  managerInactive?: boolean;
  hrReachable?: boolean;
}) {
  // The open signal, else the latest one; once that was withdrawn, an older acknowledged one is history, not current.
  const current = mine[0] && mine[0].status !== "withdrawn" ? mine[0] : null;
  const open = mine.find((s) => s.status === "open") ?? null;
  // The latest signal, if it was withdrawn: said in words, since withdrawing removes what was on screen.
  const withdrawn = mine[0]?.status === "withdrawn" ? mine[0] : null;
  // At the top of the organization HR / org admins are the ones to tell; with no other admin, nobody would hear it.
  const topOfOrg = !manager && !managerInactive;
  if (topOfOrg && !hrReachable && !current) return null;
  return (
    <Card>
      <h2 className="text-lg font-semibold">Feeling stuck?</h2>
      <p className="mb-3 text-sm text-muted">
        {manager
          ? `Tell ${manager} safely. You choose who else sees it, and you can withdraw it at any time.`
          : topOfOrg
            ? "You have no manager on record, so tell HR / org admins safely. Only they see it, and you can withdraw it at any time."
            : "Your manager on record is no longer active, so tell HR / org admins (or the managers above your manager) safely until an admin records your new manager. You can withdraw it at any time."}
      </p>
      {!current && withdrawn ? (
        <ArrivalTarget id={STUCK_WITHDRAWN_ID} as="p" className="mb-3 text-sm text-muted">
          You withdrew your last signal (raised <LocalTime iso={withdrawn.createdAt} mode="date" />): nobody is waiting on it. Raise a new one whenever you like.
        </ArrivalTarget>
      ) : null}
      {current ? (
        // Keyed by the signal, so a newly raised one is a new arrival even where an acknowledged one stood.
        <ArrivalTarget key={current.id} id={STUCK_CURRENT_ID} className="mb-4 space-y-2 rounded-md border border-line p-3 text-sm">
          <p className="flex flex-wrap items-center gap-2">
            <Badge tone={current.status === "open" ? "watch" : "good"}>
              <span aria-hidden>{current.status === "open" ? "●" : "✓"}</span> {current.status === "open" ? "Waiting for a response" : "Acknowledged"}
            </Badge>
            <span className="text-muted">
              Raised <LocalTime iso={current.createdAt} mode="date" />
            </span>
          </p>
          {current.message ? <p className="whitespace-pre-line [overflow-wrap:anywhere]">“{current.message}”</p> : null}
          <p className="text-muted">Seen by: {seenBy(current, topOfOrg)}.</p>
          {current.status === "open" && managerInactive && !current.includeSkipLevel && !current.includeHr ? (
            // Raised to a manager since deactivated: nobody can read it until an admin records a new manager (who then
            // sees it, as their report's open signal). Said here, or it would wait for a response that cannot come.
            <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
              Your manager on record is no longer active, so nobody can read this yet: your new manager will, once an admin records them. To be heard
              sooner, withdraw it and send it again to HR / org admins or the managers above your manager.
            </p>
          ) : null}
          {current.status === "acknowledged" ? (
            <p className="[overflow-wrap:anywhere]">
              <strong>{current.acknowledgedByName ?? "Your manager"}</strong> acknowledged it — next step: <strong>{current.nextStep}</strong>
              {current.talkingPoint ? (
                <>
                  {" · "}
                  <TalkingPointLink point={current.talkingPoint} />
                </>
              ) : null}
            </p>
          ) : null}
          {current.status !== "withdrawn" ? <WithdrawStuckForm id={current.id} status={current.status} /> : null}
        </ArrivalTarget>
      ) : null}
      {!open && (!topOfOrg || hrReachable) ? <RaiseStuckForm managerName={manager} recipients={topOfOrg ? "hr" : manager ? "manager" : "inactive"} /> : null}
    </Card>
  );
}

function seenBy(s: { includeSkipLevel: boolean; includeHr: boolean }, topOfOrg: boolean): string {
  const who = [...(topOfOrg ? [] : ["your manager"]), ...(s.includeSkipLevel ? ["the managers above your manager"] : []), ...(s.includeHr ? ["HR / org admins"] : [])];
  return who.join(", ");
}
