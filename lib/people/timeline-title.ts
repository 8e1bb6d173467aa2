/**
 * The directory's title and team are an admin's to write (ACCESS.md), the role timeline is also the manager's: a
 * manager who records "Promoted to Staff Engineer" leaves the directory saying "Engineer". This says where the two
 * disagree, so the page can point it out and an admin can take the timeline's value with one click.
 *
 * Only the latest event that set a title (or a team) counts, and only once it has happened: an admin's title change
 * dated ahead writes the directory now and the event later, and is no disagreement.
 */
type Ev = { effectiveOn: string; newTitle: string | null; newTeam: string | null };

export type TimelineAhead = { title: { value: string; since: string } | null; team: { value: string; since: string } | null };

/** `events` newest first (as the timeline reads them). */
export function timelineAhead(events: readonly Ev[], directory: { title: string; team: string }, today: string): TimelineAhead | null {
  const latestTitle = events.find((e) => e.newTitle);
  const latestTeam = events.find((e) => e.newTeam);
  const title = latestTitle && latestTitle.effectiveOn <= today && latestTitle.newTitle !== directory.title ? { value: latestTitle.newTitle!, since: latestTitle.effectiveOn } : null;
  const team = latestTeam && latestTeam.effectiveOn <= today && latestTeam.newTeam !== directory.team ? { value: latestTeam.newTeam!, since: latestTeam.effectiveOn } : null;
  return title || team ? { title, team } : null;
}
