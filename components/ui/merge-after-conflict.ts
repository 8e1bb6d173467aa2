/**
 * What a form shows after its save was refused because someone saved first (409 with the values saved now).
 *
 * A field the person edited (what it holds differs from what the form was based on) keeps what they typed, and says
 * what is saved now beside it. A field they left takes the value saved now, and says it changed. Keeping every field
 * as it was would lose nothing typed, but saving again would quietly put back the other person's change in a field
 * this person never touched; showing only the saved values would throw away what they typed.
 */
export type FieldClash =
  /** Edited here, and changed to something else meanwhile: the field keeps what was typed. */
  | { kind: "kept"; typed: string; saved: string }
  /** Not edited here, changed meanwhile: the field now shows what is saved. */
  | { kind: "taken"; was: string; saved: string };

export type Merged<K extends string> = { values: Record<K, string>; clashes: Partial<Record<K, FieldClash>> };

/** Text fields compare as the server saves them: trimmed. */
export const sameText = (a: string, b: string) => a.trim() === b.trim();

/** Number fields compare as numbers ("3.50" is 3.5); anything else as text. */
export const sameNumber = (a: string, b: string) => {
  const [x, y] = [a.trim(), b.trim()];
  return x === y || (x !== "" && y !== "" && Number(x) === Number(y));
};

export function mergeAfterConflict<K extends string>(
  typed: Record<K, string>,
  base: Record<K, string>,
  saved: Record<K, string>,
  same: (a: string, b: string) => boolean = sameText,
): Merged<K> {
  const values = {} as Record<K, string>;
  const clashes: Partial<Record<K, FieldClash>> = {};
  for (const k of Object.keys(typed) as K[]) {
    if (!same(typed[k], base[k])) {
      values[k] = typed[k];
      // Only where someone else changed it too: a field still saved as it was is just this person's pending edit.
      if (!same(base[k], saved[k]) && !same(typed[k], saved[k])) clashes[k] = { kind: "kept", typed: typed[k], saved: saved[k] };
    } else {
      values[k] = saved[k];
      if (!same(base[k], saved[k])) clashes[k] = { kind: "taken", was: base[k], saved: saved[k] };
    }
  }
  return { values, clashes };
}

/**
 * The sentence at a field that clashed, for its accessible description. `show` spells a value the way the form
 * talks about it (a blank title is "no title").
 */
export function clashNote(clash: FieldClash, show: (v: string) => string = (v) => v.trim() || "nothing", who = "Someone else"): string {
  return clash.kind === "kept"
    ? `${who} saved ${show(clash.saved)} here meanwhile; your ${show(clash.typed)} is kept. Save to use yours, or put theirs back.`
    : `${who} changed this from ${show(clash.was)} to ${show(clash.saved)} meanwhile.`;
}
