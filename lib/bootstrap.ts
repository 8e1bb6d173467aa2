import { sql } from "drizzle-orm";
import { dbKind, getDb, pgliteDir, rows } from "@/db/client";
import { applyMigrations } from "@/db/migrations";
import { authSecret } from "@/lib/auth/secret";
import { env } from "@/lib/env";

const ORG_CREATE_HINT = 'Create one, with a link for its first admin: npm run org:create -- --name "Your company" --admin-email you@example.com --admin-name "Your Name"';

async function organizationCount(db: Awaited<ReturnType<typeof getDb>>): Promise<number> {
  const [r] = rows<{ n: number }>(await db.execute(sql`select count(*)::int as n from organizations`));
  return r?.n ?? 0;
}

export async function bootstrap(): Promise<void> {
  const e = env(); // fails fast, naming the bad variable
  authSecret(); // in production: a clear error when AUTH_SECRET is missing
  const kind = await dbKind();
  const db = await getDb();
  if (kind !== "pglite") {
    // On PostgreSQL, migrations run with `npm run db:migrate`; an empty database gets a hint, nothing more.
    // A database that is down now is reported by /api/health and each request, not here.
    const n = await organizationCount(db).catch((err: { code?: string; cause?: { code?: string } }) => ((err?.cause?.code ?? err?.code) === "42P01" ? "no tables" : null));
    if (n === "no tables") console.log("\n  Reignite: the database has no tables yet. Run `npm run db:migrate` (see README).\n");
    else if (n === 0) console.log(`\n  Reignite: no organization yet. ${ORG_CREATE_HINT}\n`);
    return;
  }
  await applyMigrations(db, kind);
  const count = await organizationCount(db);
  if (e.REIGNITE_SEED_DEMO === "0") {
    if (count === 0) console.log(`\n  Reignite: embedded database at ${pgliteDir()}, no organization yet. Stop the app (the embedded database belongs to one process), then: ${ORG_CREATE_HINT}\n`);
    return;
  }
  const { seedDemo, DEMO_ACCOUNTS, DEMO_PASSWORD } = await import("@/db/seed/demo");
  const url = `http://localhost:${process.env.PORT ?? 3000}/login`;
  if (count > 0) {
    console.log(`\n  Reignite: embedded database at ${pgliteDir()}. Demo sign-in: ${url} — maya@acme.example / ${DEMO_PASSWORD}\n`);
    return;
  }
  await seedDemo(db);
  console.log(`\n  Reignite: embedded database created at ${pgliteDir()} with demo data.`);
  console.log(`  Sign in at ${url} with password "${DEMO_PASSWORD}" and one of:`);
  for (const a of DEMO_ACCOUNTS) console.log(`    ${a.email.padEnd(22)} ${a.name} (${a.role})`);
  console.log("");
}
