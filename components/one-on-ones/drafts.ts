/**
 * Unsaved drafts (1:1 notes and check-in answers) kept in this browser's
 * localStorage until the server confirms them.
 *
 * A draft belongs to the person who typed it: its key carries their membership
 * id, so it is only ever restored (and saved) for its author — never for the
 * next person who signs in on the same browser. An explicit sign-out forgets
 * all drafts.
 *
 * Each tab keeps its own slot (the tab's id lives in sessionStorage, which a
 * reload keeps): with one slot per note, the last tab to type overwrote the
 * others' text and any tab's save removed it, so a conflict left unresolved in
 * one tab was gone after its reload. A tab restores its own draft; a draft of a
 * tab that is no longer open (closed, crashed) is taken over by the next tab
 * that opens the page. Open tabs are told apart from closed ones by a Web Lock
 * each tab holds while it lives; where locks are unavailable every other
 * tab's draft counts as left behind.
 */
const NOTE = "reignite:note:";
const CHECK_IN = "reignite:checkin:";
const TAB = "reignite:tab";
const TAB_LOCK = "reignite:tab:";

export function noteDraftKey(author: string, meetingId: string, visibility: "shared" | "private"): string {
  return `${NOTE}${author}:${meetingId}:${visibility}`;
}

export function checkInDraftKey(author: string, meetingId: string): string {
  return `${CHECK_IN}${author}:${meetingId}`;
}

let tab: string | null = null;

/** This tab's id: the same after a reload, another in a new tab. */
function tabId(): string {
  if (tab) return tab;
  let id: string | null = null;
  try {
    id = sessionStorage.getItem(TAB);
    if (!id) {
      id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
      sessionStorage.setItem(TAB, id);
    }
  } catch {
    id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  }
  tab = id;
  // Held until the tab goes away. A duplicated tab (which copies sessionStorage) queues for it and shares the slot.
  if (typeof navigator !== "undefined" && navigator.locks) void navigator.locks.request(TAB_LOCK + id, () => new Promise<never>(() => {})).catch(() => {});
  return id;
}

/** Ids of the tabs of this origin that are open now, or null when the browser cannot tell. */
async function openTabs(): Promise<Set<string> | null> {
  if (typeof navigator === "undefined" || !navigator.locks) return null;
  try {
    const { held = [], pending = [] } = await navigator.locks.query();
    return new Set([...held, ...pending].flatMap((l) => (l.name?.startsWith(TAB_LOCK) ? [l.name.slice(TAB_LOCK.length)] : [])));
  } catch {
    return null;
  }
}

type Stored<T> = { draft: T; at: number };

function parse<T>(raw: string | null): Stored<T> | null {
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as Partial<Stored<T>> & Record<string, unknown>;
    // Drafts written before the per-tab slots were the bare draft object.
    return v && typeof v === "object" && "draft" in v ? { draft: v.draft as T, at: Number(v.at) || 0 } : { draft: v as T, at: 0 };
  } catch {
    return null;
  }
}

/** One tab's slot for the draft of one thing (a note, a check-in). */
export function tabDraft<T>(slot: string) {
  const own = () => `${slot}:${tabId()}`;
  return {
    /** This tab's draft, or else the newest one a closed tab left behind (then moved into this tab's slot). */
    async take(): Promise<T | null> {
      try {
        const mine = parse<T>(localStorage.getItem(own()));
        if (mine) return mine.draft;
        const open = await openTabs();
        let best: { key: string; raw: string; stored: Stored<T> } | null = null;
        for (let i = 0; i < localStorage.length; i++) {
          const key = localStorage.key(i);
          if (!key || (key !== slot && !key.startsWith(`${slot}:`))) continue;
          if (key !== slot && open?.has(key.slice(slot.length + 1))) continue;
          const raw = localStorage.getItem(key);
          const stored = parse<T>(raw);
          if (raw && stored && (!best || stored.at > best.stored.at)) best = { key, raw, stored };
        }
        if (!best) return null;
        localStorage.setItem(own(), best.raw);
        localStorage.removeItem(best.key);
        return best.stored.draft;
      } catch {
        return null;
      }
    },
    write(draft: T): void {
      try {
        localStorage.setItem(own(), JSON.stringify({ draft, at: Date.now() } satisfies Stored<T>));
      } catch {
        /* storage full or disabled: the server save still runs */
      }
    },
    /** Removes this tab's draft only: another tab's unsaved or conflicted text stays. */
    clear(): void {
      try {
        localStorage.removeItem(own());
      } catch {
        /* storage disabled: nothing was kept */
      }
    },
  };
}

/** Removes every draft from this browser (drafts of the old, unkeyed format included). */
export function forgetDrafts(storage: Storage): void {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(NOTE) || key?.startsWith(CHECK_IN)) keys.push(key);
  }
  for (const key of keys) storage.removeItem(key);
}
