/**
 * Several instances: Reignite scales out by running stateless `next start`
 * processes against one PostgreSQL. Playwright's web server is instance A (one
 * `next start`); this spec starts instance B the way `npm start` does
 * (lib/server/cluster.mjs, here with two workers on one port; same build,
 * DATABASE_URL and AUTH_SECRET, another port) and shows that a session from A
 * is valid on B, that a change is seen by both on the very next request (no
 * per-process cache), that the sign-in rate limit counted on A holds on B (its
 * store is the database), and that B's workers stop with it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "./support/auth";
import { e2eDatabaseUrl, resetDemoData } from "./support/reset";
import { signIn as httpSignIn } from "../bench/session";
import { processTree } from "../bench/server";

// Must match the web server's env in playwright.config.ts.
const AUTH_SECRET = process.env.AUTH_SECRET ?? "e2e-secret-e2e-secret-e2e-secret-0123";
const A = `http://127.0.0.1:${process.env.E2E_PORT}`;
const portB = Number(process.env.E2E_PORT) + 1000;
const B = `http://127.0.0.1:${portB}`;
let instanceB: ChildProcess | undefined;
let log = "";

test.skip(!process.env.TEST_DATABASE_URL, "needs PostgreSQL: two instances cannot share an embedded database");

test.beforeAll(async () => {
  test.setTimeout(90_000);
  await resetDemoData();
  instanceB = spawn(process.execPath, ["lib/server/cluster.mjs", "-p", String(portB), "-H", "127.0.0.1"], {
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: e2eDatabaseUrl(), AUTH_SECRET, REIGNITE_DATA_DIR: ".data/e2e-b", WEB_CONCURRENCY: "2", DB_POOL_MAX: "4" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  instanceB.stdout?.on("data", (d) => (log += d));
  instanceB.stderr?.on("data", (d) => (log += d));
  await expect
    .poll(async () => (await fetch(`${B}/api/health`).catch(() => null))?.status ?? 0, { timeout: 60_000, message: `instance B did not start:\n${log}` })
    .toBe(200);
});

test.afterAll(async () => {
  if (instanceB && instanceB.exitCode === null) instanceB.kill("SIGKILL"); // only if the last test failed before stopping it
  await resetDemoData(); // clears the failed sign-ins this spec recorded
});

/** B's worker processes (Linux: from /proc; elsewhere the check is skipped). */
const workersOfB = () => processTree(instanceB!.pid!).slice(1);

const page = (base: string, path: string, cookie?: string) =>
  fetch(base + path, { redirect: "manual", headers: cookie ? { cookie } : {} });

/** One failed sign-in over HTTP: "rate_limited" on a 429, else the error code next-auth redirects with. */
async function failedSignIn(base: string, email: string): Promise<string | null> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ csrfToken, email, password: "wrong-password" }).toString(),
  });
  if (res.status === 429) return "rate_limited";
  return new URL(res.headers.get("location") ?? "/", base).searchParams.get("code");
}

test("two instances on one database act as one application", async () => {
  // B is `npm start`: one process handing connections to two `next start` workers.
  if (process.platform === "linux") expect(workersOfB()).toHaveLength(2);

  // A session signed in on A is recognized on B (same AUTH_SECRET), and the reverse.
  const mayaOnA = await httpSignIn(A, "maya@acme.example", DEMO_PASSWORD);
  const onB = await page(B, "/me", mayaOnA);
  expect(onB.status).toBe(200);
  // npm start keeps idle connections longer than a load balancer's 60 s, so it never closes one being sent on.
  expect(onB.headers.get("keep-alive")).toBe("timeout=65");
  expect(await onB.text()).toContain("Maya Manager");
  const eliOnB = await httpSignIn(B, "eli@acme.example", DEMO_PASSWORD);
  expect(await (await page(A, "/me", eliOnB)).text()).toContain("Eli Employee");
  expect((await page(B, "/me")).status).toBe(307); // no cookie: sent to /login

  // A change is seen by both instances on their very next request: no per-process data cache.
  const sql = postgres(e2eDatabaseUrl(), { max: 1, onnotice: () => {} });
  try {
    const renamed = `Maya ${randomBytes(3).toString("hex")}`;
    await sql`UPDATE users SET name = ${renamed} WHERE lower(email) = 'maya@acme.example'`;
    expect(await (await page(A, "/me", mayaOnA)).text()).toContain(renamed);
    expect(await (await page(B, "/me", mayaOnA)).text()).toContain(renamed);
  } finally {
    await sql.end({ timeout: 5 });
  }

  // Failed sign-ins counted through A lock the account on B: the rate-limit store is the database.
  const target = `nobody-${randomBytes(4).toString("hex")}@acme.example`;
  expect(await failedSignIn(B, target)).toBe("credentials");
  for (let i = 0; i < 9; i++) expect(await failedSignIn(A, target)).toBe("credentials");
  expect(await failedSignIn(B, target)).toBe("rate_limited");
});

test("npm start's workers stop with it on SIGTERM", async () => {
  test.skip(process.platform !== "linux", "reads the process tree from /proc");
  const workers = workersOfB();
  expect(workers).toHaveLength(2);
  const exited = new Promise<number | null>((resolve) => instanceB!.once("exit", (code) => resolve(code)));
  instanceB!.kill("SIGTERM");
  expect(await exited).toBe(0);
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  await expect.poll(() => workers.filter(alive).length, { timeout: 10_000 }).toBe(0);
  expect((await fetch(`${B}/api/health`).catch(() => null))?.status ?? 0).toBe(0);
});
