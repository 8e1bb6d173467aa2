/**
 * `npm run user:reset-link -- --email eli@acme.example`: prints a one-time link (an hour) for that person to set a
 * new password, for a Reignite that sends no email ("Forgot your password?" needs SMTP_URL and APP_URL). Only
 * whoever runs the server can do this; an org admin cannot, since a password is the person's own, in every
 * organization they belong to. On the embedded database, stop the app first (it belongs to one process).
 */
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { createPasswordReset, RESET_TTL_MS } from "@/lib/auth/password-reset";
import { users } from "./schema";
import { closeDb, dbKind, getDb } from "./client";
import { applyMigrations } from "./migrations";

const USAGE = `Usage: npm run user:reset-link -- --email eli@acme.example

Prints a link for that person to set a new password (works once, for ${RESET_TTL_MS / 60_000} minutes;
an earlier link stops working). Links start with APP_URL when set, else
http://localhost:$PORT (3000). On the embedded database, stop the app first.`;

async function main(argv: string[]): Promise<number> {
  let values: { email?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ args: argv, options: { email: { type: "string" }, help: { type: "boolean", short: "h" } } }));
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${USAGE}`);
    return 1;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const email = values.email?.trim().toLowerCase();
  if (!email) {
    console.error(USAGE);
    return 1;
  }
  const db = await getDb();
  await applyMigrations(db, await dbKind());
  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      hasPassword: sql<boolean>`${users.passwordHash} IS NOT NULL`,
      // Spelt out: drizzle leaves a select field's columns unqualified, and "id" would then be the membership's.
      active: sql<boolean>`EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = users.id AND m.deactivated_at IS NULL)`,
    })
    .from(users)
    .where(sql`lower(${users.email}) = ${email}`)
    .limit(1);
  if (!user) {
    console.error(`No one signs in with ${email}.`);
    return 1;
  }
  if (!user.hasPassword) {
    console.error(`${user.email} has never set a password: an admin of their organization invites them instead (People admin, Invite by email).`);
    return 1;
  }
  if (!user.active) {
    console.error(`${user.email} is deactivated in every organization they belong to: an admin reactivates them first.`);
    return 1;
  }
  const { token, expiresAt } = await createPasswordReset(db, user.id);
  const base = (process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, "");
  console.log(`Send this link to ${user.email} (valid until ${expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC, works once):`);
  console.log(`  ${base}/reset/${token}`);
  return 0;
}

main(process.argv.slice(2))
  .catch((err: unknown) => {
    console.error("Creating the link failed:", err);
    return 1;
  })
  .then(async (code) => {
    await closeDb();
    process.exit(code);
  });
