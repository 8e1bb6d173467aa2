/** What leaves the server about a plan: plain JSON-safe objects (timestamps as ISO strings). */
export type PurposeDto = { id: string; drewMe: string; impact: string; worthEffort: string; version: number; authorName: string | null; createdAt: string };
export type GoalUpdateDto = { id: string; body: string; progress: number | null; authorName: string | null; createdAt: string };
export type GoalDto = {
  id: string;
  title: string;
  description: string;
  category: string;
  status: string;
  targetOn: string | null;
  progress: number;
  servesPurpose: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
  updates: GoalUpdateDto[];
};
export type LearningDto = {
  id: string;
  kind: string;
  title: string;
  status: string;
  startedOn: string | null;
  completedOn: string | null;
  takeaways: string;
  version: number;
  updatedAt: string;
};
export type ConnectionDto = { id: string; kind: string; otherPersonId: string | null; otherPersonName: string | null; name: string; purpose: string; version: number };
export type SkillDto = { id: string; name: string; status: string; version: number };
export type WinDto = {
  id: string;
  title: string;
  description: string;
  occurredOn: string;
  goalId: string | null;
  goalTitle: string | null;
  rotationId: string | null;
  rotationHost: string | null;
  linksPurpose: boolean;
  authorName: string | null;
  version: number;
};
export type RotationDto = { id: string; host: string; startOn: string; plannedEndOn: string | null; endedOn: string | null; status: string; learningGoal: string };
export type RoleEventDto = { id: string; type: string; effectiveOn: string; description: string; newTitle: string | null; newTeam: string | null };

export type PlanDto = {
  person: { id: string; name: string; title: string; team: string };
  purpose: { current: PurposeDto | null; history: PurposeDto[] };
  goals: GoalDto[];
  learning: LearningDto[];
  connections: ConnectionDto[];
  skills: SkillDto[];
  wins: WinDto[];
  rotations: RotationDto[];
  roleEvents: RoleEventDto[];
};

export const iso = (d: Date | string): string => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());
