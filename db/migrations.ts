import path from "node:path";
import { migrate as migratePg } from "drizzle-orm/postgres-js/migrator";
import type { Db } from "./client";

export const migrationsFolder = path.resolve(process.cwd(), "db/migrations");

/** Applies committed migrations. Works on both drivers (PGlite is wire-compatible here). */
export async function applyMigrations(db: Db, kind: "pglite" | "postgres"): Promise<void> {
  if (kind === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(db as never, { migrationsFolder });
  } else {
    await migratePg(db, { migrationsFolder });
  }
}
