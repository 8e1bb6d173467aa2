import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { organizations } from "./orgs";
import { memberships } from "./people";

export const meetingStatus = pgEnum("meeting_status", ["scheduled", "held", "cancelled"]);

/** A 1:1 between a manager and one report. */
export const meetings = pgTable(
  "meetings",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    managerId: uuid().notNull().references(() => memberships.id, { onDelete: "cascade" }),
    reportId: uuid().notNull().references(() => memberships.id, { onDelete: "cascade" }),
    scheduledAt: timestamp({ withTimezone: true }).notNull(),
    status: meetingStatus().notNull().default("scheduled"),
    heldAt: timestamp({ withTimezone: true }),
    cancelledAt: timestamp({ withTimezone: true }),
    // Growth & meaning check-in, saved with the meeting.
    energy: smallint(), // 1..5
    meaningful: text().notNull().default(""),
    goingThroughMotions: text().notNull().default(""),
    learnNext: text().notNull().default(""),
    // Who saved the check-in last, and the meeting version that save made: a stale save can tell
    // "you, in another tab" from the other person, and from a reschedule that left the answers alone.
    checkInUpdatedBy: uuid().references(() => memberships.id, { onDelete: "set null" }),
    checkInVersion: integer(),
    // The meeting version the last reschedule, Mark held or cancel made (null: none since it was created). A
    // transition is refused only when one was made after the version its page read: a check-in save moves the
    // version too, and is no reason to refuse "Mark held" (lib/meetings/schedule.ts).
    scheduleVersion: integer(),
    // Scheduled by carry-over, to receive the open items of a held or cancelled 1:1 when none was scheduled. Such a
    // 1:1 is removed again while it has nothing of its own, once an earlier one takes the items back (a cancelled 1:1
    // rescheduled): lib/meetings/carry-over.ts.
    autoScheduled: boolean().notNull().default(false),
    // Cancelled because the person's manager changed, not by either of them: such a 1:1 still ahead is scheduled
    // again if the person goes back to that manager (an admin undoing a misclick), lib/people/structure.ts.
    cancelledByLineChange: boolean().notNull().default(false),
    // When a 1:1 marked held before its time had been planned for (its scheduled_at becomes when it was held). The
    // pair's rhythm goes on from the plan: the next 1:1 made from the cadence keeps the weekday and hour the two had
    // planned, not the minute someone pressed "Mark held" (lib/meetings/carry-over.ts).
    plannedAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("meetings_org_report_sched_idx").on(t.orgId, t.reportId, t.scheduledAt),
    index("meetings_org_manager_sched_idx").on(t.orgId, t.managerId, t.scheduledAt),
    // The radar's "last held" / "next scheduled" 1:1 of a pair: an index-only
    // lookup per person (7× faster than filtering the report's index on the heap).
    index("meetings_org_pair_status_sched_idx").on(t.orgId, t.reportId, t.managerId, t.status, t.scheduledAt),
  ],
);

export const agendaItems = pgTable(
  "agenda_items",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    meetingId: uuid().notNull().references(() => meetings.id, { onDelete: "cascade" }),
    authorId: uuid().references(() => memberships.id, { onDelete: "set null" }),
    body: text().notNull(),
    position: integer().notNull().default(0),
    done: boolean().notNull().default(false),
    // Where a carried-over item first came from.
    carriedFromMeetingId: uuid().references((): AnyPgColumn => meetings.id, { onDelete: "set null" }),
    // Every held or cancelled 1:1 it was carried out of, oldest first: such a 1:1 still lists what moved on from it.
    // Not indexed: those items are on the same pair's 1:1s, which the pair's index finds (lib/meetings/detail.ts).
    carriedThrough: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    suggestionKey: text(),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("agenda_items_org_meeting_idx").on(t.orgId, t.meetingId, t.position)],
);

export const noteVisibility = pgEnum("note_visibility", ["shared", "private"]);

/** Meeting notes. `version` is the optimistic-concurrency token: a save names the version it read. */
export const notes = pgTable(
  "notes",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    meetingId: uuid().notNull().references(() => meetings.id, { onDelete: "cascade" }),
    authorId: uuid().notNull().references(() => memberships.id, { onDelete: "cascade" }),
    visibility: noteVisibility().notNull(),
    body: text().notNull().default(""),
    version: integer().notNull().default(1),
    updatedBy: uuid().references(() => memberships.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("notes_org_meeting_idx").on(t.orgId, t.meetingId, t.visibility)],
);

export const actionItems = pgTable(
  "action_items",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    meetingId: uuid().notNull().references(() => meetings.id, { onDelete: "cascade" }),
    ownerId: uuid().notNull().references(() => memberships.id, { onDelete: "cascade" }),
    body: text().notNull(),
    dueOn: date({ mode: "string" }),
    doneAt: timestamp({ withTimezone: true }),
    carriedFromMeetingId: uuid().references((): AnyPgColumn => meetings.id, { onDelete: "set null" }),
    carriedThrough: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    createdBy: uuid().references(() => memberships.id, { onDelete: "set null" }),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("action_items_org_meeting_idx").on(t.orgId, t.meetingId),
    index("action_items_org_owner_idx").on(t.orgId, t.ownerId, t.doneAt),
  ],
);

export type Meeting = typeof meetings.$inferSelect;
export type AgendaItem = typeof agendaItems.$inferSelect;
export type Note = typeof notes.$inferSelect;
export type ActionItem = typeof actionItems.$inferSelect;
