import { GOAL_CATEGORY_LABEL, GOAL_STATUS_LABEL } from "@/lib/plan/labels";
import { spellChoice, spellDate, spellText, spellYesNo, type ConflictField, type ConflictLine } from "./conflict-lines";
import type { GoalKey } from "./plan-form-values";

/** The goal form's fields as it labels them, and how a conflict note spells their values. Plain, so tests read the real ones. */
export const GOAL_FIELDS: Record<GoalKey, ConflictField> = {
  title: { label: "Title", spell: spellText },
  description: { label: "Description", spell: spellText },
  category: { label: "Category", spell: spellChoice(GOAL_CATEGORY_LABEL) },
  status: { label: "Status", spell: spellChoice(GOAL_STATUS_LABEL) },
  targetOn: { label: "Target date", spell: spellDate },
  servesPurpose: { label: "Serves the purpose", spell: spellYesNo },
};

/**
 * A goal's progress moves with its updates, not with this form, so a 409 can come from a progress update alone: the
 * note names it rather than "their change is not in the fields of this form". None when it did not move.
 */
export function progressLine(was: number, now: unknown): ConflictLine[] {
  if (typeof now !== "number" || now === was) return [];
  return [{ key: "progress", label: "Progress", text: `changed from ${was}% to ${now}% (with a progress update; this form does not change it).` }];
}
