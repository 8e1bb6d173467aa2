import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/auth";

/**
 * axe-core (WCAG 2 A and AA rules) on the main pages of each role, in the light
 * and the dark colour scheme: no serious or critical violation. Read-only, so
 * it needs no reset. One test per role keeps the sign-ins (and the time) down.
 */

type Finding = { url: string; scheme: string; rule: string; impact: string; help: string; targets: string[] };

async function audit(page: Page, url: string, findings: Finding[]): Promise<void> {
  await page.goto(url);
  await page.waitForLoadState("networkidle");
  await expect(page.locator("h1").first()).toBeVisible();
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
    for (const v of result.violations) {
      if (v.impact !== "serious" && v.impact !== "critical") continue;
      findings.push({
        url,
        scheme,
        rule: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
      });
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
}

function report(findings: Finding[]): string {
  return findings.map((f) => `${f.url} [${f.scheme}] ${f.impact} ${f.rule}: ${f.help}\n    ${f.targets.join("\n    ")}`).join("\n");
}

/** The first link on `from` that points into `prefix` (ids differ per seed). */
async function firstLinkInto(page: Page, from: string, prefix: string): Promise<string> {
  await page.goto(from);
  const href = await page.locator(`main a[href^="${prefix}"]`).first().getAttribute("href");
  expect(href, `a link into ${prefix} on ${from}`).toBeTruthy();
  return href!;
}

test("sign-in page has no serious accessibility violations", async ({ page }) => {
  const findings: Finding[] = [];
  await audit(page, "/login", findings);
  expect(findings, report(findings)).toEqual([]);
});

test("a manager's pages (Maya) have no serious accessibility violations", async ({ page }) => {
  await signIn(page, "maya@acme.example");
  const eli = await firstLinkInto(page, "/team", "/people/");
  const meeting = await firstLinkInto(page, `${eli}/one-on-ones`, "/one-on-ones/");
  const findings: Finding[] = [];
  for (const url of ["/team", "/people", eli, `${eli}/plan`, `${eli}/one-on-ones`, meeting, "/signals"]) await audit(page, url, findings);
  expect(findings, report(findings)).toEqual([]);
});

test("an employee's pages (Eli) have no serious accessibility violations", async ({ page }) => {
  await signIn(page, "eli@acme.example");
  const meeting = await firstLinkInto(page, "/me/one-on-ones", "/one-on-ones/");
  const findings: Finding[] = [];
  for (const url of ["/me", "/me/one-on-ones", meeting, "/account"]) await audit(page, url, findings);
  expect(findings, report(findings)).toEqual([]);
});

test("an admin's pages (Ada) have no serious accessibility violations", async ({ page }) => {
  await signIn(page, "ada@acme.example");
  const findings: Finding[] = [];
  for (const url of ["/org", "/settings", "/admin/people", "/admin/audit", "/people", "/not-a-page"]) await audit(page, url, findings);
  expect(findings, report(findings)).toEqual([]);
});
