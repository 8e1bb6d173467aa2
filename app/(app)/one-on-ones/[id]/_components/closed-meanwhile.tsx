"use client";
import type { ActionState } from "@/lib/http/action";
import { MeetingDateLink } from "@/components/one-on-ones/meeting-date-link";

/**
 * Under a refused add or reopen on a 1:1 page left open while the other person held or cancelled it: where the next
 * 1:1 is (assertTakesOpenItems names it), so nobody has to find it. The page is not refreshed for them: that would
 * take away the form, and what they typed with it. `typed={false}` under a row action (reopening a ticked item),
 * where nothing was typed.
 */
export function ClosedMeanwhile({ state, typed = true }: { state: ActionState<unknown> | null | undefined; typed?: boolean }) {
  if (!state || state.ok || !state.extra?.meetingClosed) return null;
  const next = state.extra.nextMeeting as { id: string; scheduledAt: string } | null | undefined;
  return (
    <p className="text-sm">
      {next ? (
        <>
          The next 1:1 is <MeetingDateLink meetingId={next.id} at={next.scheduledAt} />.{" "}
        </>
      ) : (
        "No next 1:1 is scheduled yet: schedule one from the list of 1:1s. "
      )}
      {typed ? "What you typed is still here to copy; reload" : "Reload"} this page to see it as it is now.
    </p>
  );
}
