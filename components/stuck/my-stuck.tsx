import { and, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb, type Db } from "@/db/client";
import { memberships, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer-type";
import { listVisibleSignals } from "@/lib/stuck/signals";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { LocalTime } from "@/components/one-on-ones/local-time";
import { RaiseStuckForm, WithdrawStuckForm } from "./stuck-forms";

/** "I feel stuck": raise a signal, see its status and the next step, withdraw it. Own signals only. */
export async function MyStuck({ viewer }: { viewer: Viewer }) {
  const db = await getDb();
  const [mine, manager] = await Promise.all([listVisibleSignals(db, viewer, { personId: viewer.personId }), managerName(db, viewer)]);
  const current = mine.find((s) => s.status !== "withdrawn") ?? null;
  const open = mine.find((s) => s.status === "open") ?? null;
  if (!manager) return null; // nobody to tell
  return (
    <Card>
      <h2 className="text-lg font-semibold">Feeling stuck?</h2>
      <p className="mb-3 text-sm text-muted">Tell {manager} safely. You choose who else sees it, and you can withdraw it at any time.</p>
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
          {current.message ? <p>“{current.message}”</p> : null}
          <p className="text-muted">
            Seen by: your manager{current.includeSkipLevel ? ", your manager’s manager" : ""}
            {current.includeHr ? ", HR / org admins" : ""}.
          </p>
          {current.status === "acknowledged" ? (
            <p>
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

async function managerName(db: Db, viewer: Viewer): Promise<string | null> {
  // The viewer's current manager's name, in one read (me → my manager → their user).
  const mgr = alias(memberships, "mgr");
  const [m] = await db
    .select({ name: users.name })
    .from(memberships)
    .innerJoin(mgr, and(eq(mgr.id, memberships.managerId), eq(mgr.orgId, viewer.orgId)))
    .innerJoin(users, eq(users.id, mgr.userId))
    .where(and(eq(memberships.id, viewer.personId), eq(memberships.orgId, viewer.orgId)));
  return m?.name ?? null;
}
