import type { MyStuckData } from "@/lib/stuck/mine";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { LocalTime } from "@/components/one-on-ones/local-time";
import { RaiseStuckForm, WithdrawStuckForm } from "./stuck-forms";

/** "I feel stuck": raise a signal, see its status and the next step, withdraw it. Own signals only. */
export function MyStuck({ mine, manager, managerInactive = false }: { mine: MyStuckData["mine"]; manager: string | null; managerInactive?: boolean }) {
  const current = mine.find((s) => s.status !== "withdrawn") ?? null;
  const open = mine.find((s) => s.status === "open") ?? null;
  if (!manager && !managerInactive) return null; // nobody to tell
  return (
    <Card>
      <h2 className="text-lg font-semibold">Feeling stuck?</h2>
      <p className="mb-3 text-sm text-muted">
        {manager
          ? `Tell ${manager} safely. You choose who else sees it, and you can withdraw it at any time.`
          : "Your manager on record is no longer active, so tell HR / org admins (or your manager’s manager) safely until an admin records your new manager. You can withdraw it at any time."}
      </p>
      {current ? (
        <div className="mb-4 space-y-2 rounded-md border border-line p-3 text-sm">
          <p className="flex flex-wrap items-center gap-2">
            <Badge tone={current.status === "open" ? "watch" : "good"}>
              <span aria-hidden>{current.status === "open" ? "●" : "✓"}</span> {current.status === "open" ? "Waiting for a response" : "Acknowledged"}
            </Badge>
            <span className="text-muted">
              Raised <LocalTime iso={current.createdAt} mode="date" />
            </span>
          </p>
          {current.message ? <p className="[overflow-wrap:anywhere]">“{current.message}”</p> : null}
          <p className="text-muted">
            Seen by: your manager{current.includeSkipLevel ? ", your manager’s manager" : ""}
            {current.includeHr ? ", HR / org admins" : ""}.
          </p>
          {current.status === "acknowledged" ? (
            <p className="[overflow-wrap:anywhere]">
              <strong>{current.acknowledgedByName ?? "Your manager"}</strong> acknowledged it — next step: <strong>{current.nextStep}</strong>
            </p>
          ) : null}
          {current.status !== "withdrawn" ? <WithdrawStuckForm id={current.id} /> : null}
        </div>
      ) : null}
      {!open ? <RaiseStuckForm managerName={manager} /> : null}
    </Card>
  );
}
