import postgres from "postgres";

import { createHash } from "node:crypto";

/**
 * Database names are prefixed per checkout (or TEST_DB_PREFIX), so two
 * checkouts testing against one server never clobber each other.
 */
export const DB_PREFIX =
  process.env.TEST_DB_PREFIX ?? `reignite_${createHash("sha1").update(process.cwd()).digest("hex").slice(0, 6)}`;

/** Template databases: migrated once per run, then copied per test file (CREATE DATABASE … TEMPLATE is fast). */
export const TEMPLATE_EMPTY = `${DB_PREFIX}_tpl_empty`;
export const TEMPLATE_DEMO = `${DB_PREFIX}_tpl_demo`;

export function testServerUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || undefined;
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function adminSql<T>(url: string, fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(withDatabase(url, "postgres"), { max: 1, onnotice: () => {} });
  try {
    return await fn(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

export async function recreateDatabase(url: string, name: string, template?: string): Promise<void> {
  await adminSql(url, async (sql) => {
    await sql.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await sql.unsafe(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`);
  });
}

export async function dropDatabase(url: string, name: string): Promise<void> {
  await adminSql(url, (sql) => sql.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
