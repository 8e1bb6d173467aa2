/**
 * What one import row does to a person's role history (pure). The preview and
 * the import both ask this, so the preview says exactly what the import writes:
 * a role event restarts "time in role", the radar's main signal, and must never
 * be written behind a row the preview called unchanged.
 */
import type { roleEvents } from "@/db/schema";
import { foldTeamName } from "@/lib/radar/team-names";
import { roleDateProblem } from "./role-dates";

/** The dates of a member's role events; `latest` is what "in current role since" follows. */
export type RoleHistory = { latest: string | null; dates: ReadonlySet<string> };

export type RoleEventFields = Pick<typeof roleEvents.$inferInsert, "type" | "effectiveOn" | "description" | "newTitle" | "newTeam">;

export type RoleOutcome = { event: RoleEventFields | null; change: string | null; note: string | null; error: string | null };

const NOTHING: RoleOutcome = { event: null, change: null, note: null, error: null };

function started(row: { title: string; team: string }, on: string): RoleEventFields {
  return { type: "title_change", effectiveOn: on, description: `Started as ${row.title || "current role"} (CSV import)`, newTitle: row.title || null, newTeam: row.team || null };
}

/**
 * `cur` is the member before the import (null: created by it). `roleStart` is
 * already checked to be a real date no later than today.
 *
 * - A new member with a role start date starts their history on it.
 * - A title or team change is one role event, dated by the role start date or
 *   else today. Like a role change on the person page it goes on top of the
 *   timeline, so a date before the latest role event is a row error: written
 *   there it would not be the current role, and time in role would ignore it.
 * - Same title and team: the date starts the history of a member who has none;
 *   for anyone else it is not written (a date alone must not reset time in
 *   role, nor add a second "started" on re-import), and the preview says so.
 */
export function roleOutcome(
  row: { email: string; title: string; team: string; roleStart: string },
  cur: { title: string; team: string } | null,
  history: RoleHistory,
  today: string,
): RoleOutcome {
  if (!cur) return row.roleStart ? { ...NOTHING, event: started(row, row.roleStart), change: `in role since ${row.roleStart}` } : NOTHING;
  const titleChanged = row.title !== cur.title;
  // The same team written otherwise ("people" for "People", someone alone in it) is a spelling correction, as the
  // person page's "Only a spelling correction": written, but not a role change, so time in role does not restart.
  const teamChanged = foldTeamName(row.team) !== foldTeamName(cur.team);
  if (!titleChanged && !teamChanged && row.team !== cur.team) {
    return { ...NOTHING, note: `Team “${cur.team}” is written “${row.team}”: a spelling correction, not a role change, so time in role stays.` };
  }
  if (titleChanged || teamChanged) {
    const on = row.roleStart || today;
    const problem = roleDateProblem(on, { today, latest: history.latest });
    if (problem) {
      return {
        ...NOTHING,
        error:
          problem.kind === "future"
            ? `Role start date ${on} is in the future.`
            : `Role start date ${on} is before ${row.email}'s latest role event (${problem.latest}): a new title or team starts on or after it. Give a later date, or leave it empty for today.`,
      };
    }
    const team = row.team ? `team ${row.team}` : "no team";
    const event: RoleEventFields = titleChanged
      ? { type: "title_change", effectiveOn: on, description: `Title changed to ${row.title}${teamChanged ? `, ${team}` : ""} (CSV import)`, newTitle: row.title, newTeam: teamChanged ? row.team : null }
      : { type: "team_change", effectiveOn: on, description: `Moved to ${team} (CSV import)`, newTitle: null, newTeam: row.team };
    return { ...NOTHING, event, change: `in role since ${on}` };
  }
  if (!row.roleStart || history.dates.has(row.roleStart)) return NOTHING;
  if (!history.latest) return { ...NOTHING, event: started(row, row.roleStart), change: `in role since ${row.roleStart} (first role event)` };
  return {
    ...NOTHING,
    note: `Role start date ${row.roleStart} not recorded: title and team are unchanged, and their timeline has their role since ${history.latest}. To correct it, edit the timeline on their page.`,
  };
}
