/**
 * `npm run bench:ab -- --base REV`: did a change make pages cheaper? Runs the
 * production build of REV ("base") and of the working tree ("head") against
 * the same synthetic database, alternately, for a few rounds, and compares
 * what one request costs on each (app and PostgreSQL CPU under load, and the
 * app's CPU as a multiple of /login's on the same server in the same round).
 *
 * Why: on a shared machine one run of `npm run bench` moves by ±20% within
 * minutes, more than most single changes; alternating the two builds and
 * dividing by /login measured alongside cancels most of that drift.
 *
 *   --base REV       the git revision to compare against (default: HEAD, i.e. uncommitted changes)
 *   --only KEYS      pages from targets.ts (default: team,subtree,person,oneOnOne,me,apiPeople)
 *   --rounds N       rounds (default 3); each round starts each build's server once
 *   --duration S     seconds of load per page (default 8), after a 3 s warm-up
 *
 * The base build lives in a git worktree beside this checkout (../.reignite-ab-<sha>),
 * kept between runs so a second comparison against the same revision skips its build;
 * its node_modules are hard links to this checkout's (same packages, no install).
 */
import { randomBytes } from "node:crypto";
import { execFileSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { findSynthAccounts, SYNTH_PASSWORD } from "../../db/synth/accounts";
import { load, loadWithCpu } from "./http";
import { signIn } from "./session";
import { build, buildIsStale, freePort, startServer } from "./server";
import { TARGETS, type AccountKey } from "./targets";
import { abOrder, summarizeAb, type AbSample } from "./ab-report";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const git = (...args: string[]) => execFileSync("git", args, { encoding: "utf8" }).trim();

/** A built checkout of `rev` beside this one. */
function baseCheckout(rev: string): string {
  const root = git("rev-parse", "--show-toplevel");
  const sha = git("rev-parse", "--verify", `${rev}^{commit}`);
  const dir = path.resolve(root, "..", `.reignite-ab-${sha.slice(0, 12)}`);
  if (!existsSync(path.join(dir, "package.json"))) {
    git("worktree", "add", "--detach", dir, sha);
  }
  if (!existsSync(path.join(dir, "node_modules"))) {
    // Turbopack refuses a node_modules outside the project root, so no symlink: hard links, or an install.
    try {
      execFileSync("cp", ["-al", path.join(root, "node_modules"), path.join(dir, "node_modules")]);
    } catch {
      execFileSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: dir, stdio: "inherit" });
    }
  }
  if (!existsSync(path.join(dir, ".next", "BUILD_ID"))) build(dir);
  return dir;
}

async function main() {
  const dbUrl = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/reignite_bench";
  const rev = arg("base", "HEAD");
  const rounds = Math.max(1, Number(arg("rounds", "3")));
  const duration = Number(arg("duration", "8"));
  const keys = arg("only", "team,subtree,person,oneOnOne,me,apiPeople").split(",").filter(Boolean);
  const targets = TARGETS.filter((t) => keys.includes(t.key));
  const unknown = keys.filter((k) => !TARGETS.some((t) => t.key === k));
  if (unknown.length) throw new Error(`unknown page keys: ${unknown.join(", ")} (see tests/bench/targets.ts)`);

  const sql = postgres(dbUrl, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  const accounts = await findSynthAccounts(sql).finally(() => sql.end({ timeout: 5 }));

  const dirs = { base: baseCheckout(rev), head: process.cwd() };
  if (buildIsStale()) build();
  console.log(`Comparing ${rev} (${git("rev-parse", "--short", rev)}) with this checkout: ${rounds} round(s), ${duration} s per page.`);

  const samples: AbSample[] = [];
  for (const { round, side } of abOrder(rounds)) {
    const port = await freePort();
    const server = await startServer(port, { DATABASE_URL: dbUrl, AUTH_SECRET: randomBytes(32).toString("base64url") }, 1, dirs[side]);
    try {
      const cookies: Partial<Record<AccountKey, string>> = {};
      const cookieFor = async (k: AccountKey) => (cookies[k] ??= await signIn(server.url, accounts[k].email, SYNTH_PASSWORD));
      const pages = [TARGETS.find((t) => t.key === "login")!, ...targets];
      // Warm every page first (V8 optimizes the paths they share), then measure each.
      for (const t of pages) await load(server.url + t.paths(accounts)[0]!, t.as ? await cookieFor(t.as) : undefined, 20, 3);
      const line: string[] = [];
      for (const t of pages) {
        const url = server.url + t.paths(accounts)[0]!;
        const r = await loadWithCpu(url, t.as ? await cookieFor(t.as) : undefined, 20, duration, server.proc.pid!);
        if (r.non2xx || r.errors) throw new Error(`${t.key} on ${side}: ${r.non2xx} non-2xx answers, ${r.errors} errors`);
        samples.push({ side, round, page: t.key, app: r.appCpuMs ?? NaN, db: r.dbCpuMs ?? 0, rps: r.rps });
        line.push(`${t.key} ${r.appCpuMs}+${r.dbCpuMs}`);
      }
      console.log(`  round ${round} ${side.padEnd(4)} ${line.join(", ")}`);
    } finally {
      await server.stop();
    }
  }

  const rows = summarizeAb(samples);
  const pct = (x: number | null) => (x === null ? "—" : `${x > 0 ? "+" : ""}${Math.round(x * 100)}%`);
  console.log("\nCPU per request under load (app + PostgreSQL, ms; medians over rounds), and the app's CPU as a multiple of /login's:");
  console.log(`${"page".padEnd(12)} ${"base".padStart(14)} ${"head".padStart(14)} ${"change".padStart(7)}   ${"÷ login: base".padStart(13)} ${"head".padStart(6)} ${"change".padStart(7)}   rounds (base | head)`);
  for (const r of rows) {
    console.log(
      `${r.page.padEnd(12)} ${`${r.base.app} + ${r.base.db}`.padStart(14)} ${`${r.head.app} + ${r.head.db}`.padStart(14)} ${pct(r.cpuChange).padStart(7)}   ${String(r.base.perLogin ?? "—").padStart(13)} ${String(r.head.perLogin ?? "—").padStart(6)} ${pct(r.perLoginChange).padStart(7)}   ${r.rounds.base.join(" ")} | ${r.rounds.head.join(" ")}`,
    );
  }
  const out = path.resolve(arg("out", "tests/bench/results/ab.json"));
  writeFileSync(out, JSON.stringify({ ranAt: new Date().toISOString(), base: git("rev-parse", rev), head: git("rev-parse", "HEAD"), dirty: git("status", "--porcelain") !== "", rounds, duration, rows, samples }, null, 2) + "\n");
  console.log(`\nWrote ${path.relative(process.cwd(), out)}`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
