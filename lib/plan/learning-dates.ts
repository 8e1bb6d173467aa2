/**
 * A learning item's dates: the ones it gets when it is started or marked done
 * without them, the rules they keep, and how the list words them. Pure, so the
 * form and the API (through lib/plan/learning.ts) and the page judge alike.
 *
 * A date says what has happened, except a planned item's start, which is a
 * plan. So learning under way or done started today or earlier, and only
 * learning that is done has a finish date, today or earlier. A date ahead on
 * such an item used to read "Done · finished 1 Sept 2027" and to count on the
 * radar as learning until that day (the radar now counts neither planned items
 * nor dates: db/migrations/*_radar_learning_activity.sql).
 */
import { formatDate } from "@/lib/radar/format";
import type { LEARNING_STATUSES } from "./schemas";

export type LearningStatus = (typeof LEARNING_STATUSES)[number];
export type LearningDates = { status: LearningStatus; startedOn: string | null; completedOn: string | null };
/** What a request says about them: `undefined` leaves a field as saved, `null` clears it (an empty form field). */
export type LearningDateChanges = { status?: LearningStatus; startedOn?: string | null; completedOn?: string | null };
export type LearningDateField = "status" | "startedOn" | "completedOn";

const earlier = (a: string, b: string) => (a < b ? a : b);

/**
 * A new item: under way without a start date, it started today; done without a finish date, it finished today. Done
 * without a start date keeps none: when it began is not known, and a made-up one read as a fact ("started 2 Dec 2026,
 * finished 2 Dec 2026" for a book read over a month).
 */
export function learningDatesOnCreate(input: LearningDateChanges & { status: LearningStatus }, today: string): LearningDates {
  const completedOn = input.completedOn ?? (input.status === "done" ? today : null);
  const startedOn = input.startedOn ?? (input.status === "in_progress" ? today : null);
  return { status: input.status, startedOn, completedOn };
}

/**
 * The dates after a change: an edit (every field sent), Start or Mark done (the status alone), or an API PATCH.
 * Marked done without a finish date, it keeps the one it had or finishes today. Moved to in progress without a start
 * date, it started today: Start pressed before a planned start date starts it now, that date was a plan. Done
 * without a start date keeps none, as on a new item (not known, so not invented); one it had is kept, no later than
 * its finish date. Mark done alone keeps a start still ahead, for the rules to refuse:
 * done before it starts is a mistake to name, not to paper over. A status other than done drops a finish date the
 * request did not send (reopened through the API); one it sent is judged.
 */
export function learningDatesAfter(saved: LearningDates, changes: LearningDateChanges, today: string): LearningDates {
  const status = changes.status ?? saved.status;
  let startedOn = changes.startedOn !== undefined ? changes.startedOn : saved.startedOn;
  let completedOn = changes.completedOn !== undefined ? changes.completedOn : saved.completedOn;
  if (changes.status === "done" && !changes.completedOn) completedOn = saved.completedOn ?? today;
  if (changes.status && status !== "done" && changes.completedOn === undefined) completedOn = null;
  if (changes.status && status !== "planned" && !changes.startedOn) {
    const kept = saved.startedOn;
    const latestStart = earlier(completedOn ?? today, today);
    if (kept === null) startedOn = status === "in_progress" ? latestStart : null;
    else startedOn = changes.startedOn === undefined && status === "done" ? kept : earlier(kept, latestStart);
  }
  return { status, startedOn, completedOn };
}

/**
 * What is wrong with an item's dates as they would be saved, by field; empty when nothing is. `latest` is the
 * viewer's today (latestPastDay). A start still ahead is named at the status when the status is what changed (or
 * on a new item: "keep it planned"), else at the start date; the order of the two dates is judged once the start is right.
 */
export function learningDateProblems(d: LearningDates, latest: string, startAt: "status" | "startedOn"): Partial<Record<LearningDateField, string>> {
  const problems: Partial<Record<LearningDateField, string>> = {};
  const startAhead = d.status !== "planned" && d.startedOn !== null && d.startedOn > latest;
  if (startAhead && startAt === "status") {
    problems.status =
      d.status === "done"
        ? `This starts on ${formatDate(d.startedOn)}: it cannot be done before it starts. Change its start date first.`
        : `This starts on ${formatDate(d.startedOn)}: keep it planned until then, or change its start date.`;
  } else if (startAhead) {
    problems.startedOn = `${d.status === "done" ? "It is done" : "It is under way"}, so it started today or earlier: pick a start date no later than today.`;
  }
  if (d.completedOn !== null) {
    if (d.status !== "done") problems.completedOn = "Only learning that is done has a finish date: mark it done, or clear the date.";
    else if (d.completedOn > latest) problems.completedOn = "Done means it has finished: pick today or an earlier date.";
    else if (!startAhead && d.startedOn !== null && d.completedOn < d.startedOn) problems.completedOn = "The finish date is before the start date.";
  }
  return problems;
}

/**
 * "started 1 Oct 2026, finished 3 Nov 2026", in the tense the viewer's `today` gives: a planned start ahead (or
 * today) "starts", one gone by without a Start "was to start". Dates ahead on learning under way or done, saved
 * before the rules above, read as what they claim ("starts", "finishes"), not as history.
 */
export function learningDatesLabel(l: { status: string; startedOn: string | null; completedOn: string | null }, today: string): string {
  const s = l.startedOn;
  const start =
    s === null ? "" : s > today || (l.status === "planned" && s === today) ? `starts ${formatDate(s)}` : l.status === "planned" ? `was to start ${formatDate(s)}` : `started ${formatDate(s)}`;
  const c = l.completedOn;
  const finish = c === null ? "" : c > today ? `finishes ${formatDate(c)}` : `finished ${formatDate(c)}`;
  return [start, finish].filter(Boolean).join(", ");
}
