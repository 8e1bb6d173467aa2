import { date, index, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organizations } from "./orgs";
import { memberships } from "./people";

export const roleEventType = pgEnum("role_event_type", [
  "title_change",
  "scope_change",
  "team_change",
  "promotion",
  "rotation_start",
  "rotation_end",
]);

/** The role timeline. "In current role since" is derived from the latest of these. */
export const roleEvents = pgTable(
  "role_events",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    personId: uuid().notNull().references(() => memberships.id, { onDelete: "cascade" }),
    type: roleEventType().notNull(),
    effectiveOn: date({ mode: "string" }).notNull(),
    description: text().notNull().default(""),
    // For title/team changes, the new value (kept so the timeline reads on its own).
    newTitle: text(),
    newTeam: text(),
    rotationId: uuid(),
    createdBy: uuid().references(() => memberships.id, { onDelete: "set null" }),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("role_events_org_person_date_idx").on(t.orgId, t.personId, t.effectiveOn)],
);

export const rotationStatus = pgEnum("rotation_status", ["planned", "active", "done"]);

export const rotations = pgTable(
  "rotations",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    personId: uuid().notNull().references(() => memberships.id, { onDelete: "cascade" }),
    host: text().notNull(), // host team or project
    startOn: date({ mode: "string" }).notNull(),
    plannedEndOn: date({ mode: "string" }),
    endedOn: date({ mode: "string" }),
    status: rotationStatus().notNull().default("planned"),
    learningGoal: text().notNull().default(""),
    createdBy: uuid().references(() => memberships.id, { onDelete: "set null" }),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("rotations_org_person_idx").on(t.orgId, t.personId, t.startOn),
    index("rotations_org_status_idx").on(t.orgId, t.status),
  ],
);

export type RoleEvent = typeof roleEvents.$inferSelect;
export type Rotation = typeof rotations.$inferSelect;
