/**
 * `npm run bench:explain`: EXPLAIN (ANALYZE, BUFFERS) of the radar query on the
 * synthetic database for a manager's direct team, a ~400-person subtree, one
 * person and a page of the whole org; fails when a plan sequentially scans one
 * of the big tables. Prints each plan's timing; `--verbose` prints the plans.
 */
import { sql, type SQL } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import type { Db } from "../db/client";
import * as schema from "../db/schema";
import { findSynthAccounts } from "../db/synth/accounts";
import { loadRadarRows, type RadarScope } from "../lib/radar/query";

// History tables that grow with time. memberships/users are left out: reading all
// of them is right for the whole-org view, and a one-org database makes the
// planner hash-join them for subtrees too (10,000 rows, a few ms).
export const BIG_TABLES = ["meetings", "notes", "agenda_items", "action_items", "pulse_checkins", "role_events", "stretch_goals", "stretch_goal_updates", "learning_items", "skills", "wins"];

/** A Db whose execute() explains instead of running, collecting the plan text. */
function explaining(db: Db, plans: string[]): Db {
  return {
    execute: async (q: SQL) => {
      const res = await db.execute(sql`EXPLAIN (ANALYZE, BUFFERS) ${q}`);
      plans.push((res as unknown as { "QUERY PLAN": string }[]).map((r) => r["QUERY PLAN"]).join("\n"));
      return [];
    },
  } as unknown as Db;
}

export function seqScansOnBigTables(plan: string): string[] {
  const hits: string[] = [];
  for (const m of plan.matchAll(/Seq Scan on (\w+)/g)) if (BIG_TABLES.includes(m[1]!)) hits.push(m[1]!);
  return hits;
}

async function main() {
  const url = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/reignite_bench";
  const client = postgres(url, { max: 1, onnotice: () => {} });
  const verbose = process.argv.includes("--verbose");
  let failed = false;
  try {
    const db = drizzle({ client, schema, casing: "snake_case" }) as unknown as Db;
    const a = await findSynthAccounts(client);
    const cases: [string, RadarScope][] = [
      [`direct team of ${a.manager.email}`, { kind: "direct", managerId: a.manager.personId }],
      [`subtree of ${a.director.email} (${a.director.detail})`, { kind: "subtree", managerId: a.director.personId }],
      ["one person", { kind: "people", ids: [a.report.personId] }],
      ["org page (50 people)", { kind: "org", limit: 50, offset: 0 }],
      ["org, all people", { kind: "org", limit: 100_000, offset: 0 }],
    ];
    for (const [name, scope] of cases) {
      const plans: string[] = [];
      await loadRadarRows(explaining(db, plans), a.orgId, scope);
      const plan = plans.join("\n");
      const time = plan.match(/Execution Time: ([\d.]+) ms/)?.[1];
      const seq = seqScansOnBigTables(plan);
      // The query as the app runs it (no EXPLAIN instrumentation): median of 3.
      const runs: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        await loadRadarRows(db, a.orgId, scope);
        runs.push(performance.now() - t0);
      }
      const plain = runs.sort((x, y) => x - y)[1]!.toFixed(1);
      if (seq.length) failed = true;
      console.log(`${name.padEnd(62)} explain ${String(time).padStart(8)} ms, run ${plain.padStart(7)} ms  ${seq.length ? `SEQ SCAN on ${[...new Set(seq)].join(", ")}` : "no seq scans on big tables"}`);
      if (verbose) console.log(plan + "\n");
    }
  } finally {
    await client.end({ timeout: 5 });
  }
  process.exit(failed ? 1 : 0);
}

if (process.argv[1]?.endsWith("explain.ts")) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
