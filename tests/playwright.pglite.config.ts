import path from "node:path";
import { defineConfig } from "@playwright/test";
import { chromiumArgs } from "./playwright.config";
import { chromiumExecutable } from "./helpers/chromium";

/**
 * Smoke test of the embedded path: `next start` with no DATABASE_URL on an
 * empty data folder must create the database, load the demo data and let a
 * demo user sign in.
 */
const port = Number(process.env.SMOKE_PORT ?? 3900 + Math.floor(Math.random() * 90));
process.env.SMOKE_PORT = String(port);
const baseURL = `http://127.0.0.1:${port}`;
const dataDir = ".data/smoke";

export default defineConfig({
  outputDir: path.resolve(__dirname, "../test-results"),
  testDir: "smoke",
  workers: 1,
  timeout: 60_000,
  reporter: [["list"]],
  use: { baseURL, launchOptions: { executablePath: chromiumExecutable(), args: chromiumArgs } },
  webServer: {
    cwd: path.resolve(__dirname, ".."),
    command: `rm -rf ${dataDir} && env -u DATABASE_URL REIGNITE_DATA_DIR=${dataDir} npx next start -p ${port} -H 127.0.0.1`,
    url: `${baseURL}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: { AUTH_SECRET: "smoke-secret-smoke-secret-smoke-secret" },
  },
});
