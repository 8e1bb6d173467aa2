"use client";

import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import type { TimelineAhead } from "@/lib/people/timeline-title";
import { adoptTimelineTitleAction } from "../actions";

/**
 * The timeline has moved on from the directory (a manager recorded a promotion or a move). Admins can take the
 * timeline's value with one click; a manager is told who can.
 */
export function TimelineAheadNotice({ personId, ahead, directory, admin, dates }: { personId: string; ahead: TimelineAhead; directory: { title: string; team: string }; admin: boolean; dates: { title?: string; team?: string } }) {
  const { state, action, onSubmit, pending } = useActionForm(adoptTimelineTitleAction.bind(null, personId));
  const parts = [
    ahead.title ? `title “${ahead.title.value}” (since ${dates.title})` : null,
    ahead.team ? `team “${ahead.team.value}” (since ${dates.team})` : null,
  ].filter(Boolean);
  const now = [ahead.title ? `“${directory.title || "no title"}”` : null, ahead.team ? `“${directory.team || "no team"}”` : null].filter(Boolean);
  const done = state?.ok;
  return (
    <section aria-labelledby="timeline-ahead-h" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
      <h2 id="timeline-ahead-h" className="font-semibold">
        The directory is behind the role timeline
      </h2>
      <p className="mt-1">
        The timeline records the {parts.join(" and ")}; the directory still says {now.join(" and ")}.{" "}
        {admin ? "Use the timeline’s in the directory?" : "An admin updates the directory: ask one to take it from the timeline."}
      </p>
      {admin && !done ? (
        <form action={action} onSubmit={onSubmit} className="mt-3">
          <Button type="submit" variant="secondary" pending={pending}>
            Use the timeline’s {[ahead.title ? "title" : null, ahead.team ? "team" : null].filter(Boolean).join(" and ")}
          </Button>
        </form>
      ) : null}
      <div className="mt-2">
        <FormMessage state={state} />
      </div>
    </section>
  );
}
