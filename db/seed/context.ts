/** Shared state while building the demo rows: RNG, ids, clock, and the rows per table. */
import * as s from "../schema";
import type { PersonSpec } from "./people";
import type { Clock, Rng } from "./time";

export type Rows = {
  organizations: (typeof s.organizations.$inferInsert)[];
  users: (typeof s.users.$inferInsert)[];
  memberships: (typeof s.memberships.$inferInsert)[];
  rotations: (typeof s.rotations.$inferInsert)[];
  roleEvents: (typeof s.roleEvents.$inferInsert)[];
  purposeStatements: (typeof s.purposeStatements.$inferInsert)[];
  stretchGoals: (typeof s.stretchGoals.$inferInsert)[];
  stretchGoalUpdates: (typeof s.stretchGoalUpdates.$inferInsert)[];
  learningItems: (typeof s.learningItems.$inferInsert)[];
  connections: (typeof s.connections.$inferInsert)[];
  skills: (typeof s.skills.$inferInsert)[];
  wins: (typeof s.wins.$inferInsert)[];
  meetings: (typeof s.meetings.$inferInsert)[];
  agendaItems: (typeof s.agendaItems.$inferInsert)[];
  notes: (typeof s.notes.$inferInsert)[];
  actionItems: (typeof s.actionItems.$inferInsert)[];
  pulseCheckins: (typeof s.pulseCheckins.$inferInsert)[];
  stuckSignals: (typeof s.stuckSignals.$inferInsert)[];
};

/** Insert order: parents before children. */
export const TABLES: { [K in keyof Rows]: (typeof s)[K] } = {
  organizations: s.organizations,
  users: s.users,
  memberships: s.memberships,
  rotations: s.rotations,
  roleEvents: s.roleEvents,
  purposeStatements: s.purposeStatements,
  stretchGoals: s.stretchGoals,
  stretchGoalUpdates: s.stretchGoalUpdates,
  learningItems: s.learningItems,
  connections: s.connections,
  skills: s.skills,
  wins: s.wins,
  meetings: s.meetings,
  agendaItems: s.agendaItems,
  notes: s.notes,
  actionItems: s.actionItems,
  pulseCheckins: s.pulseCheckins,
  stuckSignals: s.stuckSignals,
};

export function emptyRows(): Rows {
  return Object.fromEntries(Object.keys(TABLES).map((k) => [k, []])) as unknown as Rows;
}

export type Person = { id: string; orgId: string; spec: PersonSpec; first: string };

export type Ctx = {
  rng: Rng;
  id: () => string;
  clock: Clock;
  rows: Rows;
  person: (key: string) => Person;
  rotationId: (key: string) => string;
};
