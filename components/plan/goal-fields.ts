import { GOAL_CATEGORY_LABEL, GOAL_STATUS_LABEL } from "@/lib/plan/labels";
import { spellChoice, spellDate, spellText, spellYesNo, type ConflictField } from "./conflict-lines";
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
