/**
 * `npm run org:create -- --name "Acme Robotics" --admin-email ada@acme.example --admin-name "Ada Lovelace"`:
 * creates an organization on the configured database (PostgreSQL when DATABASE_URL is set, else the
 * embedded one in $REIGNITE_DATA_DIR: stop the app first, it belongs to one process) and prints a
 * one-time link for its first admin to set a password. See lib/orgs/create-org.ts.
 */
import { parseArgs } from "node:util";
import { AppError } from "@/lib/errors";
import { createOrganization } from "@/lib/orgs/create-org";
import { closeDb, dbKind, getDb } from "./client";
import { applyMigrations } from "./migrations";

const USAGE = `Usage: npm run org:create -- --name "Acme Robotics" --admin-email ada@acme.example --admin-name "Ada Lovelace"

Creates an organization and prints a link (valid 7 days, works once) for its
first admin to set a password. Links start with APP_URL when set, else
http://localhost:$PORT (3000). On the embedded database, stop the app first.`;

async function main(argv: string[]): Promise<number> {
  let values: { name?: string; "admin-email"?: string; "admin-name"?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ args: argv, options: { name: { type: "string" }, "admin-email": { type: "string" }, "admin-name": { type: "string" }, help: { type: "boolean", short: "h" } } }));
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${USAGE}`);
    return 1;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const db = await getDb();
  const kind = await dbKind();
  await applyMigrations(db, kind);
  try {
    const org = await createOrganization(db, { name: values.name ?? "", adminEmail: values["admin-email"] ?? "", adminName: values["admin-name"] ?? "" });
    const base = (process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, "");
    console.log(`Created "${org.name}" (${org.slug}) on ${kind}.`);
    console.log(`Send this link to ${values["admin-email"]!.trim().toLowerCase()} to set their password and sign in as its admin (valid until ${org.expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC, works once):`);
    console.log(`  ${base}/invite/${org.token}`);
    // The address is a guess without APP_URL: say so, or an app on another port gets a dead first link.
    if (!process.env.APP_URL) console.log(`If the app runs at another address, open /invite/${org.token} there (or set APP_URL, or PORT, before this command).`);
    return 0;
  } catch (e) {
    if (e instanceof AppError && e.status === 422) {
      for (const [field, msgs] of Object.entries(e.fields ?? {})) console.error(`--${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${msgs.join(" ")}`);
      console.error(`\n${USAGE}`);
      return 1;
    }
    throw e;
  }
}

main(process.argv.slice(2))
  .catch((err: unknown) => {
    console.error("Creating the organization failed:", err);
    return 1;
  })
  .then(async (code) => {
    await closeDb();
    process.exit(code);
  });
