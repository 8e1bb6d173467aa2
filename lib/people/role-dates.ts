/**
 * When a role change may be dated: the one rule of the CSV import, the person
 * page's "Add role event" form and the role-events API (pure, so each asks it
 * the same way and a test can hold them to it).
 *
 * - Not in the future. A role event restarts "time in role", the radar's main
 *   signal: one dated ahead would read as "in role since next March" today,
 *   and as a change that already happened to everyone who opens the timeline.
 * - A new change is on or after the person's latest role event. Written
 *   earlier it would not be the current role: time in role follows the latest
 *   event, so the change would silently not count.
 *
 * The second part is for new changes only. Editing an event that is already
 * there is how an admin or manager corrects history ("the promotion was in
 * 2023, not 2024"), and that may legitimately move it before later events; so
 * an edit is held to "not in the future" alone. A backfill of an older change
 * (someone's past roles, recorded when their team starts using Reignite) says
 * so explicitly ("an earlier change, for the history": `latest` null), so a
 * mistyped year is still caught and a backfill is one step.
 */
export type RoleDateProblem = { kind: "future"; on: string } | { kind: "before_latest"; on: string; latest: string };

/** `latest`: the person's latest role event (null: none, or an edit, which may correct history). */
export function roleDateProblem(on: string, ctx: { today: string; latest: string | null }): RoleDateProblem | null {
  if (on > ctx.today) return { kind: "future", on };
  if (ctx.latest && on < ctx.latest) return { kind: "before_latest", on, latest: ctx.latest };
  return null;
}

/** The sentence for the form's date field and the API's `fields.effectiveOn`; `label` writes a date for people ("12 Jan 2027"). */
export function roleDateMessage(p: RoleDateProblem, label: (isoDay: string) => string = (d) => d): string {
  return p.kind === "future"
    ? `${label(p.on)} is in the future: record a role change once it has happened (today or earlier).`
    : `${label(p.on)} is before the latest role event (${label(p.latest)}): a new change starts on or after it. If this is an earlier change you are recording for the history, tick "An earlier change, for the history". To correct an existing event, edit its date.`;
}
