"use client";

import { useActionForm } from "@/components/ui/use-action-form";
import { Button } from "@/components/ui/button";
import { FormMessage, TextField } from "@/components/ui/field";
import type { OrgSettings } from "@/lib/settings/org-settings";
import { SETTING_LABELS } from "@/lib/settings/labels";
import { saveSettingsAction } from "../actions";

const FIELDS: { name: keyof Omit<OrgSettings, "version" | "name">; label: string; hint: string; min: number; max: number; step?: number }[] = [
  { name: "roleNoticeMonths", label: SETTING_LABELS.roleNoticeMonths, hint: "Same role this long shows a notice. 15 months is the average time in one role.", min: 1, max: 120 },
  { name: "roleWarningMonths", label: SETTING_LABELS.roleWarningMonths, hint: "Same role this long is a warning.", min: 1, max: 120 },
  { name: "defaultCadenceDays", label: SETTING_LABELS.defaultCadenceDays, hint: "A 1:1 is overdue after 1.5 × the cadence.", min: 1, max: 90 },
  { name: "pulseAlertScore", label: SETTING_LABELS.pulseAlertScore, hint: "Higher = more rust. The latest check-in at or above this flags; half points allowed (3.5).", min: 1, max: 5, step: 0.5 },
  { name: "learningGapMonths", label: SETTING_LABELS.learningGapMonths, hint: "No learning activity this long flags.", min: 1, max: 120 },
  { name: "stuckAckDays", label: SETTING_LABELS.stuckAckDays, hint: "An “I feel stuck” signal open this long flags.", min: 1, max: 60 },
];

export function SettingsForm({ initial }: { initial: OrgSettings }) {
  // A saved or conflicting version remounts the form (key) with those values; a validation error keeps what was typed.
  const { state, action, onSubmit, pending, fields: f } = useActionForm(saveSettingsAction);
  const current = (state && !state.ok ? (state.extra?.current as OrgSettings | undefined) : undefined) ?? (state?.ok ? state.data : undefined) ?? initial;
  return (
    // noValidate: a value out of range gets our message at its field, not the browser's pop-up.
    <form key={current.version} action={action} onSubmit={onSubmit} aria-label="Radar thresholds" className="space-y-4" noValidate>
      <input type="hidden" name="version" value={current.version} />
      <div className="grid gap-4 sm:grid-cols-2">
        {FIELDS.map((fl) => (
          <TextField key={fl.name} label={fl.label} name={fl.name} type="number" inputMode={fl.step ? "decimal" : "numeric"} min={fl.min} max={fl.max} step={fl.step} required defaultValue={current[fl.name]} hint={fl.hint} errors={f[fl.name]} />
        ))}
      </div>
      <FormMessage state={state} />
      <Button type="submit" pending={pending}>{pending ? "Saving…" : "Save settings"}</Button>
    </form>
  );
}
