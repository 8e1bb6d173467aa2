import postgres from "postgres";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import * as schema from "../../../db/schema";
import { seedDemo } from "../../../db/seed/demo";

/**
 * Puts the e2e database back to exactly the demo data set. Specs that change
 * demo data call this first (test.beforeAll), so specs do not depend on order.
 * Users get new ids, so sign in again after a reset.
 */
export async function resetDemoData(url = e2eDatabaseUrl(), opts: { migrate?: boolean } = {}): Promise<void> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const db = drizzle({ client, schema, casing: "snake_case" });
    if (opts.migrate) await migrate(db, { migrationsFolder: "db/migrations" });
    await client.unsafe(
      "TRUNCATE organizations, users, login_attempts RESTART IDENTITY CASCADE",
    );
    await seedDemo(db as never);
  } finally {
    await client.end({ timeout: 5 });
  }
}

export function e2eDatabaseUrl(): string {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error("E2E tests need TEST_DATABASE_URL (a PostgreSQL server).");
  const u = new URL(base);
  const name = process.env.E2E_DATABASE_NAME;
  if (!name) throw new Error("E2E_DATABASE_NAME is set by playwright.config.ts");
  u.pathname = `/${name}`;
  return u.toString();
}
