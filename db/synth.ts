/**
 * `npm run db:synth -- --people 10000`: fills a PostgreSQL database with a
 * deterministic synthetic organization for the benchmark (see db/synth/*).
 * Set-based SQL only: each table is one INSERT … SELECT over generate_series
 * with hash-based pseudo-random values, so 10,000 people take minutes, not hours.
 */
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { hashPassword } from "../lib/auth/password";
import { applyMigrations } from "./migrations";
import * as schema from "./schema";
import { findSynthAccounts, SYNTH_PASSWORD } from "./synth/accounts";
import { synthContext } from "./synth/context";
import { connectionsSql, goalsSql, goalUpdatesSql, learningSql, purposeSql, skillsSql, winsSql } from "./synth/growth.sql";
import { actionItemsSql, agendaSql, meetingsSql, notesSql } from "./synth/meetings.sql";
import { membershipsSql, organizationSql, peopleTempSql, roleEventsSql, rotationsSql, usersSql } from "./synth/people.sql";
import { pulseSql, stuckSql } from "./synth/signals.sql";
import { tempFunctions } from "./synth/sql-helpers";
import { buildTree } from "./synth/tree";

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

type Options = { people: number; seed: number; now: Date; reset: boolean };

export function parseArgs(args: string[]): Options | string {
  const o: Options = { people: 10_000, seed: 42, now: new Date(), reset: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = () => {
      const v = args[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    try {
      if (a === "--people") o.people = Number(value());
      else if (a === "--seed") o.seed = Number(value());
      else if (a === "--now") o.now = new Date(value());
      else if (a === "--reset") o.reset = true;
      else return `Unknown option ${a}`;
    } catch (e) {
      return (e as Error).message;
    }
  }
  if (!Number.isInteger(o.people) || o.people < 20 || o.people > 1_000_000) return "--people must be an integer between 20 and 1000000";
  if (!Number.isInteger(o.seed)) return "--seed must be an integer";
  if (Number.isNaN(o.now.getTime())) return "--now must be an ISO date";
  return o;
}

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
    const tree = buildTree(opts.people, opts.seed);
    const passwordHash = await hashPassword(SYNTH_PASSWORD);
    const c = synthContext(opts.now);

    await client.unsafe(`SET synchronous_commit = off; SET work_mem = '128MB'; SET maintenance_work_mem = '256MB'; ${tempFunctions(opts.seed)}`);

    const step = async (name: string, text: string, params: unknown[] = []) => {
      const t0 = Date.now();
      const res = await client.unsafe(text, params as never[]);
      const n = (res as unknown as { count?: number }).count;
      console.log(`  ${name.padEnd(22)} ${String(n ?? "").padStart(9)} rows  ${((Date.now() - t0) / 1000).toFixed(1).padStart(6)} s`);
    };

    console.log(`Synthesizing ${opts.people} people (seed ${opts.seed}, now ${opts.now.toISOString()}) into ${dbName}:`);
    await step("organization", organizationSql(c));
    await step("people (temp)", peopleTempSql(c), [
      tree.map((p) => p.idx),
      tree.map((p) => p.managerIdx),
      tree.map((p) => p.depth),
      tree.map((p) => p.first),
      tree.map((p) => p.last),
      tree.map((p) => p.email),
      tree.map((p) => p.title),
      tree.map((p) => p.team),
      tree.map((p) => (p.admin ? "true" : "false")),
    ]);
    await client.unsafe("CREATE UNIQUE INDEX ON sp (idx); ANALYZE sp");
    await step("users", usersSql(), [passwordHash]);
    await step("memberships", membershipsSql(c));
    await step("role_events", roleEventsSql(c));
    await step("rotations (+events)", rotationsSql(c));
    await step("purpose_statements", purposeSql(c));
    await step("stretch_goals", goalsSql(c));
    await step("stretch_goal_updates", goalUpdatesSql(c));
    await step("learning_items", learningSql(c));
    await step("skills", skillsSql(c));
    await step("wins", winsSql(c));
    await step("connections", connectionsSql(c, opts.people));
    await step("meetings", meetingsSql(c));
    await step("agenda_items", agendaSql(c));
    await step("notes", notesSql(c));
    await step("action_items", actionItemsSql(c));
    await step("pulse_checkins", pulseSql(c));
    await step("stuck_signals", stuckSql(c));
    await step("vacuum analyze", "VACUUM (ANALYZE)");
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
