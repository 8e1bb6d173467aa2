"use client";

import type { ReactNode } from "react";
import { useArrivalFocus } from "@/components/ui/use-arrival-focus";

export const STATUS_NOTE_ID = "meeting-status-note";

/** What became of a held or cancelled 1:1. Marking it so removes the pressed button: focus arrives here instead. */
export function MeetingStatusNote({ children }: { children: ReactNode }) {
  useArrivalFocus(STATUS_NOTE_ID);
  return (
    <p id={STATUS_NOTE_ID} role="status" tabIndex={-1} className="rounded-md border border-line bg-panel px-4 py-3 text-sm">
      {children}
    </p>
  );
}
