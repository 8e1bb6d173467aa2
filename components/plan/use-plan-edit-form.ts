"use client";
import { useState, type ChangeEvent } from "react";
import { clashNote, mergeAfterConflict, sameText, type FieldClash } from "@/components/ui/merge-after-conflict";
import { unsavedAttr } from "@/components/ui/unsaved-changes";
import type { ActionState } from "@/lib/http/action";
import type { ConflictField } from "./conflict-lines";
import { usePlanForm, type SavedNow } from "./use-plan-form";
import { savedByWords } from "./saved-by-words";

type PlanAction = (prev: ActionState, fd: FormData) => Promise<ActionState>;
type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** The props that tie one form control to the form's values, and what it says about a clash. */
export type FieldBinding = { value: string; onChange: (e: ChangeEvent<Control>) => void; hint?: string };
export type BoxBinding = { checked: boolean; onChange: (e: ChangeEvent<HTMLInputElement>) => void };

/**
 * An edit form for one plan item whose fields are controlled, so that a refused save (409: someone saved first) can
 * put the merged values in them (mergeAfterConflict): a field edited here keeps what was typed, a field left alone
 * takes the value saved now. The next save carries the version saved now, so saving again keeps the other person's
 * changes in the fields this person never touched, instead of posting the values the form was opened with.
 */
export function usePlanEditForm<K extends string>({
  action,
  initial,
  version: initialVersion,
  toValues,
  labels,
  onDone,
  onMerged,
}: {
  action: PlanAction;
  /** The item as the form opens it (plan-form-values.ts). */
  initial: Record<K, string>;
  version: number;
  /** The 409's saved row as form values. */
  toValues: (current: Record<string, unknown>) => Record<K, string>;
  /** How each field is named and its values spelled, at the field and in the conflict note. */
  labels: Record<K, ConflictField>;
  onDone: () => void;
  /** After a merge: e.g. a control that keeps its own state takes a value it did not choose. */
  onMerged?: (merged: Record<K, string>, typed: Record<K, string>, current: Record<string, unknown>) => void;
}) {
  // Fixed when the form opens: a page refresh behind an open form must not move what the edits are compared with.
  const [base, setBase] = useState(initial);
  const [values, setValues] = useState(initial);
  const [version, setVersion] = useState(initialVersion);
  const [clashes, setClashes] = useState<Partial<Record<K, FieldClash>>>({});
  const form = usePlanForm(action, onDone, (current: SavedNow) => {
    if (!current || typeof current.version !== "number") return;
    const saved = toValues(current);
    const merged = mergeAfterConflict(values, base, saved);
    setBase(saved);
    setValues(merged.values);
    setClashes(merged.clashes);
    setVersion(current.version);
    onMerged?.(merged.values, values, current);
  });
  const setValue = (k: K, v: string) => setValues((old) => ({ ...old, [k]: v }));
  const note = (k: K): string | undefined => (clashes[k] ? clashNote(clashes[k], labels[k].spell, savedByWords(form.savedBy).who) : undefined);
  // Controlled fields always look untouched to the leave guard and to Escape (React keeps their default in step), so
  // the form says itself whether what it holds differs from what it was based on (after a merge: what is saved now).
  const unsaved = (Object.keys(values) as K[]).some((k) => !sameText(values[k], base[k]));
  return {
    ...form,
    unsavedProps: unsavedAttr(unsaved),
    values,
    version,
    clashes,
    setValue,
    note,
    field: (k: K): FieldBinding => ({ value: values[k], onChange: (e) => setValue(k, e.currentTarget.value), hint: note(k) }),
    box: (k: K): BoxBinding => ({ checked: values[k] === "true", onChange: (e) => setValue(k, String(e.currentTarget.checked)) }),
  };
}
