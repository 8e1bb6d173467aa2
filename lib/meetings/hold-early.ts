/**
 * How far ahead a 1:1 still is when someone marks it held. Marking it held early records it as held now (see
 * changeMeeting), so the confirmation says so; a few hours either side of the time is ordinary (it ran early, or
 * the person marks it at the start), and is not called out.
 */
export const HOLD_EARLY_AFTER_HOURS = 12;

/** How far ahead `scheduledAt` is, in words ("in 3 days"), or null when it is no more than 12 hours ahead. */
export function earlyHoldLead(scheduledAt: Date, now: Date): string | null {
  const hours = (scheduledAt.getTime() - now.getTime()) / 3_600_000;
  if (!(hours > HOLD_EARLY_AFTER_HOURS)) return null;
  // Hours up to a day and a half: "in 1 day" for 30 hours would round away a quarter of the lead.
  if (hours < 36) return `in ${Math.round(hours)} hours`;
  const days = Math.round(hours / 24);
  return days < 14 ? `in ${days} days` : `in ${Math.round(days / 7)} weeks`;
}
