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
