/**
 * Unsaved note drafts kept in this browser's localStorage. A draft belongs to
 * the person who typed it: its key carries their membership id, so a draft is
 * only ever restored (and saved) for its author — never for the next person
 * who signs in on the same browser. An explicit sign-out forgets all drafts.
 */
const PREFIX = "reignite:note:";

export function noteDraftKey(author: string, meetingId: string, visibility: "shared" | "private"): string {
  return `${PREFIX}${author}:${meetingId}:${visibility}`;
}

/** Removes every note draft from this browser (drafts of the old, unkeyed format included). */
export function forgetNoteDrafts(storage: Storage): void {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(PREFIX)) keys.push(key);
  }
  for (const key of keys) storage.removeItem(key);
}
