import { sql } from "drizzle-orm";
import { boolean, date, index, pgEnum, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { agendaItems } from "./meetings";
import { organizations } from "./orgs";
import { memberships } from "./people";

/**
 * The rust-out pulse: five 1–5 answers, one per sign, where 5 is the healthy end
 * (highly motivated, skills fully used, ...). At most one per person per ISO week.
 * `team` is the respondent's team when they answered: org aggregates group by
 * it, so moving or deactivating someone later cannot change an aggregate
 * already shown (differencing two views would reveal their answer).
 */
export const pulseCheckins = pgTable(
  "pulse_checkins",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    personId: uuid().notNull().references(() => memberships.id, { onDelete: "cascade" }),
    weekStart: date({ mode: "string" }).notNull(), // Monday of the ISO week, in UTC
    // Null only where no team was recorded (written outside submitPulse); shown as "No team", like "".
    team: text(),
    motivation: smallint().notNull(),
    skillsUsed: smallint().notNull(),
    variety: smallint().notNull(),
    purpose: smallint().notNull(),
    initiative: smallint().notNull(),
    comment: text().notNull().default(""),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("pulse_org_person_week_key").on(t.orgId, t.personId, t.weekStart),
    // The org pulse reads a few weeks of the whole org: the key above would walk every week of every person.
    index("pulse_org_week_idx").on(t.orgId, t.weekStart),
  ],
);

export const stuckStatus = pgEnum("stuck_status", ["open", "acknowledged", "withdrawn"]);

/** "I feel stuck": a safe signal the employee raises; recipients are the manager plus whom they chose. */
export const stuckSignals = pgTable(
  "stuck_signals",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    personId: uuid().notNull().references(() => memberships.id, { onDelete: "cascade" }),
    message: text().notNull().default(""),
    includeSkipLevel: boolean().notNull().default(false),
    includeHr: boolean().notNull().default(false),
    status: stuckStatus().notNull().default("open"),
    acknowledgedAt: timestamp({ withTimezone: true }),
    acknowledgedBy: uuid().references(() => memberships.id, { onDelete: "set null" }),
    nextStep: text(),
    // The talking point a manager's "Talk in our next 1:1" put on the pair's next 1:1 (it moves on with carry-over).
    talkingPointId: uuid().references(() => agendaItems.id, { onDelete: "set null" }),
    withdrawnAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("stuck_signals_org_person_idx").on(t.orgId, t.personId, t.createdAt),
    index("stuck_signals_org_status_idx").on(t.orgId, t.status),
    // Deleting a talking point clears the reference: found by index, not by reading every signal.
    index("stuck_signals_talking_point_idx").on(t.talkingPointId).where(sql`${t.talkingPointId} IS NOT NULL`),
  ],
);

export type PulseCheckin = typeof pulseCheckins.$inferSelect;
export type StuckSignal = typeof stuckSignals.$inferSelect;
