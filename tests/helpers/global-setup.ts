/**
 * Vitest global setup: with TEST_DATABASE_URL, builds two template databases
 * (migrated; migrated + demo data) that every test file copies. Without it,
 * tests run on PGlite and the PostgreSQL-only tests say they were skipped.
 */
import { TEMPLATE_DEMO, TEMPLATE_EMPTY, recreateDatabase, testServerUrl, withDatabase } from "./pg-admin";

export default async function setup() {
  const url = testServerUrl();
  if (!url) {
    console.log(
      "\n[tests] TEST_DATABASE_URL is not set: running on embedded PGlite. PostgreSQL-only tests (concurrency, races) are skipped.\n" +
        "        Enable them with TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm test\n",
    );
    return;
  }
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const postgres = (await import("postgres")).default;
  const schema = await import("../../db/schema");
  const { seedDemo } = await import("../../db/seed/demo");

  for (const name of [TEMPLATE_EMPTY, TEMPLATE_DEMO]) {
    await recreateDatabase(url, name);
    const client = postgres(withDatabase(url, name), { max: 1, onnotice: () => {} });
    const db = drizzle({ client, schema, casing: "snake_case" });
    await migrate(db, { migrationsFolder: "db/migrations" });
    if (name === TEMPLATE_DEMO) await seedDemo(db as never);
    await client.end({ timeout: 5 });
  }
}
