import Link from "next/link";
import { LocalTime } from "./local-time";

/** “the 1:1 on 14 Dec 2026”, linking to that 1:1: where an item went, or where a conversation is planned. */
export function MeetingDateLink({ meetingId, at }: { meetingId: string; at: string }) {
  return (
    <Link href={`/one-on-ones/${meetingId}`} className="font-medium underline">
      the 1:1 on <LocalTime iso={at} mode="date" />
    </Link>
  );
}
