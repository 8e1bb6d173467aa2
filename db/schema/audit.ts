import { bigserial, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organizations } from "./orgs";
import { users } from "./people";

/**
 * Audit trail. `org_id` is null only for events that happen before an
 * organization is known (a failed sign-in with an unknown email).
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().references(() => organizations.id, { onDelete: "cascade" }),
    actorUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    action: text().notNull(),
    targetType: text(),
    targetId: text(),
    meta: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    ip: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("audit_events_org_created_idx").on(t.orgId, t.createdAt),
    index("audit_events_org_action_idx").on(t.orgId, t.action, t.createdAt),
  ],
);

/** Failed sign-ins, kept in the database so the rate limit holds across app instances. */
export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    key: text().notNull(), // "email:<lower email>" or "ip:<address>"
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("login_attempts_key_created_idx").on(t.key, t.createdAt)],
);

/** Idempotency keys for creates: the same key from the same user returns the first result. */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    userId: uuid().notNull().references(() => users.id, { onDelete: "cascade" }),
    key: text().notNull(),
    resourceType: text().notNull(),
    resourceId: text().notNull(),
    // What was asked the first time (a hash of the target and the input): a key reused for a different request is
    // refused instead of answering with the first request's result. Empty on keys stored before it existed.
    requestHash: text().notNull().default(""),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("idempotency_org_user_key_key").on(t.orgId, t.userId, t.key)],
);

export type AuditEvent = typeof auditEvents.$inferSelect;
