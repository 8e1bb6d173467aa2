import { MeetingDateLink } from "@/components/one-on-ones/meeting-date-link";
import type { StuckSignalDto } from "@/lib/stuck/signals";

/** Where "Talk in our next 1:1" stands: on the agenda of a 1:1 to come, or ticked off there. Its two participants only. */
export function TalkingPointLink({ point }: { point: NonNullable<StuckSignalDto["talkingPoint"]> }) {
  return (
    <span className="text-muted">
      {point.done ? "talked about in " : "on the agenda of "}
      <MeetingDateLink meetingId={point.meetingId} at={point.scheduledAt} />
    </span>
  );
}
