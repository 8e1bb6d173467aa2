import { integer, pgTable, real, text, timestamp, uuid, uniqueIndex } from "drizzle-orm/pg-core";

/** A tenant. Every other tenant-owned table carries `org_id` pointing here. */
export const organizations = pgTable(
  "organizations",
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull(),
    name: text().notNull(),
    // Radar thresholds and defaults, edited by admins on /settings.
    roleNoticeMonths: integer().notNull().default(15),
    roleWarningMonths: integer().notNull().default(24),
    defaultCadenceDays: integer().notNull().default(14),
    // The latest pulse rust score (1 good .. 5 bad, an average of the answers, so 3.7 is a score) at or above this
    // flags; in half points, so an organization can alert at 3.5.
    pulseAlertScore: real().notNull().default(4),
    learningGapMonths: integer().notNull().default(6),
    stuckAckDays: integer().notNull().default(7),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("organizations_slug_key").on(t.slug)],
);

export type Organization = typeof organizations.$inferSelect;
