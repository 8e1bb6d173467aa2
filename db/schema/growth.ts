import { boolean, date, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organizations } from "./orgs";
import { memberships } from "./people";
import { rotations } from "./career";

/** Purpose ("why"). Append-only: each save is a new row, the latest is current, older rows are the history. */
export const purposeStatements = pgTable(
  "purpose_statements",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    personId: uuid().notNull().references(() => memberships.id, { onDelete: "cascade" }),
    drewMe: text().notNull().default(""), // what drew them to this field or organization
    impact: text().notNull().default(""), // what impact they want to make
    worthEffort: text().notNull().default(""), // what change or value feels worth their time
    authorId: uuid().references(() => memberships.id, { onDelete: "set null" }),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  // One row per version: the demo data gave Eli two "version 1" statements, so "the latest" was either, and saving
  // the purpose unchanged compared it with the older one and added a version.
  (t) => [index("purpose_org_person_created_idx").on(t.orgId, t.personId, t.createdAt), uniqueIndex("purpose_person_version_uq").on(t.personId, t.version)],
);

export const goalCategory = pgEnum("goal_category", [
  "stretch_assignment",
  "cross_functional",
  "mentoring",
  "new_tool",
  "role_evolution",
  "learning",
]);
export const goalStatus = pgEnum("goal_status", ["proposed", "active", "done", "dropped"]);

export const stretchGoals = pgTable(
  "stretch_goals",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    personId: uuid().notNull().references(() => memberships.id, { onDelete: "cascade" }),
    title: text().notNull(),
    description: text().notNull().default(""),
    category: goalCategory().notNull(),
    status: goalStatus().notNull().default("proposed"),
    targetOn: date({ mode: "string" }),
    progress: integer().notNull().default(0), // 0..100, from the latest update
    servesPurpose: boolean().notNull().default(false),
    createdBy: uuid().references(() => memberships.id, { onDelete: "set null" }),
    // Who saved last: a refused save (409) names them (lib/plan/saved-by.ts).
    updatedBy: uuid().references(() => memberships.id, { onDelete: "set null" }),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("stretch_goals_org_person_idx").on(t.orgId, t.personId, t.status),
    index("stretch_goals_org_status_idx").on(t.orgId, t.status),
  ],
);

export const stretchGoalUpdates = pgTable(
  "stretch_goal_updates",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    goalId: uuid().notNull().references(() => stretchGoals.id, { onDelete: "cascade" }),
    authorId: uuid().references(() => memberships.id, { onDelete: "set null" }),
    body: text().notNull(),
    progress: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("stretch_goal_updates_org_goal_idx").on(t.orgId, t.goalId, t.createdAt)],
);

export const learningKind = pgEnum("learning_kind", [
  "course",
  "book",
  "talk",
  "conference",
  "community",
  "learning_time",
]);
export const learningStatus = pgEnum("learning_status", ["planned", "in_progress", "done"]);

export const learningItems = pgTable(
  "learning_items",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    personId: uuid().notNull().references(() => memberships.id, { onDelete: "cascade" }),
    kind: learningKind().notNull(),
    title: text().notNull(),
    status: learningStatus().notNull().default("planned"),
    startedOn: date({ mode: "string" }),
    completedOn: date({ mode: "string" }),
    takeaways: text().notNull().default(""),
    createdBy: uuid().references(() => memberships.id, { onDelete: "set null" }),
    // Who saved last: a refused save (409) names them (lib/plan/saved-by.ts).
    updatedBy: uuid().references(() => memberships.id, { onDelete: "set null" }),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /**
     * When the item was recorded or its status last changed (started, finished): the radar's latest learning. Set by
     * a trigger (migration 0022), so an edit of the title or takeaways of a course done years ago is not new learning.
     */
    statusChangedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("learning_items_org_person_idx").on(t.orgId, t.personId, t.updatedAt)],
);

export const connectionKind = pgEnum("connection_kind", ["mentor", "mentee", "community", "collaboration"]);

export const connections = pgTable(
  "connections",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    personId: uuid().notNull().references(() => memberships.id, { onDelete: "cascade" }),
    kind: connectionKind().notNull(),
    // Either someone in the organization, or a name outside it.
    otherPersonId: uuid().references(() => memberships.id, { onDelete: "set null" }),
    name: text().notNull().default(""),
    purpose: text().notNull().default(""),
    createdBy: uuid().references(() => memberships.id, { onDelete: "set null" }),
    // Who saved last: a refused save (409) names them (lib/plan/saved-by.ts).
    updatedBy: uuid().references(() => memberships.id, { onDelete: "set null" }),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("connections_org_person_idx").on(t.orgId, t.personId)],
);

export const skillStatus = pgEnum("skill_status", ["used", "unused", "want_to_build"]);

export const skills = pgTable(
  "skills",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    personId: uuid().notNull().references(() => memberships.id, { onDelete: "cascade" }),
    name: text().notNull(),
    status: skillStatus().notNull(),
    createdBy: uuid().references(() => memberships.id, { onDelete: "set null" }),
    // Who saved last: a refused save (409) names them (lib/plan/saved-by.ts).
    updatedBy: uuid().references(() => memberships.id, { onDelete: "set null" }),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("skills_org_person_idx").on(t.orgId, t.personId, t.status)],
);

export const wins = pgTable(
  "wins",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    personId: uuid().notNull().references(() => memberships.id, { onDelete: "cascade" }),
    title: text().notNull(),
    description: text().notNull().default(""),
    occurredOn: date({ mode: "string" }).notNull(),
    goalId: uuid().references(() => stretchGoals.id, { onDelete: "set null" }),
    rotationId: uuid().references(() => rotations.id, { onDelete: "set null" }),
    linksPurpose: boolean().notNull().default(false),
    authorId: uuid().references(() => memberships.id, { onDelete: "set null" }),
    // Who saved last: a refused save (409) names them (lib/plan/saved-by.ts).
    updatedBy: uuid().references(() => memberships.id, { onDelete: "set null" }),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("wins_org_person_idx").on(t.orgId, t.personId, t.occurredOn)],
);

export type PurposeStatement = typeof purposeStatements.$inferSelect;
export type StretchGoal = typeof stretchGoals.$inferSelect;
export type StretchGoalUpdate = typeof stretchGoalUpdates.$inferSelect;
export type LearningItem = typeof learningItems.$inferSelect;
export type Connection = typeof connections.$inferSelect;
export type Skill = typeof skills.$inferSelect;
export type Win = typeof wins.$inferSelect;
