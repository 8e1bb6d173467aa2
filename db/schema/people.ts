import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { organizations } from "./orgs";

/** A login. Global across organizations; what a user is inside an org lives in `memberships`. */
export const users = pgTable(
  "users",
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    name: text().notNull(),
    passwordHash: text(),
    // JWTs issued before this instant are rejected (password change, "Sign out everywhere"; one device: ended_sessions).
    sessionsValidAfter: timestamp({ withTimezone: true }).notNull().defaultNow(),
    // The organization this user last switched to or joined: where a sign-in lands (alphabetically first when unset).
    // Not an access grant: the viewer still needs an active membership there.
    lastOrgId: uuid().references(() => organizations.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("users_email_key").on(sql`lower(${t.email})`)],
);

/**
 * Sessions ended on one device ("Sign out"), by the session id in their token:
 * refused by getViewer() from the next request, copies of the token included,
 * while the user's other sessions go on. A row is needed only while such a
 * token could still count (SESSION_ABSOLUTE_MS after sign-in, so at most that
 * long after it ended); older rows are pruned. Not an organization's data: a
 * session belongs to the login, as `users` does.
 */
export const endedSessions = pgTable(
  "ended_sessions",
  {
    userId: uuid().notNull().references(() => users.id, { onDelete: "cascade" }),
    sessionId: text().notNull(),
    endedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.sessionId] }), index("ended_sessions_ended_at_idx").on(t.endedAt)],
);

export const memberRole = pgEnum("member_role", ["admin", "member"]);

/**
 * A person inside an organization: role, reporting line, title and team.
 * Everything about a person (plans, meetings, flags) hangs off the membership id,
 * so a "person id" in URLs and the API is a membership id.
 */
export const memberships = pgTable(
  "memberships",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    userId: uuid().notNull().references(() => users.id, { onDelete: "cascade" }),
    role: memberRole().notNull().default("member"),
    managerId: uuid().references((): AnyPgColumn => memberships.id, { onDelete: "set null" }),
    // When manager_id last changed (set by a trigger on every path that changes it: the admin's form, the CSV
    // import, the API); null: the manager they were added with. The radar gives a new reporting line the same
    // time for a first 1:1 as a newcomer gets (lib/radar/rules.ts).
    managerSince: timestamp({ withTimezone: true }),
    title: text().notNull().default(""),
    team: text().notNull().default(""),
    // 1:1 cadence of this person with their manager; null = org default.
    cadenceDays: integer(),
    deactivatedAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("memberships_org_user_key").on(t.orgId, t.userId),
    index("memberships_org_manager_idx").on(t.orgId, t.managerId),
    index("memberships_org_team_idx").on(t.orgId, t.team),
    index("memberships_user_idx").on(t.userId),
  ],
);

export const invitations = pgTable(
  "invitations",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    email: text().notNull(),
    name: text().notNull(),
    title: text().notNull().default(""),
    team: text().notNull().default(""),
    role: memberRole().notNull().default("member"),
    managerId: uuid().references(() => memberships.id, { onDelete: "set null" }),
    tokenHash: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    acceptedAt: timestamp({ withTimezone: true }),
    // Set with expiresAt by an admin's Revoke, so the link's page can say it was revoked rather than that it expired
    // (inviting the same address again ends a link too, without it: a newer invitation says so).
    revokedAt: timestamp({ withTimezone: true }),
    createdBy: uuid().references(() => memberships.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("invitations_org_created_idx").on(t.orgId, t.createdAt),
    uniqueIndex("invitations_token_key").on(t.tokenHash),
  ],
);

/**
 * One-time links to set a new password ("Forgot your password?"), emailed to the login's address. Only a SHA-256 of
 * the token is stored; a link works once, for an hour, and a newer one ends the earlier. A login's, as `users` is,
 * not an organization's: the password it sets is the one of every organization the person is in.
 */
export const passwordResets = pgTable(
  "password_resets",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid().notNull().references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("password_resets_token_key").on(t.tokenHash), index("password_resets_user_created_idx").on(t.userId, t.createdAt)],
);

export type User = typeof users.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
export type Invitation = typeof invitations.$inferSelect;
