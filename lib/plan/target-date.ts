/**
 * The viewer's today, for dates that must lie ahead (a stretch goal's target)
 * or behind (a win). Pure, so the forms and the server judge the same way.
 */
export const TARGET_IN_PAST = "Pick a target date from today on.";

const DAY_MS = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Today in UTC, the server's calendar. */
export const utcToday = (now: Date = new Date()) => day(now.getTime());

/** A goal is open while it is proposed or active: only then does its target date still lie ahead. */
const isOpenGoal = (status: string) => status === "proposed" || status === "active";

/**
 * The viewer's calendar day. A browser's local date is believed only within a
 * day of UTC's, as every time zone's is; anything else (or nothing, e.g. an API
 * client) means UTC's.
 */
export function viewerToday(claimed: string | null | undefined, now: Date = new Date()): string {
  const utc = utcToday(now);
  if (!claimed) return utc;
  return claimed >= day(now.getTime() - DAY_MS) && claimed <= day(now.getTime() + DAY_MS) ? claimed : utc;
}

/**
 * The latest day something that already happened (a win) may carry: the
 * viewer's today. A client that sends no day of its own (an API script) gets
 * UTC's tomorrow, so a viewer east of UTC is never refused their today.
 */
export function latestPastDay(claimed: string | null | undefined, now: Date = new Date()): string {
  return claimed ? viewerToday(claimed, now) : day(now.getTime() + DAY_MS);
}

/** An open goal whose target day is before `today`: shown as "past its target date". */
export function isPastTarget(goal: { status: string; targetOn: string | null }, today: string): boolean {
  return isOpenGoal(goal.status) && goal.targetOn !== null && goal.targetOn < today;
}
