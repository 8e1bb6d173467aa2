/** Monday of the ISO week containing the calendar day `day` ('YYYY-MM-DD'), as 'YYYY-MM-DD'. */
export function weekStartOfDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7; // days since Monday
  return new Date(d.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}

/** Monday of the ISO week containing `d`, in UTC, as 'YYYY-MM-DD'. */
export function isoWeekStart(d: Date): string {
  return weekStartOfDay(d.toISOString().slice(0, 10));
}

/**
 * Has the person answered the pulse of the week that contains `today` (their
 * own calendar day: on a Monday morning in Auckland it is already a new week,
 * while UTC is still on Sunday)?
 */
export function answeredWeekOf(weekStarts: readonly string[], today: string): boolean {
  const w = weekStartOfDay(today);
  return weekStarts.includes(w);
}

export const PULSE_QUESTIONS = [
  { key: "motivation", label: "How motivated have you felt at work this week?", low: "Not at all", high: "Very" },
  { key: "skillsUsed", label: "How much did your work use your skills?", low: "Barely", high: "Fully" },
  { key: "variety", label: "How much variety or progress did your work have?", low: "Same old", high: "Lots" },
  { key: "purpose", label: "How connected did you feel to why your work matters?", low: "Disconnected", high: "Very connected" },
  { key: "initiative", label: "How much did you take initiative beyond what was asked?", low: "Only what was asked", high: "A lot" },
] as const;
export type PulseKey = (typeof PULSE_QUESTIONS)[number]["key"];

/** Rust score of one check-in: 6 − the average answer (1 = healthy … 5 = rusted out). */
export function rustScore(a: Record<PulseKey, number>): number {
  const sum = PULSE_QUESTIONS.reduce((s, q) => s + a[q.key], 0);
  return Math.round((6 - sum / PULSE_QUESTIONS.length) * 10) / 10;
}
