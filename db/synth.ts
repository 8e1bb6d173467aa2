/**
 * `npm run db:synth -- --people 10000`: fills a PostgreSQL database with a
 * deterministic synthetic organization for the benchmark (see db/synth/*).
 * Set-based SQL only: each table is one INSERT … SELECT over generate_series
 * with hash-based pseudo-random values, so 10,000 people take minutes, not hours.
 */
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { applyMigrations } from "./migrations";
import * as schema from "./schema";
import { findSynthAccounts, SYNTH_PASSWORD } from "./synth/accounts";
import { parseArgs } from "./synth/args";
import { synthesize } from "./synth/run";

const USAGE = `Usage: DATABASE_URL=postgres://postgres@127.0.0.1:5432/reignite_bench npm run db:synth -- [options]

Fills the PostgreSQL database at DATABASE_URL with a synthetic organization
("Synthetic Corp", slug synth) and two years of history, for npm run bench.
Creates the database if it does not exist. Refuses the embedded database, the
server's maintenance databases, and a database that already holds data.

  --people N     number of people (default 10000, at least 20)
  --seed S       seed for the pseudo-random choices (default 42)
  --now ISO      the synthetic "now" (default: the current time)
  --reset        empty the database first (deletes ALL its data)
`;

const REFUSED_DATABASES = new Set(["postgres", "template0", "template1", "test"]);

async function ensureDatabase(url: string): Promise<void> {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.slice(1));
  u.pathname = "/postgres";
  const admin = postgres(u.toString(), { max: 1, onnotice: () => {} });
  try {
    const [found] = await admin`SELECT 1 AS ok FROM pg_database WHERE datname = ${name}`;
    if (!found) {
      await admin.unsafe(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
      console.log(`Created database ${name}.`);
    }
  } finally {
    await admin.end({ timeout: 5 });
  }
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(USAGE);
    return 0;
  }
  const opts = parseArgs(argv);
  if (typeof opts === "string") {
    console.error(`${opts}\n\n${USAGE}`);
    return 1;
  }
  const url = process.env.DATABASE_URL;
  if (!url || !/^postgres(ql)?:\/\//.test(url)) {
    console.error("db:synth needs a PostgreSQL server: set DATABASE_URL (it never writes to the embedded database).\n\n" + USAGE);
    return 1;
  }
  const dbName = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!dbName || REFUSED_DATABASES.has(dbName)) {
    console.error(`Refusing to fill database "${dbName || "(none)"}": use a dedicated one, e.g. …/reignite_bench.`);
    return 1;
  }
  await ensureDatabase(url);

  const client = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    const db = drizzle({ client, schema, casing: "snake_case" });
    await applyMigrations(db as never, "postgres");

    const [existing] = await client<{ n: number }[]>`SELECT (SELECT count(*) FROM organizations) + (SELECT count(*) FROM users) AS n`;
    if (Number(existing?.n ?? 0) > 0) {
      if (!opts.reset) {
        console.error(`Database "${dbName}" already holds data. Re-run with --reset to delete ALL of it and fill it again.`);
        return 1;
      }
      await client.unsafe("TRUNCATE organizations, users, login_attempts RESTART IDENTITY CASCADE");
      console.log(`Emptied database ${dbName}.`);
    }

    const started = Date.now();
    console.log(`Synthesizing ${opts.people} people (seed ${opts.seed}, now ${opts.now.toISOString()}) into ${dbName}:`);
    await synthesize(client, opts, (line) => console.log(line));
    // As recommended for production (README "Performance"): JIT compilation
    // never pays off for these short OLTP queries, and for whole-org radar
    // plans it costs 0.5–1.5 s per query.
    await client.unsafe(`ALTER DATABASE "${dbName.replace(/"/g, '""')}" SET jit = off`);
    const seconds = (Date.now() - started) / 1000;

    const accounts = await findSynthAccounts(client);
    console.log(`\nDone in ${seconds.toFixed(1)} s. Sign in (password "${SYNTH_PASSWORD}" for every synthetic user):`);
    for (const a of [accounts.manager, accounts.director, accounts.admin, accounts.report]) {
      console.log(`  ${a.email.padEnd(44)} ${a.name.padEnd(24)} ${a.detail}`);
    }
    return 0;
  } finally {
    await client.end({ timeout: 5 });
  }
}

main(process.argv.slice(2))
  .catch((err: unknown) => {
    console.error("db:synth failed:", err instanceof Error ? err.message : err);
    console.error("The database may be half-filled: re-run with --reset.");
    return 1;
  })
  .then((code) => process.exit(code));
