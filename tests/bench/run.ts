/**
 * `npm run bench`: measures Reignite under load against `next start` on the
 * synthetic organization (`npm run db:synth`). See README "Performance".
 *
 *   DATABASE_URL   the synthetic database (default postgres://postgres@127.0.0.1:5432/reignite_bench)
 *   --no-build     use the existing .next even if sources are newer
 *   --duration S   seconds per measurement (default 10), --connections N (default 20), --warmup S (default 3)
 *   --repeat N     measure each page (and the reference just before it) N times and report medians
 *                  (default 1); on a shared machine 3 makes a verdict near a threshold less of a coin toss
 *   --workers N    app workers, as WEB_CONCURRENCY for `npm start` (default 1: a single `next start`, as issue 7
 *                  specifies; `npm start` itself runs one per core — README "Performance" compares the two)
 *   --out FILE     JSON output (default tests/bench/results/latest.json)
 *   --only KEYS    measure only these targets (comma-separated keys from targets.ts, e.g. team,me);
 *                  the references are always measured. Writes to tests/bench/results/partial.json
 *                  unless --out is given, so latest.json always holds a whole run.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { execSync } from "node:child_process";
import postgres from "postgres";
import { findSynthAccounts, SYNTH_PASSWORD, type SynthAccounts } from "../../db/synth/accounts";
import { drizzle } from "drizzle-orm/postgres-js";
import { applyMigrations } from "../../db/migrations";
import * as schema from "../../db/schema";
import { bundleReport } from "./bundle";
import { explainChecks, explainLine, type ExplainResult } from "./explain";
import { cpuPerRequest, heapAfterGcMb, load, loadWithCpu, medianRun, probe, queriesPerRequest, singleRequestMs, type Run } from "./http";
import { signIn } from "./session";
import { build, buildIsStale, freePort, startServer, watchMemory } from "./server";
import { MAX_TEAM_JS_RATIO, TARGETS, type AccountKey } from "./targets";
import { printReport, type Measured, type Report } from "./report";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

async function dbStats(sql: postgres.Sql, orgId: string) {
  const [r] = await sql<Record<string, number>[]>`
    SELECT (SELECT count(*) FROM memberships WHERE org_id = ${orgId})::int AS people,
           (SELECT count(*) FROM meetings WHERE org_id = ${orgId})::int AS meetings,
           (SELECT count(*) FROM notes WHERE org_id = ${orgId})::int AS notes,
           (SELECT count(*) FROM agenda_items WHERE org_id = ${orgId})::int AS agenda_items,
           (SELECT count(*) FROM action_items WHERE org_id = ${orgId})::int AS action_items,
           (SELECT count(*) FROM pulse_checkins WHERE org_id = ${orgId})::int AS pulse_checkins,
           (SELECT count(*) FROM role_events WHERE org_id = ${orgId})::int AS role_events`;
  return r!;
}

async function main() {
  const dbUrl = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/reignite_bench";
  const connections = Number(arg("connections", "20"));
  const duration = Number(arg("duration", "10"));
  const warmup = Number(arg("warmup", "3"));
  const workers = Number(arg("workers", "1"));
  const repeat = Math.max(1, Number(arg("repeat", "1")));
  const only = arg("only", "").split(",").filter(Boolean);
  const out = path.resolve(arg("out", only.length ? "tests/bench/results/partial.json" : "tests/bench/results/latest.json"));
  const port = arg("port", "") ? Number(arg("port", "")) : await freePort();

  const sql = postgres(dbUrl, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  // A bench database filled before a newer migration still works: apply what is committed, as db:synth does.
  await applyMigrations(drizzle({ client: sql, schema, casing: "snake_case" }) as never, "postgres");
  let accounts: SynthAccounts;
  let stats: Record<string, number>;
  let explained: ExplainResult[];
  try {
    accounts = await findSynthAccounts(sql);
    stats = await dbStats(sql, accounts.orgId);
    console.log("Query plans on the synthetic organization (npm run bench:explain --verbose shows them):");
    explained = await explainChecks(sql, dbUrl);
    for (const r of explained) console.log(`  ${explainLine(r)}`);
  } finally {
    await sql.end({ timeout: 5 });
  }

  if (process.argv.includes("--no-build")) console.log("Using the existing build (--no-build).");
  else if (buildIsStale()) build();
  else console.log("The production build in .next is up to date.");

  const token = randomBytes(24).toString("base64url");
  const server = await startServer(port, {
    DATABASE_URL: dbUrl,
    AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(32).toString("base64url"),
    REIGNITE_BENCH_TOKEN: token,
  }, workers);
  const memory = watchMemory(server.proc.pid!);
  const results: Measured[] = [];
  let served = 0;
  let heap: Report["heap"];
  try {
    const cookies: Partial<Record<AccountKey, string>> = {};
    const cookieFor = async (k: AccountKey) => (cookies[k] ??= await signIn(server.url, accounts[k].email, SYNTH_PASSWORD));

    // Warm the whole server first: V8 optimizes the rendering paths the pages
    // share while they run, so without this the first page measured pays for
    // it (measured: ~30% more CPU per request for the same page measured first
    // rather than after another). Production servers are warm too.
    const selected = TARGETS.filter((t) => !(only.length && t.kind !== "reference" && !only.includes(t.key)));
    process.stdout.write(`Warming up every page (${warmup} s each) …`);
    for (const t of selected) {
      const cookie = t.as ? await cookieFor(t.as) : undefined;
      const p = t.paths(accounts)[0]!;
      if ((await probe(server.url + p, cookie)).status === 200) await load(server.url + p, cookie, connections, warmup);
    }
    console.log(" done.");
    // The heap after a full collection, now and after every page: a leak shows as growth per request.
    const heapStart = await heapAfterGcMb(server.url, token, workers);

    for (const t of selected) {
      const cookie = t.as ? await cookieFor(t.as) : undefined;
      let chosen: string | null = null;
      let lastStatus = 0;
      for (const p of t.paths(accounts)) {
        const r = await probe(server.url + p, cookie);
        lastStatus = r.status;
        if (r.status === 404) continue;
        chosen = p;
        if (r.status !== 200) {
          results.push({ target: t, path: p, status: "error", detail: `HTTP ${r.status}${r.location ? ` → ${r.location}` : ""}` });
        }
        break;
      }
      if (!chosen) {
        results.push({ target: t, path: t.paths(accounts)[0]!, status: "missing", detail: `HTTP ${lastStatus}` });
        console.log(`  ${t.label}: missing (404)`);
        continue;
      }
      if (results.at(-1)?.target === t) continue; // error recorded
      const url = server.url + chosen;
      process.stdout.write(`  ${t.label.padEnd(34)} `);
      await load(url, cookie, connections, warmup);
      const queries = await queriesPerRequest(server.url, token, url, cookie, workers);
      const single = t.maxSingleMs || t.single ? await singleRequestMs(url, cookie) : undefined;
      const cpuMs = (await cpuPerRequest(server.proc.pid!, url, cookie)) ?? undefined;
      // The reference again, right before the page: on a shared machine the load
      // drifts during a run, and a ratio is only fair between neighbours.
      const refUrl = t.reference ? `${server.url}${t.reference === "login" ? "/login" : "/api/health"}` : undefined;
      const runs: Run[] = [];
      for (let i = 0; i < repeat; i++) {
        // The reference again, right before the page: on a shared machine the load
        // drifts during a run, and a ratio is only fair between neighbours.
        const ref = refUrl ? await loadWithCpu(refUrl, undefined, connections, duration, server.proc.pid!) : undefined;
        runs.push({ ref, page: await loadWithCpu(url, cookie, connections, duration, server.proc.pid!) });
        served += (ref?.requests ?? 0) + runs.at(-1)!.page.requests;
      }
      const { ref, page: l, spread } = medianRun(runs);
      results.push({ target: t, path: chosen, status: runs.some((r) => r.page.non2xx || r.page.errors) ? "error" : "ok", load: l, queries, singleMs: single, referenceRps: ref?.rps, referenceP99: ref?.p99, cpuMs, loadCpu: { app: l.appCpuMs, db: l.dbCpuMs }, referenceLoadCpu: ref ? { app: ref.appCpuMs, db: ref.dbCpuMs } : undefined, runs: repeat > 1 ? spread : undefined });
      console.log(`${l.rps} req/s, p99 ${l.p99} ms, ${queries} queries/request${ref ? ` (${t.reference} just before: ${ref.rps} req/s)` : ""}${repeat > 1 ? ` — median of ${repeat}` : ""}${l.non2xx ? `, ${l.non2xx} non-2xx` : ""}`);
    }
    const heapEnd = await heapAfterGcMb(server.url, token, workers);
    if (heapStart !== null && heapEnd !== null) heap = { afterWarmupMb: heapStart, afterRunMb: heapEnd, requests: served };
  } finally {
    const mem = memory.stop();
    await server.stop();
    const bundles = bundleReport();
    const report: Report = {
      ranAt: new Date().toISOString(),
      commit: safe(() => execSync("git rev-parse --short HEAD").toString().trim()),
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? "unknown",
        memoryGb: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
        loadAverageAtEnd: os.loadavg().map((n) => Math.round(n * 100) / 100),
      },
      config: { connections, durationSeconds: duration, warmupSeconds: warmup, workers, repeat },
      database: stats,
      accounts: { manager: accounts.manager.email, director: accounts.director.email, directorDetail: accounts.director.detail, admin: accounts.admin.email, report: accounts.report.email, meetingsInSeries: accounts.meetings },
      memory: mem,
      heap,
      bundles,
      teamJsMaxRatio: MAX_TEAM_JS_RATIO,
      results,
      queryPlans: explained.map(({ plan: _plan, ...r }) => r),
    };
    const json = printReport(report);
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, JSON.stringify(json, null, 2) + "\n");
    console.log(`\nWrote ${path.relative(process.cwd(), out)}`);
  }
}

function safe(fn: () => string): string {
  try {
    return fn();
  } catch {
    return "unknown";
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
