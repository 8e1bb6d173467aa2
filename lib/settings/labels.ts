import type { radarSettingsColumns } from "@/lib/radar/settings-columns";

export type SettingName = keyof typeof radarSettingsColumns;

/** What each radar setting is called on the settings page, and in the audit log's record of a change. */
export const SETTING_LABELS: Record<SettingName, string> = {
  roleNoticeMonths: "Role notice (months)",
  roleWarningMonths: "Role threshold (months)",
  defaultCadenceDays: "Default 1:1 cadence (days)",
  pulseAlertScore: "Pulse alert (rust score 1–5)",
  learningGapMonths: "Learning gap (months)",
  stuckAckDays: "Stuck acknowledgement (days)",
};

/** The settings a save changed, each as [before, after]: what the audit log records. */
export function settingChanges(before: Record<SettingName, number>, after: Record<SettingName, number>): Partial<Record<SettingName, [number, number]>> {
  const out: Partial<Record<SettingName, [number, number]>> = {};
  for (const k of Object.keys(SETTING_LABELS) as SettingName[]) if (before[k] !== after[k]) out[k] = [before[k], after[k]];
  return out;
}
