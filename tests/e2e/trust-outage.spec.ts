import { expect, test } from "@playwright/test";
import { recreateDatabase, withDatabase } from "../helpers/pg-admin";
import { attemptSignIn, signInHttp } from "../helpers/http";
import { resetDemoData } from "./support/reset";
import { PrivatePostgres, startNext, stopNext, waitFor } from "./support/private-pg";

/**
 * Database outage, end to end, on a private PostgreSQL server (the shared one
 * is never stopped): the app answers 503 / a friendly page while the database
 * is down, grants nothing, writes nothing, and recovers by itself.
 */
const e2ePort = Number(process.env.E2E_PORT ?? 3400);
const pgPort = 20_000 + (e2ePort % 10_000);
const appPort = e2ePort + 50;

test("a database outage: 503s and a friendly page, no access granted, nothing half-written, recovery without a restart", async ({ browser }) => {
  test.setTimeout(90_000);
  const pg = new PrivatePostgres(pgPort).init();
  let next: Awaited<ReturnType<typeof startNext>> | undefined;
  try {
    pg.start();
    await recreateDatabase(pg.url, "reignite");
    const url = withDatabase(pg.url, "reignite");
    await resetDemoData(url, { migrate: true });
    next = await startNext(appPort, {
      DATABASE_URL: url,
      AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-secret-e2e-secret-e2e-secret-0123",
      REIGNITE_DATA_DIR: ".data/e2e-outage",
    });
    const base = next.baseURL;
    const ada = await signInHttp(base, "ada@acme.example");
    expect((await ada.fetch("/api/v1/audit")).status).toBe(200);
    expect((await ada.fetch("/me")).status).toBe(200);

    const t0 = Date.now();
    pg.stop("fast");

    // API: 503 with the JSON error shape and Retry-After; never 200, never a stack trace.
    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(503);
    const read = await ada.fetch("/api/v1/audit");
    expect(read.status).toBe(503);
    expect(read.headers.get("retry-after")).toBeTruthy();
    const body = await read.json();
    expect(body).toEqual({ error: { code: "unavailable", message: expect.stringMatching(/temporarily unavailable/) } });
    const write = await ada.fetch("/api/v1/account/password", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ currentPassword: "reignite-demo", newPassword: "copper kettle on the hill" }),
    });
    expect(write.status).toBe(503);
    expect(JSON.stringify(await write.json())).not.toMatch(/ECONNREFUSED|at \w+ \(/);

    // Sign-in: no session can be issued without the database.
    const login = await attemptSignIn(base, "maya@acme.example", "reignite-demo");
    expect(login.res.status).toBe(503);
    expect(login.client.sessionCookie()).toBeUndefined();

    // Pages: a friendly "temporarily unavailable", not the content and not an error dump.
    const ctx = await browser.newContext({ baseURL: base });
    await ctx.addCookies([...ada.jar].map(([name, value]) => ({ name, value, url: base })));
    const page = await ctx.newPage();
    const res = await page.goto("/me");
    expect(res!.status()).toBeGreaterThanOrEqual(500);
    await expect(page.getByRole("heading", { name: "Reignite is temporarily unavailable" })).toBeVisible();
    await expect(page.getByText("Ada Admin")).toHaveCount(0);
    // The login form (signed out) says so too, instead of "wrong password".
    const anon = await browser.newContext({ baseURL: base });
    const lp = await anon.newPage();
    await lp.goto("/login");
    await lp.getByLabel("Email").fill("maya@acme.example");
    await lp.getByLabel("Password").fill("reignite-demo");
    await lp.getByRole("button", { name: "Sign in" }).click();
    await expect(lp.getByRole("form", { name: "Sign in" }).getByRole("alert")).toContainText("temporarily unavailable");
    await anon.close();

    pg.start();

    // Recovery without restarting the app: the same session works again.
    await waitFor(async () => (await fetch(`${base}/api/health`)).status === 200, 20_000);
    expect((await ada.fetch("/api/v1/audit")).status).toBe(200);
    await page.goto("/me");
    await expect(page.getByTestId("viewer-name")).toHaveText("Ada Admin");
    // Nothing half-written: the password change refused during the outage did not happen.
    const old = await attemptSignIn(base, "ada@acme.example", "reignite-demo");
    expect(old.client.sessionCookie()).toBeTruthy();
    await ctx.close();
    console.log(`outage: down and back in ${Math.round((Date.now() - t0) / 100) / 10} s`);
  } finally {
    if (next) stopNext(next.proc);
    pg.destroy();
  }
});
