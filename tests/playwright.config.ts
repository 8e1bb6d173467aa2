import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { DB_PREFIX } from "./helpers/pg-admin";

/**
 * E2E against `next start` (production build) on a fresh PostgreSQL database
 * with the demo data. tests/e2e/prepare-db.ts creates it before the server starts.
 * The port is chosen once here and passed through the environment so workers agree.
 */
const port = Number(process.env.E2E_PORT ?? 3100 + Math.floor(Math.random() * 800));
process.env.E2E_PORT = String(port);
const baseURL = `http://127.0.0.1:${port}`;
const pgUrl = process.env.TEST_DATABASE_URL;
const e2eDb = process.env.E2E_DATABASE_NAME ?? `${DB_PREFIX}_e2e`;
process.env.E2E_DATABASE_NAME = e2eDb;

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
  fullyParallel: false,
  workers: 1, // one server, one database: specs reset the demo data they change
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
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: chromiumArgs,
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    cwd: path.resolve(__dirname, ".."),
    command: `npx tsx tests/e2e/prepare-db.ts && npx next start -p ${port} -H 127.0.0.1`,
    url: `${baseURL}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      ...(process.env as Record<string, string>),
      ...(pgUrl ? { DATABASE_URL: new URL(`/${e2eDb}`, pgUrl).toString() } : {}),
      REIGNITE_DATA_DIR: process.env.E2E_DATA_DIR ?? ".data/e2e",
      AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-secret-e2e-secret-e2e-secret-0123",
      E2E_DATABASE_NAME: e2eDb,
    },
  },
});
