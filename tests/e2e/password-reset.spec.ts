/**
 * "Forgot your password?" by email. It needs SMTP_URL and APP_URL, which the e2e server has neither of (other
 * specs check what an admin sees without email), so this spec starts one more `next start` on the same build and
 * database with both, its SMTP server being a sink in this process.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { expect, test, type Browser } from "@playwright/test";
import { startSmtpSink } from "../mail/smtp-sink";
import { DEMO_PASSWORD } from "./support/auth";
import { e2eDatabaseUrl, resetDemoData } from "./support/reset";

// Must match the web server's env in playwright.config.ts.
const AUTH_SECRET = process.env.AUTH_SECRET ?? "e2e-secret-e2e-secret-e2e-secret-0123";
const port = Number(process.env.E2E_PORT) + 1001;
const C = `http://127.0.0.1:${port}`;
const PABLO = "pablo@acme.example";
let server: ChildProcess | undefined;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let log = "";

test.skip(!process.env.TEST_DATABASE_URL, "needs PostgreSQL: a second server cannot share an embedded database");

test.beforeAll(async () => {
  test.setTimeout(90_000);
  await resetDemoData(); // Pablo as the demo has him: active, with the demo password
  sink = await startSmtpSink();
  server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: e2eDatabaseUrl(),
      AUTH_SECRET,
      REIGNITE_DATA_DIR: ".data/e2e-c",
      DB_POOL_MAX: "4",
      SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
      SMTP_FROM: "Reignite <no-reply@acme.example>",
      APP_URL: C,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout?.on("data", (d) => (log += d));
  server.stderr?.on("data", (d) => (log += d));
  await expect
    .poll(async () => (await fetch(`${C}/api/health`).catch(() => null))?.status ?? 0, { timeout: 60_000, message: `the server with email did not start:\n${log}` })
    .toBe(200);
});

test.afterAll(async () => {
  server?.kill("SIGTERM");
  await sink?.close();
  await resetDemoData(); // Pablo's demo password back, for the specs that sign in as him
});

const decoded = (data: string) => data.replace(/=\r?\n/g, "").replace(/=3D/g, "=");

async function signInTo(browser: Browser, email: string, password: string) {
  const ctx = await browser.newContext({ baseURL: C });
  const page = await ctx.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  return { page, close: () => ctx.close() };
}

test("Pablo forgot his password: he asks for a link, sets a new one through it and is signed in; the link works once", async ({ browser }) => {
  // Signed in elsewhere with the old password: setting a new one ends that session.
  const elsewhere = await signInTo(browser, PABLO, DEMO_PASSWORD);
  await elsewhere.page.waitForURL(/\/me$/);

  const ctx = await browser.newContext({ baseURL: C, viewport: { width: 390, height: 844 } });
  const page = await ctx.newPage();
  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  const form = page.getByRole("form", { name: "Get a link to set a new password" });
  await form.getByLabel("Email").fill("pablo at acme");
  await form.getByRole("button", { name: "Email me a link" }).click();
  await expect(form.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(form).toContainText("Enter an email address, like name@example.com.");
  await expect(form.getByLabel("Email")).toBeFocused();
  await expect(form.getByLabel("Email")).toHaveValue("pablo at acme");

  // An address with no account gets the same answer, and no email.
  await form.getByLabel("Email").fill("nobody@acme.example");
  await form.getByRole("button", { name: "Email me a link" }).click();
  const nobodyAnswer = await page.getByRole("status").innerText();
  expect(nobodyAnswer).toContain("If nobody@acme.example has a Reignite account, a link to set a new password is on its way there.");

  await page.goto("/login/forgot");
  await form.getByLabel("Email").fill("Pablo@ACME.example");
  await form.getByRole("button", { name: "Email me a link" }).click();
  await expect(page.getByRole("status")).toContainText("If pablo@acme.example has a Reignite account, a link to set a new password is on its way there. It works once, for an hour.");
  await expect(page.getByRole("status")).toBeFocused(); // the form is gone: focus is on what happened, not the page's body
  expect((await page.getByRole("status").innerText()).replace("pablo@acme.example", "X")).toBe(nobodyAnswer.replace("nobody@acme.example", "X"));

  await expect.poll(() => sink.messages.filter((m) => m.to.includes(PABLO)).length, { message: log }).toBe(1);
  expect(sink.messages.flatMap((m) => m.to)).not.toContain("nobody@acme.example");
  const mail = decoded(sink.messages.find((m) => m.to.includes(PABLO))!.data);
  expect(mail).toMatch(/^Subject: Set a new password for Reignite$/m);
  const link = new RegExp(`${C.replace(/[.]/g, "\\.")}/reset/[A-Za-z0-9_-]+`).exec(mail)?.[0];
  expect(link, mail).toBeTruthy();

  // The link: a common password and a mistyped repeat are named at their fields.
  await page.goto(link!);
  await expect(page.getByRole("heading", { name: "Set a new password" })).toBeVisible();
  const reset = page.getByRole("form", { name: "Set a new password" });
  await expect(reset.getByLabel("Email")).toHaveValue(PABLO);
  await reset.getByLabel("New password", { exact: true }).fill("short");
  await reset.getByLabel("Repeat new password").fill("short");
  await reset.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(reset).toContainText("Use at least 8 characters.");
  await expect(reset.getByLabel("New password", { exact: true })).toBeFocused();
  await reset.getByLabel("New password", { exact: true }).fill("password123");
  await reset.getByLabel("Repeat new password").fill("password123");
  await reset.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(reset).toContainText(/common/i);
  await reset.getByLabel("New password", { exact: true }).fill("quiet harbour lantern");
  await reset.getByLabel("Repeat new password").fill("quiet harbour lanterns");
  await reset.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(reset).toContainText("The two passwords differ.");
  await reset.getByLabel("New password", { exact: true }).fill("quiet harbour lantern");
  await reset.getByLabel("Repeat new password").fill("quiet harbour lantern");
  await reset.getByRole("button", { name: "Set password and sign in" }).click();
  await page.waitForURL(/\/me$/);
  await expect(page.getByRole("heading", { name: /^Hi, Pablo/ })).toBeVisible();

  // Used: the link is no good any more, and the other session has ended.
  await page.goto(link!);
  await expect(page.getByRole("heading", { name: "Link not valid" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Ask for a new link" })).toHaveAttribute("href", "/login/forgot");
  await elsewhere.page.reload();
  await expect(elsewhere.page).toHaveURL(/\/login/);
  await elsewhere.close();
  await ctx.close();

  // The old password no longer signs in; the new one does.
  const old = await signInTo(browser, PABLO, DEMO_PASSWORD);
  await expect(old.page.getByRole("alert")).toBeVisible();
  await expect(old.page).toHaveURL(/\/login/);
  await old.close();
  const fresh = await signInTo(browser, PABLO, "quiet harbour lantern");
  await fresh.page.waitForURL(/\/me$/);
  await fresh.close();
});

test("without email set up, “Forgot your password?” says whom to ask; the operator's link sets a new password", async ({ page, baseURL }) => {
  // The e2e server: no SMTP_URL and no APP_URL.
  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await expect(page.getByText("This Reignite is not set up to send email, so it cannot send you a link itself.")).toBeVisible();
  await expect(page.getByRole("form")).toHaveCount(0);
  await page.getByRole("link", { name: "Back to sign in" }).click();
  await expect(page).toHaveURL(/\/login$/);

  // Whoever runs the server makes the link.
  const cli = (email: string) =>
    spawnSync("npx", ["tsx", "--conditions=react-server", "db/user-reset-link.ts", "--email", email], {
      env: { ...process.env, DATABASE_URL: e2eDatabaseUrl(), APP_URL: baseURL! },
      encoding: "utf8",
    });
  const unknown = cli("nobody@acme.example");
  expect(unknown.status).toBe(1);
  expect(unknown.stderr).toContain("No one signs in with nobody@acme.example.");
  const made = cli("PABLO@acme.example");
  expect(made.status, made.stderr).toBe(0);
  const link = /(https?:\/\/\S+\/reset\/[A-Za-z0-9_-]{40,})/.exec(made.stdout)?.[1];
  expect(link, made.stdout).toBeTruthy();
  await page.goto(new URL(link!).pathname);
  const reset = page.getByRole("form", { name: "Set a new password" });
  await reset.getByLabel("New password", { exact: true }).fill("amber kettle meadow");
  await reset.getByLabel("Repeat new password").fill("amber kettle meadow");
  await reset.getByRole("button", { name: "Set password and sign in" }).click();
  await page.waitForURL(/\/me$/);
  await expect(page.getByRole("heading", { name: /^Hi, Pablo/ })).toBeVisible();
});
