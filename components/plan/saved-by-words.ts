import type { SavedBy } from "@/lib/saved-by";

/** How a conflict note speaks of whoever saved first (a 409's `savedBy`): by name, as the viewer's other tab, or unknown. */
export type SavedByWords = {
  /** The note's first line. */
  first: string;
  /** The subject at a field: "Maya Manager changed this from …". */
  who: string;
  /** In a line of the note: "they saved “…”; yours, “…”, is kept." */
  they: string;
};

export function savedByWords(by: SavedBy | null | undefined): SavedByWords {
  if (by?.you) return { first: "You saved a change in another tab or window first.", who: "You, in another tab or window,", they: "your other tab or window saved" };
  if (by?.name) return { first: `${by.name} saved a change first.`, who: by.name, they: `${by.name} saved` };
  return { first: "Someone else saved a change first.", who: "Someone else", they: "they saved" };
}
