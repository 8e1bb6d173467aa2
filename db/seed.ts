/**
 * `npm run db:seed -- --demo`: applies migrations, then loads the demo data set
 * into the configured database (PGlite folder, or DATABASE_URL) unless it is
 * already there. Without `--demo` it does nothing, so it cannot be run by accident.
 */
import { eq } from "drizzle-orm";
import { closeDb, dbKind, getDb } from "./client";
import { applyMigrations } from "./migrations";
import { organizations } from "./schema";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from "./seed/demo";

const USAGE = `Usage: npm run db:seed -- --demo

Loads the Reignite demo data set (organizations "Acme Robotics" and "Globex",
their people and two years of history) into the configured database:
PostgreSQL when DATABASE_URL is set, otherwise PGlite in $REIGNITE_DATA_DIR.
Does nothing if the demo organization "acme" already exists.`;

async function main(args: string[]): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    console.log(USAGE);
    return 0;
  }
  if (args.length !== 1 || args[0] !== "--demo") {
    console.error(USAGE);
    return 1;
  }

  const db = await getDb();
  const kind = await dbKind();
  await applyMigrations(db, kind);

  const existing = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, "acme")).limit(1);
  if (existing.length > 0) {
    console.log('Demo data already present (organization "acme" exists); nothing to do.');
    return 0;
  }

  const started = Date.now();
  await seedDemo(db);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);

  const width = Math.max(...DEMO_ACCOUNTS.map((a) => a.email.length));
  const nameWidth = Math.max(...DEMO_ACCOUNTS.map((a) => a.name.length));
  console.log(`Seeded the demo data into ${kind} in ${seconds} s.`);
  console.log(`Sign in with any of these accounts, password "${DEMO_PASSWORD}":`);
  for (const a of DEMO_ACCOUNTS) console.log(`  ${a.email.padEnd(width)}  ${a.name.padEnd(nameWidth)}  ${a.role}`);
  return 0;
}

main(process.argv.slice(2))
  .catch((err: unknown) => {
    console.error("Seeding failed:", err);
    return 1;
  })
  .then(async (code) => {
    await closeDb();
    process.exit(code);
  });
