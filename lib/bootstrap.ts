import { sql } from "drizzle-orm";
import { dbKind, getDb, pgliteDir, rows } from "@/db/client";
import { applyMigrations } from "@/db/migrations";
import { authSecret } from "@/lib/auth/secret";
import { env } from "@/lib/env";

export async function bootstrap(): Promise<void> {
  const e = env(); // fails fast, naming the bad variable
  authSecret(); // in production: a clear error when AUTH_SECRET is missing
  const kind = await dbKind();
  if (kind !== "pglite") return; // on PostgreSQL, migrations run with `npm run db:migrate`
  const db = await getDb();
  await applyMigrations(db, kind);
  if (e.REIGNITE_SEED_DEMO === "0") return;
  const [r] = rows<{ n: number }>(await db.execute(sql`select count(*)::int as n from organizations`));
  const { seedDemo, DEMO_ACCOUNTS, DEMO_PASSWORD } = await import("@/db/seed/demo");
  const url = `http://localhost:${process.env.PORT ?? 3000}/login`;
  if ((r?.n ?? 0) > 0) {
    console.log(`\n  Reignite: embedded database at ${pgliteDir()}. Demo sign-in: ${url} — maya@acme.example / ${DEMO_PASSWORD}\n`);
    return;
  }
  await seedDemo(db);
  console.log(`\n  Reignite: embedded database created at ${pgliteDir()} with demo data.`);
  console.log(`  Sign in at ${url} with password "${DEMO_PASSWORD}" and one of:`);
  for (const a of DEMO_ACCOUNTS) console.log(`    ${a.email.padEnd(22)} ${a.name} (${a.role})`);
  console.log("");
}
