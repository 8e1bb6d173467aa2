import type { FieldClash } from "@/components/ui/merge-after-conflict";
import type { SavedBy } from "@/lib/saved-by";
import { conflictLines, type ConflictField, type ConflictLine } from "./conflict-lines";
import { savedByWords } from "./saved-by-words";

/**
 * What a 409 shows above Save, once the form holds the merged values (usePlanEditForm): who saved first (by name, or
 * the viewer's other tab), every field they changed, named as the form names it, and whether the form now shows
 * their value or keeps what was typed.
 */
export function ConflictNote<K extends string>({
  clashes,
  fields,
  more = [],
  by,
}: {
  clashes: Partial<Record<K, FieldClash>>;
  fields: Record<K, ConflictField>;
  /** What else they changed that this form does not hold (a goal's progress), so the note does not say "nothing here". */
  more?: ConflictLine[];
  /** The 409's `savedBy`. */
  by: SavedBy | null;
}) {
  const words = savedByWords(by);
  const lines = [...conflictLines(clashes, fields, words.they), ...more];
  return (
    <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
      <p className="font-medium">⚠ {words.first}</p>
      {lines.length ? (
        <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
          {lines.map((l) => (
            <div key={l.key} className="contents">
              <dt className="font-medium text-amber-900 dark:text-amber-200">{l.label}</dt>
              <dd className="whitespace-pre-wrap [overflow-wrap:anywhere]">{l.text}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="mt-1">{by?.you ? "That change" : "Their change"} is not in the fields of this form.</p>
      )}
      <p className="mt-1">Nothing you typed is lost: a field you changed keeps your value, and the fields you left show what is saved now. Review and save again to keep yours.</p>
    </div>
  );
}
