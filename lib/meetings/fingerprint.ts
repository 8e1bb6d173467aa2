/**
 * What of a 1:1 the other person's changes move, in one string: its status and version (a check-in, a reschedule),
 * and each talking point and action item with its version, place and state. The page renders it; the open page
 * (components/one-on-ones/live-refresh.tsx) asks the API for the same 1:1 and refreshes only when they differ.
 * Notes are left out: they change as people type, and refresh themselves (note-editor.tsx).
 */
export type FingerprintSource = {
  status: string;
  version: number;
  scheduledAt: string;
  agenda: { id: string; version: number; position: number; done: boolean }[];
  actionItems: { id: string; version: number; doneAt: string | null }[];
};

export function meetingFingerprint(m: FingerprintSource): string {
  return [
    m.status,
    m.version,
    m.scheduledAt,
    m.agenda.map((a) => `${a.id}:${a.version}:${a.position}:${a.done ? 1 : 0}`).join(","),
    m.actionItems.map((a) => `${a.id}:${a.version}:${a.doneAt ? 1 : 0}`).join(","),
  ].join("|");
}
