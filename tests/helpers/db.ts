/**
 * Gives each test file its own clean database: a copy of a template on
 * PostgreSQL (TEST_DATABASE_URL), or a fresh PGlite folder otherwise.
 * Call in beforeAll; returns the Db the app's domain functions will also use.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeDb, dbKind, getDb, type Db } from "@/db/client";
import { applyMigrations } from "@/db/migrations";
import { resetEnvForTests } from "@/lib/env";
import { DB_PREFIX, TEMPLATE_DEMO, TEMPLATE_EMPTY, dropDatabase, recreateDatabase, testServerUrl, withDatabase } from "./pg-admin";

export const onPostgres = !!testServerUrl();

let cleanup: (() => Promise<void>) | undefined;

export async function setupTestDb(opts: { demo?: boolean } = {}): Promise<Db> {
  await closeDb();
  const url = testServerUrl();
  if (url) {
    const name = `${DB_PREFIX}_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    await recreateDatabase(url, name, opts.demo ? TEMPLATE_DEMO : TEMPLATE_EMPTY);
    process.env.DATABASE_URL = withDatabase(url, name);
    resetEnvForTests();
    cleanup = async () => {
      await closeDb();
      await dropDatabase(url, name);
    };
    return getDb();
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "reignite-test-"));
  delete process.env.DATABASE_URL;
  process.env.REIGNITE_DATA_DIR = dir;
  resetEnvForTests();
  const db = await getDb();
  await applyMigrations(db, await dbKind());
  if (opts.demo) {
    const { seedDemo } = await import("@/db/seed/demo");
    await seedDemo(db);
  }
  cleanup = async () => {
    await closeDb();
    rmSync(dir, { recursive: true, force: true });
  };
  return db;
}

export async function teardownTestDb(): Promise<void> {
  await cleanup?.();
  cleanup = undefined;
}
