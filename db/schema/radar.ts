import { date, doublePrecision, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organizations } from "./orgs";
import { memberships } from "./people";

/**
 * What the radar needs to know about each person, kept current by the
 * database itself: statement-level triggers on every table a fact comes from
 * call radar_facts_refresh() for the people a statement touched (migration
 * 0002). So a director's subtree or an admin's org page is one indexed read
 * per person instead of nine probes into two years of history, and no write
 * path (forms, API, CSV import, seed scripts) can forget to update it.
 *
 * Facts that depend on the clock are stored so that they hold for any later
 * instant: role_latest is the latest role event whatever its date (the radar
 * reads the latest one on or before today live only for the rare person whose
 * latest event is still in the future), and upcoming lists the scheduled 1:1s
 * still ahead when the row was refreshed.
 */
export const radarFacts = pgTable(
  "radar_facts",
  {
    personId: uuid()
      .primaryKey()
      .references(() => memberships.id, { onDelete: "cascade" }),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** max(role_events.effective_on), future-dated events included. */
    roleLatest: date(),
    activeGoals: integer().notNull().default(0),
    activeGoalTitles: text().array(),
    activeRotation: text(),
    /** The latest held 1:1 with the person's current manager. */
    lastHeldAt: timestamp({ withTimezone: true }),
    /**
     * Scheduled 1:1s with the current manager that were still ahead at
     * refreshedAt, soonest first. The next 1:1 after any instant from
     * refreshedAt on is the first of these not yet past (any change to a
     * meeting refreshes the row); for an earlier instant the radar asks
     * the meetings table.
     */
    upcoming: timestamp({ withTimezone: true }).array(),
    refreshedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Rust scores (6 − mean answer) of the latest three check-ins, newest first. */
    pulseRust: doublePrecision().array(),
    pulseLatestWeek: date(),
    stuckAnyAt: timestamp({ withTimezone: true }),
    stuckSkipAt: timestamp({ withTimezone: true }),
    stuckHrAt: timestamp({ withTimezone: true }),
    /**
     * When learning under way or done was last recorded or changed. No planned
     * item and no start or finish date counts: a date still ahead held the
     * learning gap off until that day (migration radar_learning_activity).
     */
    lastLearningAt: timestamp({ withTimezone: true }),
    unusedSkills: text().array(),
  },
  (t) => [index("radar_facts_org_idx").on(t.orgId)],
);
