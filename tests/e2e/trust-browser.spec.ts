import { expect, test, type Page } from "@playwright/test";
import { signIn, DEMO_PASSWORD, loadedAfresh } from "./support/auth";
import { resetDemoData } from "./support/reset";
import { nextMeetingOf, personIdOf, withE2eSql } from "./support/db";
import { attemptSignIn, signInHttp } from "../helpers/http";

test.beforeAll(async () => {
  await resetDemoData();
});

/** Collects CSP violations and console errors of a page. */
function watchPage(page: Page) {
  const problems: string[] = [];
  page.on("console", (m) => {
    // A 404 answer is logged as a failed resource; the 404 page and prefetches of pages built elsewhere cause them.
    if (m.type() === "error" && !/status of 404/.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  return problems;
}

async function markWindow(page: Page) {
  await page.evaluate(() => ((window as unknown as { __noReload: number }).__noReload = 1));
}
async function expectNoFullReload(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __noReload?: number }).__noReload)).toBe(1);
}

const attempts = (email: string) =>
  withE2eSql(async (sql) => (await sql`select count(*)::int as n from login_attempts where key = ${`email:${email}`}`)[0]!.n as number);

test("pages hydrate under the nonce CSP with no violation, the 404 page included", async ({ page }) => {
  const problems = watchPage(page);
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  await signIn(page, "eli@acme.example");
  await expect(page).toHaveURL(/\/me$/);
  await page.goto("/me");
  await markWindow(page);
  // A client-side navigation only works once React has hydrated.
  await page.getByRole("link", { name: "Account" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { name: "Account" })).toBeVisible();
  await expectNoFullReload(page);

  const res = await page.goto("/no-such-page");
  expect(res!.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "We couldn't find that page" })).toBeVisible();
  await markWindow(page);
  await page.getByRole("link", { name: "Go to your home page" }).click();
  await expect(page).toHaveURL(/\/me$/);
  await expectNoFullReload(page);
  expect(problems).toEqual([]);
});

test("the login form says clearly when sign-in is paused after too many failures", async ({ page, baseURL }) => {
  for (let i = 0; i < 10; i++) await attemptSignIn(baseURL!, "hiro@acme.example", `wrong-${i}`);
  await page.goto("/login");
  await page.getByLabel("Email").fill("hiro@acme.example");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("form", { name: "Sign in" }).getByRole("alert")).toContainText(
    /Too many failed sign-in attempts.*try again in 1[45] minutes/,
  );
  await expect(page).toHaveURL(/\/login/);
});

test("changing the password signs out every other session and keeps this browser signed in", async ({ browser, baseURL }) => {
  const a = await browser.newContext();
  const b = await browser.newContext();
  const pa = await a.newPage();
  const pb = await b.newPage();
  await signIn(pa, "fatima@acme.example");
  await signIn(pb, "fatima@acme.example");

  await pa.goto("/account");
  const form = pa.getByRole("form", { name: "Change password" });
  await form.getByLabel("Current password").fill("not my password");
  await form.getByLabel("New password").fill("copper kettle on the hill");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText("That is not your current password.")).toBeVisible();

  await form.getByLabel("Current password").fill(DEMO_PASSWORD);
  await form.getByLabel("New password").fill("Sunshine1");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText(/too common/)).toBeVisible();

  await form.getByLabel("Current password").fill(DEMO_PASSWORD);
  await form.getByLabel("New password").fill("copper kettle on the hill");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(pa).toHaveURL(/\/account\?changed=1$/);
  await expect(pa.getByRole("main").getByRole("status")).toContainText("Your password was changed");
  await pa.goto("/me");
  await expect(pa.getByTestId("viewer-name")).toHaveText("Fatima Haddad");

  // The other browser is signed out on its next request.
  await pb.goto("/me");
  await expect(pb).toHaveURL(/\/login/);
  // Old password no longer works, the new one does.
  const old = await attemptSignIn(baseURL!, "fatima@acme.example", DEMO_PASSWORD);
  expect(old.client.sessionCookie()).toBeUndefined();
  await signInHttp(baseURL!, "fatima@acme.example", "copper kettle on the hill");
  await a.close();
  await b.close();
});

test("signing out in the browser kills copies of the session token too", async ({ page, browser }) => {
  await signIn(page, "gus@acme.example");
  const copied = await page.context().cookies();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  const other = await browser.newContext();
  await other.addCookies(copied);
  const p = await other.newPage();
  await p.goto("/me");
  await expect(p).toHaveURL(/\/login/);
  await other.close();
});

test("after Sign out, nothing of the pages seen before stays in the tab for whoever signs in next", async ({ page }) => {
  // Sign out and the sign-in after it were the app's own navigation: the 1:1 page's payload, Maya's private note in
  // it, stayed in the tab's scripts, and Eli signing in next on that tab could read it.
  const meetingId = await nextMeetingOf(await personIdOf("eli@acme.example"));
  const marker = `PRIVATE-${Date.now()}`;
  await signIn(page, "maya@acme.example", { to: `/one-on-ones/${meetingId}` });
  await page.getByLabel("Private note (only you can see this)", { exact: true }).fill(`Worried about Eli. ${marker}`);
  await expect(page.getByTestId("private-note-status")).toHaveText("Saved");
  await page.reload();
  const heldByTab = () => page.evaluate((m) => document.documentElement.outerHTML.includes(m) || JSON.stringify((self as unknown as { __next_f?: unknown[] }).__next_f ?? []).includes(m), marker);
  expect(await heldByTab()).toBe(true); // the check can see it where it is
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("status").filter({ hasText: "You have signed out." })).toBeVisible();
  await loadedAfresh(page);
  expect(await heldByTab()).toBe(false);
  await page.getByLabel("Email").fill("eli@acme.example");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => u.pathname === "/me");
  expect(await heldByTab()).toBe(false);
});

test("a server action posted with a foreign Origin is refused by Next's origin check", async ({ page, baseURL }) => {
  await signIn(page, "ines@acme.example", { to: "/account" });
  const form = page.getByRole("form", { name: "Change password" });
  await form.getByLabel("Current password").fill("a wrong guess");
  await form.getByLabel("New password").fill("copper kettle on the hill");
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]),
    form.getByRole("button", { name: "Change password" }).click(),
  ]);
  await expect(form.getByText("That is not your current password.")).toBeVisible();
  const before = await attempts("ines@acme.example");
  expect(before).toBe(1);

  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const replay = (origin: string) =>
    fetch(`${baseURL}/account`, {
      method: "POST",
      headers: {
        cookie,
        origin,
        "next-action": request.headers()["next-action"]!,
        "content-type": request.headers()["content-type"]!,
        accept: "text/x-component",
      },
      body: new Uint8Array(request.postDataBuffer()!),
      redirect: "manual",
    });
  const foreign = await replay("https://evil.example");
  expect(foreign.status).toBeGreaterThanOrEqual(400);
  expect(await attempts("ines@acme.example")).toBe(before); // the action did not run
  // The same replay from our own origin does run it: the refusal above was the origin check.
  const own = await replay(baseURL!);
  expect(own.status).toBe(200);
  expect(await attempts("ines@acme.example")).toBe(before + 1);
});

test("admins read and filter the audit log; anyone else gets a 404", async ({ page, browser, baseURL }) => {
  await attemptSignIn(baseURL!, "leo@acme.example", "not-leos-password");
  await signIn(page, "ada@acme.example");
  await expect(page).toHaveURL(/\/org$/);
  await page.goto("/admin/audit");
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  const table = page.getByRole("table", { name: "Audit events, newest first" });
  await expect(table.getByRole("row").nth(1)).toContainText("Signed in");
  await page.getByLabel("Action").selectOption({ label: "Failed sign-in" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/action=auth\.sign_in_failed/);
  const rows = table.getByRole("row");
  await expect(rows.nth(1)).toContainText("Leo Fischer");
  const texts = await rows.allInnerTexts();
  expect(texts.length).toBeGreaterThan(1);
  for (const text of texts.slice(1)) expect(text).toContain("Failed sign-in");
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: "/tmp/trust-audit-1280.png", fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: "/tmp/trust-audit-375.png", fullPage: true });
  await page.goto("/account");
  await page.screenshot({ path: "/tmp/trust-account-375.png", fullPage: true });

  // The last day the To field offers filters like any other (it was a 500).
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/admin/audit");
  await page.getByLabel("To").fill("9999-12-31");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/to=9999-12-31/);
  await expect(table.getByRole("row").nth(1)).toContainText("Signed in");
  // An action never recorded here stays the filter in force, in the menu too, and the empty list says why.
  await page.goto("/admin/audit?action=person.deactivated");
  await expect(page.getByLabel("Action").locator("option:checked")).toHaveText("person.deactivated");
  await expect(page.getByText("Nothing has been recorded as “person.deactivated” in Acme")).toBeVisible();

  const other = await browser.newContext();
  const p = await other.newPage();
  await signIn(p, "maya@acme.example");
  await expect(p).toHaveURL(/\/team$/);
  const res = await p.goto("/admin/audit");
  expect(res!.status()).toBe(404);
  await expect(p.getByRole("heading", { name: "We couldn't find that page" })).toBeVisible();
  await expect(p.getByText("Leo Fischer")).toHaveCount(0);
  await other.close();
});
