#!/usr/bin/env node
/**
 * `npm start`: one `next start` per CPU core, all on one port.
 *
 * A Node.js process renders on one core. On a machine with several, Node's
 * cluster module forks one worker per core (WEB_CONCURRENCY overrides the
 * count); each worker is an ordinary `next start` whose listening socket the
 * primary shares, handing each new connection to the next worker in turn. The
 * workers are the same stateless instances README "Several instances"
 * describes (sessions in signed cookies, rate limits in the database, no
 * per-process data cache), so they need nothing from each other. Each keeps
 * its own database pool: DB_POOL_MAX applies per worker.
 *
 * Arguments are passed to `next start` (`-p 4000`, `-H 0.0.0.0`, …), with a keep-alive timeout of 65 s
 * unless one is given. With
 * WEB_CONCURRENCY=1, on one core, or on the embedded database (no
 * DATABASE_URL: PGlite belongs to one process) it is one `next start`, no cluster. A worker
 * that dies is replaced (at most once a second); SIGTERM or SIGINT stops the
 * workers, which finish their requests first (Next.js handles the signal),
 * then the primary. Plain JavaScript: production runs it without a compiler.
 */
import cluster from "node:cluster";
import { createRequire } from "node:module";
import { workerCount } from "./worker-count.mjs";

const require = createRequire(import.meta.url);
const nextBin = require.resolve("next/dist/bin/next");
// Idle keep-alive connections stay open longer than those of a load balancer (AWS ALB: 60 s) or a keep-alive
// client: with Node's 5 s, the server could close a connection just as the other end sent a request on it, which
// fails as a "socket hang up" or a 502. `--keepAliveTimeout` given here wins.
const KEEP_ALIVE_MS = "65000";
const given = process.argv.slice(2);
const args = given.some((a) => a === "--keepAliveTimeout" || a.startsWith("--keepAliveTimeout=")) ? given : [...given, "--keepAliveTimeout", KEEP_ALIVE_MS];

// DATABASE_URL may be in .env files, which Next.js reads in each worker: read
// them here too (with Next's own loader) so the count below sees it.
if (cluster.isPrimary) createRequire(require.resolve("next/package.json"))("@next/env").loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });

function runNextStart() {
  // The CLI reads process.argv: make it look like `next start <args>`.
  process.argv = [process.argv[0], nextBin, "start", ...args];
  require(nextBin);
}

const count = workerCount();

if (count === 1 || !cluster.isPrimary) {
  runNextStart();
} else {
  let stopping = false;
  let lastFork = 0;
  const fork = () => {
    lastFork = Date.now();
    cluster.fork();
  };
  console.log(`Reignite: starting ${count} workers (one per core; WEB_CONCURRENCY to change)`);
  for (let i = 0; i < count; i++) fork();

  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    console.error(`Reignite: worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
    // A worker that fails at start-up would otherwise be restarted in a tight loop.
    setTimeout(fork, Math.max(0, 1000 - (Date.now() - lastFork)));
  });

  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {});
    if (workers.length === 0) process.exit(0);
    for (const w of workers) w?.process.kill(signal);
    // Next.js closes its server on the signal; do not wait for ever on a stuck worker.
    setTimeout(() => process.exit(1), 15_000).unref();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}
