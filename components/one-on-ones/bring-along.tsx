"use client";

import Link from "next/link";
import { bringTalkingPointsAction, type BroughtState } from "@/app/(app)/one-on-ones/actions";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-message";
import { LiveStatus } from "@/components/ui/live-status";
import { useActionForm } from "@/components/ui/use-action-form";
import type { StrandedTalkingPoints } from "@/lib/meetings/bring-along";
import { LocalTime } from "./local-time";

const plural = (n: number) => (n === 1 ? "talking point" : "talking points");

/**
 * On a 1:1 with a former manager, for the employee only: their own talking points that were never discussed, and a
 * button to add them to their next 1:1 with their manager now. They choose: a point may have been meant for the former
 * manager alone.
 */
export function BringAlong({ meetingId, formerManager, stranded }: { meetingId: string; formerManager: string; stranded: StrandedTalkingPoints }) {
  const { state, action, onSubmit, pending } = useActionForm<BroughtState>(bringTalkingPointsAction);
  const manager = stranded.currentManager;
  const done = state?.ok ? state.data : undefined;
  const one = stranded.pending.length === 1;
  const nextLink = (id: string, iso: string) => (
    <Link href={`/one-on-ones/${id}`} className="font-medium underline">
      your 1:1 with {manager?.name} on <LocalTime iso={iso} />
    </Link>
  );
  return (
    <section aria-labelledby="bring-along-heading" className="space-y-3 rounded-md border border-line bg-panel px-4 py-3 text-sm">
      <h2 id="bring-along-heading" className="font-semibold">
        Your talking points that were not discussed
      </h2>
      {done ? null : !manager ? (
        <p>
          You have no manager in Reignite right now. Once an admin records one, you can bring your talking points from here to your first 1:1 with them.
        </p>
      ) : stranded.pending.length === 0 && stranded.next ? (
        <p>Your open talking points from here are on {nextLink(stranded.next.id, stranded.next.scheduledAt)}.</p>
      ) : (
        <>
          <ul className="list-disc space-y-1 pl-5">
            {stranded.pending.map((body, i) => (
              <li key={i} className="[overflow-wrap:anywhere]">
                {body}
              </li>
            ))}
          </ul>
          <p className="text-muted">
            {one ? "It stays here with this 1:1. If it still matters" : "They stay here with this 1:1. If they still matter"}, add {one ? "it" : "them"} to your next 1:1
            with {manager.name}: only your own talking points go, nothing of {formerManager}&apos;s and no notes.
          </p>
          <form action={action} onSubmit={onSubmit}>
            <input type="hidden" name="meetingId" value={meetingId} />
            <Button type="submit" variant="secondary" pending={pending}>
              Add {one ? "it" : "them"} to my next 1:1 with {manager.name}
            </Button>
          </form>
        </>
      )}
      <FormAlert state={state} />
      <LiveStatus>
        {done ? (
          <p className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-200">
            {done.added ? `Added ${done.added} ${plural(done.added)} to ` : "They were already on "}
            {nextLink(done.meetingId, done.scheduledAt)}
            {done.added && done.alreadyThere ? ` (${done.alreadyThere} already there)` : ""}.
          </p>
        ) : null}
      </LiveStatus>
    </section>
  );
}
