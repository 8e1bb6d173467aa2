import { and, eq } from "drizzle-orm";
import { notFound, redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { memberships, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer-type";
import { AppError } from "@/lib/errors";
import { listMeetings } from "@/lib/meetings/schedule";
import { suggestNextIso } from "@/lib/meetings/suggest-next";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { MeetingList } from "./meeting-list";
import { CadenceForm, ScheduleForm } from "./schedule-form";

const lastPage = (total: number, pageSize: number) => Math.max(1, Math.ceil(total / pageSize));

/** The list of a pair's 1:1s: the manager's view of a report, or the employee's own. */
export async function OneOnOnesPage({ viewer, personId, page, basePath }: { viewer: Viewer; personId: string; page: number; basePath: string }) {
  const db = await getDb();
  let list;
  try {
    list = await listMeetings(db, viewer, personId, { page });
  } catch (e) {
    if (e instanceof AppError && e.status === 404) notFound();
    throw e;
  }
  const self = personId === viewer.personId;
  const otherId = self ? list.managerId : personId;
  const [other] = otherId
    ? await db
        .select({ name: users.name, deactivatedAt: memberships.deactivatedAt })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.id, otherId), eq(memberships.orgId, viewer.orgId)))
    : [];
  // A page past the last (a link kept from when there were more, a typed number) shows the last page, not "No 1:1s yet".
  if (!list.items.length && list.total > 0) redirect(`${basePath}${lastPage(list.total, list.pageSize) > 1 ? `?page=${lastPage(list.total, list.pageSize)}` : ""}`);
  // A manager deactivated stays on record until an admin reassigns their reports: nobody can meet them, so scheduling
  // is not offered (the server refuses it), and the page says why instead.
  const managerGone = self && !!list.managerId && !!other?.deactivatedAt;
  const suggested = suggestNextIso(list.cadenceDays, list.lastSlotAt);
  const cadenceLabel = list.cadenceDays === 7 ? "weekly" : list.cadenceDays === 14 ? "every 2 weeks" : list.cadenceDays === 30 ? "monthly" : `every ${list.cadenceDays} days`;
  return (
    <div className="space-y-6">
      <PageHeader
        title={self ? "My 1:1s" : `1:1s with ${other?.name ?? ""}`}
        description={
          list.managerId
            ? `${self ? `With ${other?.name ?? "your manager"}` : "Cadence"}: ${cadenceLabel}${list.cadenceIsDefault ? " (organization default)" : ""}. Open talking points and action items carry over to the next 1:1 automatically.`
            : "You have no manager in Reignite yet, so there is nobody to meet with."
        }
      />
      {managerGone ? (
        <p role="status" className="rounded-md border border-line bg-panel px-4 py-3 text-sm">
          {other?.name ?? "Your manager"} is no longer active in Reignite, so there is nobody to schedule a 1:1 with until an admin records your new manager.
          {list.items.length ? " Your earlier 1:1s are listed below." : ""}
        </p>
      ) : list.managerId ? (
        <Card>
          <h2 className="mb-3 text-lg font-semibold">{list.lastScheduledAt ? "Schedule another 1:1" : "Schedule the next 1:1"}</h2>
          <ScheduleForm personId={personId} suggestedIso={suggested} />
          {!self ? (
            <div className="mt-4 border-t border-line pt-4">
              <CadenceForm personId={personId} current={list.cadenceIsDefault ? "default" : (String(list.cadenceDays) as "7" | "14" | "30")} />
            </div>
          ) : null}
        </Card>
      ) : null}
      {!list.managerId && self && list.items.length ? (
        <p className="text-sm text-muted">Your earlier 1:1s are listed below. New ones can be scheduled once an admin records your manager.</p>
      ) : null}
      {list.items.length === 0 ? (
        list.managerId && !managerGone ? (
          <EmptyState title="No 1:1s yet">Pick a date above, e.g. next Tuesday at 10:00, and add a first talking point such as “What drew you to this field?”.</EmptyState>
        ) : null
      ) : (
        <MeetingList items={list.items} page={list.page} pageSize={list.pageSize} total={list.total} basePath={basePath} />
      )}
    </div>
  );
}
