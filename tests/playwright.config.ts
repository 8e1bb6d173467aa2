import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { DB_PREFIX } from "./helpers/pg-admin";
import { chromiumExecutable } from "./helpers/chromium";

/**
 * E2E against `next start` (production build) on fresh PostgreSQL databases with the demo data.
 *
 * Several workers, each with a server and a database of its own: a spec resets and changes the demo data as it
 * likes, and nobody else sees it. On two cores one worker left a quarter of the CPU idle (the browser waits on the
 * server, the server on the browser), but the browser alone used most of it: more workers pay off on more cores.
 *
 * This file is read again in every worker process, where Playwright sets TEST_PARALLEL_INDEX (0, 1, …, stable
 * for a slot across worker restarts): a worker takes the server and database of its slot. The base port is chosen
 * once, in the main process, and passed through the environment so the workers agree.
 * tests/e2e/prepare-db.ts creates each database before its server starts.
 */
// About one and a half cores per worker (Chromium, the server, the runner): two cores stay at one worker, since
// a second one there only made each test twice as slow (measured: 9.1 min either way, session 21).
const workers = Math.min(8, Math.max(1, Number(process.env.E2E_WORKERS ?? Math.floor(os.availableParallelism() / 2))));
// 9100–9699: specs start helper servers at +50, +1000 and +1001 and a PostgreSQL at 20000 + (port mod 10000); from
// 3100 those offsets could land on a service of this machine (NATS on 4222, epmd on 4369).
const basePort = Number(process.env.E2E_BASE_PORT ?? process.env.E2E_PORT ?? 9100 + Math.floor(Math.random() * 600));
process.env.E2E_BASE_PORT = String(basePort);
const baseDb = process.env.E2E_BASE_DATABASE_NAME ?? process.env.E2E_DATABASE_NAME ?? `${DB_PREFIX}_e2e`;
process.env.E2E_BASE_DATABASE_NAME = baseDb;
const baseDataDir = process.env.E2E_BASE_DATA_DIR ?? process.env.E2E_DATA_DIR ?? ".data/e2e";
process.env.E2E_BASE_DATA_DIR = baseDataDir;
const pgUrl = process.env.TEST_DATABASE_URL;

/** Slot i: its own port (100 apart: specs start helper servers at fixed offsets from it), database and data folder. */
function slot(i: number) {
  return { port: basePort + 100 * i, db: i ? `${baseDb}_${i}` : baseDb, dataDir: i ? `${baseDataDir}-${i}` : baseDataDir };
}

const mine = slot(Number(process.env.TEST_PARALLEL_INDEX ?? 0));
// What specs and their helpers read (support/reset.ts, the specs that start servers of their own).
process.env.E2E_PORT = String(mine.port);
process.env.E2E_DATABASE_NAME = mine.db;
const baseURL = `http://127.0.0.1:${mine.port}`;

export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export default defineConfig({
  outputDir: path.resolve(__dirname, "../test-results"),
  testDir: "e2e",
  fullyParallel: false, // a spec file runs in one worker, in order: its tests build on each other's data
  workers,
  retries: 1, // only to record the trace of a failure (see `trace`)
  failOnFlakyTests: true, // a test that passes on its retry is flaky, and fails the run
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL,
    // Recording a trace of every test (retain-on-failure) cost a fifth of the run on two cores: the browser encodes
    // a screencast and DOM snapshots throughout. A failing test is run once more, recorded; it still fails the run.
    trace: "on-first-retry",
    launchOptions: {
      executablePath: chromiumExecutable(),
      args: chromiumArgs,
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: Array.from({ length: workers }, (_, i) => {
    const { port, db, dataDir } = slot(i);
    const url = `http://127.0.0.1:${port}`;
    return {
      cwd: path.resolve(__dirname, ".."),
      // npm start's keep-alive timeout (lib/server/cluster.mjs): with Node's 5 s, a request sent on a connection the
      // server was closing just then failed as a "socket hang up" (Playwright's request client keeps connections).
      command: `npx tsx tests/e2e/prepare-db.ts && npx next start -p ${port} -H 127.0.0.1 --keepAliveTimeout 65000`,
      url: `${url}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: "pipe" as const,
      stderr: "pipe" as const,
      env: {
        ...(process.env as Record<string, string>),
        ...(pgUrl ? { DATABASE_URL: new URL(`/${db}`, pgUrl).toString() } : {}),
        REIGNITE_DATA_DIR: dataDir,
        AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-secret-e2e-secret-e2e-secret-0123",
        E2E_DATABASE_NAME: db,
        E2E_PORT: String(port),
      },
    };
  }),
});
