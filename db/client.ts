/**
 * The one place a driver is chosen: PGlite (embedded, a folder on disk) when
 * DATABASE_URL is unset, postgres.js against a real server otherwise. Both
 * share one drizzle schema. Kept free of "server-only" so scripts (migrate,
 * seed, tests) can import it too.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { drizzle as drizzlePg, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";
import { env } from "../lib/env";
import { queryLogger } from "./query-log";
import { detachedSocket } from "./socket";

export type Db = PostgresJsDatabase<typeof schema>;

type Handle = { db: Db; close: () => Promise<void>; kind: "pglite" | "postgres" };

const g = globalThis as unknown as { __reigniteDb?: Promise<Handle> };

export function pgliteDir(): string {
  return path.resolve(env().REIGNITE_DATA_DIR, "pglite");
}

async function open(url: string | undefined): Promise<Handle> {
  if (url) {
    const client = postgres(url, {
      max: env().DB_POOL_MAX,
      onnotice: () => {},
      connect_timeout: 5,
      idle_timeout: 30,
      // No forced recycling: postgres.js would arm that timer inside the request that opened
      // the connection, holding the request for 30–60 minutes (db/socket.ts). Idle connections
      // still close after 30 s, and a dropped one is reopened on demand.
      max_lifetime: null,
      // Opened outside the request that first needs it: see db/socket.ts (a memory leak otherwise).
      // postgres.js supports `socket` (a connected socket, or a promise of one) without typing it.
      ...({ socket: detachedSocket } as object),
    });
    if (env().DB_PREPARED_STATEMENTS) preparedByDefault(client);
    const db = drizzlePg({ client, schema, casing: "snake_case", logger: queryLogger });
    return { db, close: () => client.end({ timeout: 5 }), kind: "postgres" };
  }
  // Imported lazily so a server deployment never loads the wasm build.
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle: drizzleLite } = await import("drizzle-orm/pglite");
  const dir = pgliteDir();
  mkdirSync(path.dirname(dir), { recursive: true });
  const client = new PGlite(dir);
  await client.waitReady;
  // Same query builder API; only raw `execute` result shapes differ (see rows()).
  const db = drizzleLite({ client, schema, casing: "snake_case", logger: queryLogger }) as unknown as Db;
  return { db, close: () => client.close(), kind: "pglite" };
}

/**
 * drizzle runs every query through `client.unsafe()`, which postgres.js sends
 * unprepared unless told otherwise: the server then parses and plans the same
 * statement on every request (the radar's LATERAL query costs more to plan
 * than to run). Named prepared statements are cached per connection and
 * re-planned by PostgreSQL only when it decides to; under load this cut the
 * database's CPU per page by half or more. Set DB_PREPARED_STATEMENTS=false
 * behind a pooler that cannot keep prepared statements (PgBouncer in
 * transaction mode before 1.21). Statements without parameters keep the
 * simple protocol, so multi-statement SQL (migrations) is unaffected.
 */
export function preparedByDefault(client: postgres.Sql): void {
  const unsafe = client.unsafe.bind(client);
  client.unsafe = ((query: string, args?: never, options?: Record<string, unknown>) => unsafe(query, args, { ...options, prepare: true })) as typeof client.unsafe;
}

async function handle(): Promise<Handle> {
  if (!g.__reigniteDb) {
    g.__reigniteDb = open(env().DATABASE_URL).catch((err) => {
      g.__reigniteDb = undefined;
      throw err;
    });
  }
  return g.__reigniteDb;
}

export async function getDb(): Promise<Db> {
  return (await handle()).db;
}

export async function dbKind(): Promise<Handle["kind"]> {
  return (await handle()).kind;
}

export async function closeDb(): Promise<void> {
  const h = g.__reigniteDb;
  g.__reigniteDb = undefined;
  if (h) await (await h).close();
}

/** Normalizes raw `db.execute()` results: postgres.js returns an array, PGlite `{ rows }`. */
export function rows<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
