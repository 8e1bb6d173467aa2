/**
 * `npm run bench:explain`: EXPLAIN (ANALYZE, BUFFERS) of the radar query on the
 * synthetic database for a manager's direct team, a ~400-person subtree, one
 * person and a page of the whole org, of the org aggregates, and of every
 * statement the 1:1 page, /people/[id] and /me run on the big tables
 * (meetings, notes, agenda and action items, pulse check-ins, …); fails when a
 * plan sequentially scans one of the big tables. Prints each plan's timing;
 * `--verbose` prints the plans. Runs with `--conditions=react-server` (the
 * domain modules are server-only).
 */
import { sql, type SQL } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { preparedByDefault, type Db } from "../../db/client";
import * as schema from "../../db/schema";
import { findSynthAccounts } from "../../db/synth/accounts";
import type { Viewer } from "../../lib/auth/viewer-type";
import { authorize } from "../../lib/policy";
import { relationTo } from "../../lib/policy/relation";
import { loadRadarRows, loadRadarSummaries, type RadarScope } from "../../lib/radar/query";
import { radarForPerson } from "../../lib/radar";
import { orgAggregates } from "../../lib/radar/org";
import { loadMeeting } from "../../lib/meetings/access";
import { meetingDetailFor } from "../../lib/meetings/detail";
import { prepBrief } from "../../lib/meetings/prep";
import { lastAndNext } from "../../lib/meetings/summary";
import { getPlan, planGlance } from "../../lib/plan";
import { loadTrend } from "../../lib/pulse/checkins";
import { listVisibleSignals } from "../../lib/stuck/signals";
import { getDirectoryEntry } from "../../lib/people/directory";
import { listRoleEvents } from "../../lib/people/role-events";
import { listRotations } from "../../lib/people/rotations";

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

type Statement = { query: string; params: unknown[] };

/** A Db that runs normally and records every statement with its parameters (through the drizzle logger). */
function recording(client: postgres.Sql, log: Statement[]): Db {
  return drizzle({ client, schema, casing: "snake_case", logger: { logQuery: (query, params) => void log.push({ query, params }) } }) as unknown as Db;
}

const touchesBigTable = (q: string) => BIG_TABLES.some((t) => new RegExp(`(from|join)\\s+"?${t}"?(?!\\w)`, "i").test(q));

/** EXPLAIN ANALYZE of each recorded statement that reads a big table. */
async function explainStatements(client: postgres.Sql, log: Statement[]): Promise<string> {
  const plans: string[] = [];
  for (const st of log.filter((x) => touchesBigTable(x.query))) {
    const res = await client.unsafe(`EXPLAIN (ANALYZE, BUFFERS) ${st.query}`, st.params as never[]);
    plans.push((res as unknown as { "QUERY PLAN": string }[]).map((r) => r["QUERY PLAN"]).join("\n"));
  }
  return plans.join("\n");
}

/** The statements as the app runs them (no EXPLAIN instrumentation): median of 3 runs, in ms. */
async function medianRunMs(run: (d: Db) => Promise<unknown>, db: Db): Promise<number> {
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    await run(db);
    runs.push(performance.now() - t0);
  }
  return Math.round(runs.sort((x, y) => x - y)[1]! * 10) / 10;
}

export type ExplainResult = { name: string; explainMs: number | null; runMs: number; seqScans: string[]; plan: string; replanned?: string[] };

/**
 * Runs the pages' reads 8 times as the app does (named prepared statements on
 * one connection) and lists the statements PostgreSQL still planned on every
 * run: after five trial runs it keeps a generic plan unless a parameter makes
 * the custom plans look cheaper, and then the planning cost (often more than
 * the run for a small team) is paid on every request.
 */
async function replannedStatements(url: string, runs: ((d: Db) => Promise<unknown>)[]): Promise<{ total: number; replanned: string[] }> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    preparedByDefault(client);
    const db = drizzle({ client, schema, casing: "snake_case" }) as unknown as Db;
    for (let i = 0; i < 8; i++) for (const run of runs) await run(db);
    const ps = await client<{ statement: string; generic_plans: number; custom_plans: number }[]>`
      SELECT statement, generic_plans::int, custom_plans::int FROM pg_prepared_statements WHERE statement !~* '^\s*(explain|select b.oid)'`;
    const replanned = ps.filter((p) => p.generic_plans === 0 && p.custom_plans > 5).map((p) => p.statement.replace(/\s+/g, " ").trim().slice(0, 100));
    return { total: ps.length, replanned };
  } finally {
    await client.end({ timeout: 5 });
  }
}

/** Explains and times the radar and policy queries on the synthetic organization. */
export async function explainChecks(client: postgres.Sql, url?: string): Promise<ExplainResult[]> {
  const db = drizzle({ client, schema, casing: "snake_case" }) as unknown as Db;
  const a = await findSynthAccounts(client);
  const cases: [string, RadarScope][] = [
    [`direct team of ${a.manager.email}`, { kind: "direct", managerId: a.manager.personId }],
    ["one person", { kind: "people", ids: [a.report.personId] }],
    ["org page (50 people)", { kind: "org", limit: 50, offset: 0 }],
    ["org, all people", { kind: "org", limit: 100_000, offset: 0 }],
  ];
  // The policy's reporting-chain walk, from the deepest person up to the top (runs on every person page).
  const [deep] = await client<{ id: string }[]>`
    WITH RECURSIVE d AS (SELECT id, 1 AS depth FROM memberships WHERE org_id = ${a.orgId} AND manager_id IS NULL
                         UNION ALL SELECT m.id, d.depth + 1 FROM memberships m JOIN d ON m.manager_id = d.id)
    SELECT id FROM d ORDER BY depth DESC, id LIMIT 1`;
  const viewer = { orgId: a.orgId, personId: a.director.personId, role: "member" } as Viewer;
  const queries: [string, (d: Db) => Promise<unknown>][] = [
    ...cases.map(([name, scope]) => [`radar: ${name}`, (d: Db) => loadRadarRows(d, a.orgId, scope)] as [string, (d: Db) => Promise<unknown>]),
    // What /team?view=subtree and the API's list read for a subtree (the only subtree read).
    [`radar: compact subtree of ${a.director.email} (${a.director.detail})`, (d: Db) => loadRadarSummaries(d, a.orgId, { kind: "subtree", managerId: a.director.personId })],
    ["policy: relationTo (deepest person)", (d: Db) => relationTo(d, viewer, deep!.id)],
  ];
  const out: ExplainResult[] = [];
  // Pages: every statement their domain functions run, recorded and then explained.
  const asPerson = async (email: string): Promise<Viewer> => {
    const [m] = await client<{ id: string; user_id: string; role: "member" | "admin"; name: string }[]>`
      SELECT m.id, m.user_id, m.role, u.name FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.org_id = ${a.orgId} AND u.email = ${email}`;
    return { userId: m!.user_id, email, name: m!.name, personId: m!.id, orgId: a.orgId, orgSlug: "synth", orgName: "Synthetic Corp", role: m!.role, orgs: [], authTime: Date.now() } as Viewer;
  };
  const manager = await asPerson(a.manager.email);
  const report = await asPerson(a.report.email);
  const admin = await asPerson(a.admin.email);
  const pages: [string, (d: Db) => Promise<unknown>][] = [
    [
      `1:1 page (${a.meetings} 1:1s of the pair)`,
      async (d) => {
        const access = await loadMeeting(d, manager, a.meetingId, "read");
        return Promise.all([meetingDetailFor(d, manager, access), prepBrief(d, manager, access), lastAndNext(d, manager, access.meeting.reportId, access.rel)]);
      },
    ],
    [
      "/people/[id] (manager → report)",
      async (d) => {
        const id = a.report.personId;
        const rel = await relationTo(d, manager, id);
        return Promise.all([getDirectoryEntry(d, manager, id, rel), radarForPerson(d, manager, id, rel), listRoleEvents(d, manager, id, rel), listRotations(d, manager, id, rel), lastAndNext(d, manager, id, rel), planGlance(d, manager, id, rel), loadTrend(d, a.orgId, id, 12)]);
      },
    ],
    [
      "/me (report)",
      async (d) => {
        const rel = await authorize(d, report, "flags", "read", report.personId);
        return Promise.all([radarForPerson(d, report, report.personId, rel), listVisibleSignals(d, report, { personId: report.personId }), loadTrend(d, a.orgId, report.personId, 12), getPlan(d, report, report.personId)]);
      },
    ],
    ["/org aggregates (whole org)", (d) => orgAggregates(d, admin)],
  ];
  for (const [name, run] of pages) {
    const log: Statement[] = [];
    await run(recording(client, log));
    const plan = await explainStatements(client, log);
    const times = [...plan.matchAll(/Execution Time: ([\d.]+) ms/g)].map((m) => Number(m[1]));
    out.push({
      name: `page: ${name}, ${times.length} statements on big tables`,
      explainMs: times.length ? Math.round(times.reduce((x, y) => x + y, 0) * 1000) / 1000 : null,
      runMs: await medianRunMs(run, db),
      seqScans: [...new Set(seqScansOnBigTables(plan))],
      plan,
    });
  }
  if (url) {
    const t0 = performance.now();
    const { total, replanned } = await replannedStatements(url, [...pages.map(([, run]) => run), ...queries.slice(0, 3).map(([, run]) => run)]);
    out.push({ name: `plan cache: ${total} prepared statements, ${replanned.length} planned on every call`, explainMs: null, runMs: Math.round(performance.now() - t0), seqScans: [], plan: replanned.join("\n"), replanned });
  }
  for (const [name, run] of queries) {
    const plans: string[] = [];
    await run(explaining(db, plans));
    const plan = plans.join("\n");
    const time = plan.match(/Execution Time: ([\d.]+) ms/)?.[1];
    out.push({
      name,
      explainMs: time ? Number(time) : null,
      runMs: await medianRunMs(run, db),
      seqScans: [...new Set(seqScansOnBigTables(plan))],
      plan,
    });
  }
  return out;
}

export function explainLine(r: ExplainResult): string {
  if (r.replanned) return `${r.name}${r.replanned.length ? `:\n      ${r.replanned.join("\n      ")}` : ""}`;
  return `${r.name.padEnd(62)} explain ${String(r.explainMs).padStart(8)} ms, run ${String(r.runMs).padStart(7)} ms  ${
    r.seqScans.length ? `SEQ SCAN on ${r.seqScans.join(", ")}` : "no seq scans on big tables"
  }`;
}

async function main() {
  const url = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/reignite_bench";
  const client = postgres(url, { max: 1, onnotice: () => {} });
  const verbose = process.argv.includes("--verbose");
  let failed = false;
  try {
    for (const r of await explainChecks(client, url)) {
      if (r.seqScans.length) failed = true;
      console.log(explainLine(r));
      if (verbose) console.log(r.plan + "\n");
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
