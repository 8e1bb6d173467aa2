import type { FieldClash } from "@/components/ui/merge-after-conflict";

/** How a value is spelled in a conflict's words: as the form shows it, not as it posts it ("Active", not "active"). */
export type Spell = (value: string) => string;

export const spellText: Spell = (v) => (v.trim() ? `“${v.trim()}”` : "empty");
/** A choice from a list, by its label; one the list does not know is named as saved rather than hidden. */
export const spellChoice =
  (labels: Record<string, string>, none = "none"): Spell =>
  (v) =>
    labels[v] ?? (v.trim() ? v : none);
export const spellYesNo: Spell = (v) => (v === "true" ? "Yes" : "No");

const dateFmt = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
/** A date as the plan cards show it (31 Mar 2026). */
export const spellDate: Spell = (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? dateFmt.format(new Date(`${v}T00:00:00Z`)) : v.trim() ? v : "no date");

/** A form field as a conflict names it: its label and how its values read. */
export type ConflictField = { label: string; spell: Spell };
export type ConflictLine = { key: string; label: string; text: string };

/**
 * One line per field that someone else changed, in the form's order: which ones now show their value, and which
 * keep what this person typed, with theirs beside it. A field nobody else touched is not listed.
 */
export function conflictLines<K extends string>(clashes: Partial<Record<K, FieldClash>>, fields: Record<K, ConflictField>, theySaved = "they saved"): ConflictLine[] {
  const lines: ConflictLine[] = [];
  for (const key of Object.keys(fields) as K[]) {
    const clash = clashes[key];
    if (!clash) continue;
    const { label, spell } = fields[key];
    const text =
      clash.kind === "taken"
        ? `changed from ${spell(clash.was)} to ${spell(clash.saved)}; the form shows it now.`
        : `${theySaved} ${spell(clash.saved)}; yours, ${spell(clash.typed)}, is kept.`;
    lines.push({ key, label, text });
  }
  return lines;
}
