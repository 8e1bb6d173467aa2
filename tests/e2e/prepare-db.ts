/**
 * Runs before the e2e server starts: a fresh database with migrations and the
 * demo data (PostgreSQL), or an empty data folder that the server's own
 * bootstrap fills (PGlite).
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { recreateDatabase } from "../helpers/pg-admin";
import { resetDemoData } from "./support/reset";

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    rmSync(path.resolve(process.env.REIGNITE_DATA_DIR ?? ".data/e2e"), { recursive: true, force: true });
    return;
  }
  const name = new URL(url).pathname.slice(1);
  await recreateDatabase(url, name);
  await resetDemoData(url, { migrate: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
