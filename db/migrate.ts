/** `npm run db:migrate`: applies committed migrations to DATABASE_URL (or the embedded database). */
import { closeDb, dbKind, getDb } from "./client";
import { applyMigrations } from "./migrations";

async function main() {
  const db = await getDb();
  const kind = await dbKind();
  await applyMigrations(db, kind);
  console.log(`Migrations applied (${kind}).`);
  await closeDb();
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
