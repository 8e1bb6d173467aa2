/**
 * Screenshots every main page for each role at 375 px and 1280 px, light and dark,
 * into $SHOTS_DIR (default /tmp/reignite-shots), and reports pages wider than the
 * viewport. For a look-and-feel review, not part of the test run:
 *
 *   npx tsx tests/screenshots/audit.ts [filter-regex]   # app with demo data on $BASE_URL (default :3000)
 *
 * Phone shots are cut into 1000 px tall pieces so they stay readable. It creates
 * one invitation (for the invitation page) and signs in many times.
 */
import { mkdirSync } from "node:fs";
import { chromium, type Page, type Browser } from "@playwright/test";
import { DEMO_PASSWORD } from "../e2e/support/auth";
import { chromiumExecutable } from "../helpers/chromium";

const base = process.env.BASE_URL ?? "http://127.0.0.1:3000";
const dir = process.env.SHOTS_DIR ?? "/tmp/reignite-shots";
const only = process.argv[2] ? new RegExp(process.argv[2]) : null;
const schemes = (process.env.SCHEMES ?? "light,dark").split(",") as ("light" | "dark")[];
const widths = (process.env.WIDTHS ?? "375,1280").split(",").map(Number);

async function signIn(page: Page, email: string) {
  await page.goto(base + "/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
}
async function shoot(browser: Browser, who: string | null, name: string, path: string | ((p: Page) => Promise<string>)) {
  const short = (who ?? "anon").split("@")[0];
  if (only && !only.test(`${short}-${name}`)) return;
  for (const w of widths) for (const s of schemes) {
    const ctx = await browser.newContext({ viewport: { width: w, height: 800 }, colorScheme: s });
    const page = await ctx.newPage();
    if (who) await signIn(page, who);
    const url = typeof path === "string" ? path : await path(page);
    await page.goto(base + url);
    await page.waitForLoadState("networkidle");
    const file = `${dir}/${short}-${name}-${w}-${s}.png`;
    const sw = await page.evaluate(() => document.documentElement.scrollWidth);
    if (sw > w) console.log(`OVERFLOW ${file}: scrollWidth ${sw}`);
    if (w > 500) await page.screenshot({ path: file, fullPage: true });
    else {
      const h = await page.evaluate(() => document.documentElement.scrollHeight);
      for (let i = 0, y = 0; y < h && i < 6; i++, y += 1000)
        await page.screenshot({ path: file.replace(".png", `-${i}.png`), fullPage: true, clip: { x: 0, y, width: w, height: Math.min(1000, h - y) } });
    }
    await ctx.close();
  }
}
async function href(page: Page, start: string, linkName: RegExp | string) {
  await page.goto(base + start);
  return (await page.getByRole("link", { name: linkName }).first().getAttribute("href"))!;
}
(async () => {
  mkdirSync(dir, { recursive: true });
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: ["--no-sandbox", "--disable-gpu"] });
  // discover ids
  const ctx = await browser.newContext(); const p = await ctx.newPage();
  await signIn(p, "maya@acme.example");
  const eli = await href(p, "/team", /Eli Employee/);
  await p.goto(base + eli + "/one-on-ones");
  const meeting = (await p.locator('main a[href^="/one-on-ones/"]').first().getAttribute("href"))!;
  await ctx.close();
  console.log("eli", eli, "meeting", meeting);
  const M = "maya@acme.example", E = "eli@acme.example", A = "ada@acme.example", D = "dana@acme.example";
  await shoot(browser, M, "team", "/team");
  await shoot(browser, D, "team-subtree", "/team?view=subtree");
  await shoot(browser, M, "people", "/people");
  await shoot(browser, M, "person", eli);
  await shoot(browser, M, "plan", eli + "/plan");
  await shoot(browser, M, "person-1on1s", eli + "/one-on-ones");
  await shoot(browser, M, "meeting", meeting);
  await shoot(browser, M, "signals", "/signals");
  await shoot(browser, E, "me", "/me");
  await shoot(browser, E, "me-1on1s", "/me/one-on-ones");
  await shoot(browser, E, "meeting", meeting);
  await shoot(browser, E, "print", "/me/print");
  await shoot(browser, E, "account", "/account");
  await shoot(browser, A, "org", "/org");
  await shoot(browser, A, "settings", "/settings");
  await shoot(browser, A, "admin-people", "/admin/people");
  await shoot(browser, A, "audit", "/admin/audit");
  await shoot(browser, A, "people", "/people");
  await shoot(browser, null, "login", "/login");
  await shoot(browser, M, "404", "/nope-not-here");
  await shoot(browser, null, "invite", async () => {
    const c = await browser.newContext(); const q = await c.newPage();
    await signIn(q, A); await q.goto(base + "/admin/people");
    await q.getByLabel("Email").fill(`new${Date.now()}@acme.example`); await q.getByLabel("Name", { exact: true }).fill("Noor New");
    await q.getByRole("button", { name: "Create invitation link" }).click();
    const link = await q.getByLabel("Invitation link").inputValue(); await c.close();
    return new URL(link).pathname;
  });
  await browser.close();
})();
