import { MeetingDateLink } from "@/components/one-on-ones/meeting-date-link";
import type { StuckSignalDto } from "@/lib/stuck/signals";

/** Where "Talk in our next 1:1" stands: on the agenda of a 1:1 to come, or ticked off there. Its two participants only. */
export function TalkingPointLink({ point }: { point: NonNullable<StuckSignalDto["talkingPoint"]> }) {
  // A 1:1 cancelled with it still open: its items move on to the pair's next 1:1, unless the reporting line changed
  // and there is none. "On the agenda of" a 1:1 that will not take place promised a talk that was not coming.
  if (point.cancelled && !point.done) {
    return (
      <span className="text-muted">
        was on the agenda of <MeetingDateLink meetingId={point.meetingId} at={point.scheduledAt} />, which was cancelled: bring it up at the next 1:1
      </span>
    );
  }
  return (
    <span className="text-muted">
      {point.done ? "talked about in " : "on the agenda of "}
      <MeetingDateLink meetingId={point.meetingId} at={point.scheduledAt} />
    </span>
  );
}
