"use client";

import { useState } from "react";
import { useActionForm } from "@/components/ui/use-action-form";
import { Button } from "@/components/ui/button";
import { FormMessage, TextField } from "@/components/ui/field";
import { unsavedAttr } from "@/components/ui/unsaved-changes";
import { clashNote, mergeAfterConflict, sameNumber, type FieldClash } from "@/components/ui/merge-after-conflict";
import type { OrgSettings } from "@/lib/settings/org-settings";
import { SETTING_LABELS, type SettingName } from "@/lib/settings/labels";
import { saveSettingsAction } from "../actions";

const FIELDS: { name: SettingName; label: string; hint: string; min: number; max: number; step?: number }[] = [
  { name: "roleNoticeMonths", label: SETTING_LABELS.roleNoticeMonths, hint: "Same role this long shows a notice. 15 months is the average time in one role.", min: 1, max: 120 },
  { name: "roleWarningMonths", label: SETTING_LABELS.roleWarningMonths, hint: "Same role this long is a warning.", min: 1, max: 120 },
  { name: "defaultCadenceDays", label: SETTING_LABELS.defaultCadenceDays, hint: "A 1:1 is overdue after 1.5 × the cadence.", min: 1, max: 90 },
  { name: "pulseAlertScore", label: SETTING_LABELS.pulseAlertScore, hint: "Higher = more rust. The latest check-in at or above this flags; half points allowed (3.5).", min: 1, max: 5, step: 0.5 },
  { name: "learningGapMonths", label: SETTING_LABELS.learningGapMonths, hint: "No learning activity this long flags.", min: 1, max: 120 },
  { name: "stuckAckDays", label: SETTING_LABELS.stuckAckDays, hint: "An “I feel stuck” signal open this long flags.", min: 1, max: 60 },
];

type Texts = Record<SettingName, string>;
const asTexts = (s: OrgSettings): Texts => Object.fromEntries(FIELDS.map((f) => [f.name, String(s[f.name])])) as Texts;

/**
 * The radar thresholds. Fields are controlled, so what was typed survives a validation error and a conflict. A save
 * carries the version its edits started from; when someone else saved meanwhile, each field edited here keeps what
 * was typed with their value beside it, and the fields left alone show their values (mergeAfterConflict): saving
 * again then replaces only what this admin meant to change.
 */
export function SettingsForm({ initial }: { initial: OrgSettings }) {
  const [base, setBase] = useState(initial);
  const [values, setValues] = useState(() => asTexts(initial));
  const [clashes, setClashes] = useState<Partial<Record<SettingName, FieldClash>>>({});
  const { state, action, onSubmit, pending, fields: f } = useActionForm(saveSettingsAction, {
    onResult: (s) => {
      if (s?.ok && s.data) {
        setBase(s.data);
        setValues(asTexts(s.data));
        setClashes({});
      } else if (s && !s.ok && s.code === "conflict" && s.extra?.current) {
        const saved = s.extra.current as OrgSettings;
        const merged = mergeAfterConflict(values, asTexts(base), asTexts(saved), sameNumber);
        setBase(saved);
        setValues(merged.values);
        setClashes(merged.clashes);
      }
    },
  });
  const conflict = !!state && !state.ok && state.code === "conflict";
  // Controlled fields look untouched to the leave guard: the form says itself when it differs from what is saved.
  const saved = asTexts(base);
  const changed = FIELDS.some((fl) => values[fl.name] !== saved[fl.name]);
  return (
    // noValidate: a value out of range gets our message at its field, not the browser's pop-up.
    <form action={action} onSubmit={onSubmit} aria-label="Radar thresholds" className="space-y-4" noValidate {...unsavedAttr(changed)}>
      <input type="hidden" name="version" value={base.version} />
      <div className="grid gap-4 sm:grid-cols-2">
        {FIELDS.map((fl) => {
          const clash = clashes[fl.name];
          return (
            <TextField
              key={fl.name}
              label={fl.label}
              name={fl.name}
              type="number"
              inputMode={fl.step ? "decimal" : "numeric"}
              min={fl.min}
              max={fl.max}
              step={fl.step}
              required
              value={values[fl.name]}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setValues((v) => ({ ...v, [fl.name]: value }));
              }}
              hint={
                clash ? (
                  <>
                    <span className="block font-medium text-amber-900 dark:text-amber-200">{clashNote(clash)}</span> {fl.hint}
                  </>
                ) : (
                  fl.hint
                )
              }
              errors={f[fl.name]}
            />
          );
        })}
      </div>
      <FormMessage state={state} />
      {conflict ? <p className="text-sm">Nothing you typed is lost: a field you changed keeps your value, with theirs beside it; the others show theirs. Review and save again.</p> : null}
      <Button type="submit" pending={pending}>{pending ? "Saving…" : "Save settings"}</Button>
    </form>
  );
}
