/** Human labels for the plan's enums (shared by server and client components). */
export const GOAL_CATEGORY_LABEL: Record<string, string> = {
  stretch_assignment: "Stretch assignment",
  cross_functional: "Cross-functional project",
  mentoring: "Mentoring or leading",
  new_tool: "Piloting a new tool or way of working",
  role_evolution: "Role evolution",
  learning: "Learning",
};
export const GOAL_STATUS_LABEL: Record<string, string> = { proposed: "Proposed", active: "Active", done: "Done", dropped: "Dropped" };
export const LEARNING_KIND_LABEL: Record<string, string> = {
  course: "Course",
  book: "Book",
  talk: "Talk",
  conference: "Conference",
  community: "Community",
  learning_time: "Learning time",
};
export const LEARNING_STATUS_LABEL: Record<string, string> = { planned: "Planned", in_progress: "In progress", done: "Done" };
export const ROTATION_STATUS_LABEL: Record<string, string> = { planned: "Planned", active: "Active", done: "Done" };
export const CONNECTION_KIND_LABEL: Record<string, string> = { mentor: "Mentor", mentee: "Mentee", community: "Community of practice", collaboration: "Collaboration" };
export const SKILL_STATUS_LABEL: Record<string, string> = { used: "Used in my role", unused: "Not used in my role", want_to_build: "Want to build" };
/** The plan's skill columns, by status; a refused duplicate says under which one the skill already is. */
export const SKILL_GROUP_TITLE = { used: "Used in the role", unused: "Not used in the current role", want_to_build: "Want to build" } as const;
export const ROLE_EVENT_LABEL: Record<string, string> = {
  title_change: "Title change",
  scope_change: "Scope change",
  team_change: "Team change",
  promotion: "Promotion",
  rotation_start: "Rotation started",
  rotation_end: "Rotation ended",
};

/**
 * The purpose's three questions, asked of the person (`self`) or about them: the plan page, its editor and the CSV
 * export ask them in the same words (the export's own wording, "What drew you to this field?", read as other questions).
 */
export function purposeQuestions(self: boolean, first: string): { drewMe: string; impact: string; worthEffort: string } {
  return self
    ? { drewMe: "What drew you to this field or organization?", impact: "What impact do you want to make?", worthEffort: "What change or value feels worth your time?" }
    : { drewMe: `What drew ${first} to this field or organization?`, impact: `What impact does ${first} want to make?`, worthEffort: `What change or value feels worth ${first}'s time?` };
}

export const options = (m: Record<string, string>) => Object.entries(m).map(([value, label]) => ({ value, label }));

/**
 * What a delete leaves: wins linked to the rotation stay, without the link (the database sets it to null). A viewer
 * who may not read wins (an admin) is told the rule, not a count that would say there are some.
 */
export function rotationDeleteQuestion(linkedWins: number | null): string {
  const ask = "Delete this rotation and its timeline events?";
  if (linkedWins === null) return `${ask} Any win linked to it stays, no longer linked to a rotation.`;
  if (linkedWins === 0) return ask;
  return `${ask} ${linkedWins === 1 ? "The win linked to it stays" : `The ${linkedWins} wins linked to it stay`}, no longer linked to a rotation.`;
}
