/**
 * Regenerates the README screenshots in .github/screenshots/ from a running app
 * with the demo data:
 *
 *   npm run dev                                   # or `next start` on a seeded database
 *   npx tsx tests/screenshots/capture.ts [baseURL] # default http://127.0.0.1:3000
 *
 * Each image is the top of the page (what a person sees first) at a fixed
 * viewport, so files stay small and diffs stay readable.
 */
import path from "node:path";
import { chromium, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../e2e/support/auth";
import { chromiumExecutable } from "../helpers/chromium";

const base = process.argv[2] ?? process.env.SCREENSHOT_BASE_URL ?? "http://127.0.0.1:3000";
const outDir = path.resolve(__dirname, "../../.github/screenshots");

type Shot = {
  file: string;
  as: string;
  /** A path, or a function that finds it (ids differ per seed). */
  url: string | ((page: Page) => Promise<string>);
  width?: number;
  height?: number;
  scheme?: "light" | "dark";
};

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
}

async function linkInto(page: Page, from: string, prefix: string): Promise<string> {
  await page.goto(`${base}${from}`);
  const href = await page.locator(`main a[href^="${prefix}"]`).first().getAttribute("href");
  if (!href) throw new Error(`No link into ${prefix} on ${from}`);
  return href;
}

const eliPage = (page: Page) => linkInto(page, "/team", "/people/");

const shots: Shot[] = [
  { file: "team.png", as: "maya@acme.example", url: "/team", height: 900 },
  { file: "person.png", as: "maya@acme.example", url: eliPage, height: 860 },
  {
    file: "one-on-one.png",
    as: "maya@acme.example",
    url: async (page) => linkInto(page, `${await eliPage(page)}/one-on-ones`, "/one-on-ones/"),
    height: 900,
  },
  { file: "me.png", as: "eli@acme.example", url: "/me", height: 860 },
  { file: "org.png", as: "ada@acme.example", url: "/org", height: 760, scheme: "dark" },
  { file: "phone-team.png", as: "maya@acme.example", url: "/team", width: 375, height: 760 },
  { file: "subtree.png", as: "dana@acme.example", url: "/team?view=subtree", height: 820 },
];

async function capture(browser: Browser, shot: Shot): Promise<void> {
  const context = await browser.newContext({
    viewport: { width: shot.width ?? 1280, height: shot.height ?? 860 },
    colorScheme: shot.scheme ?? "light",
  });
  const page = await context.newPage();
  try {
    await signIn(page, shot.as);
    const url = typeof shot.url === "string" ? shot.url : await shot.url(page);
    await page.goto(`${base}${url}`);
    await page.waitForLoadState("networkidle");
    await page.screenshot({ path: path.join(outDir, shot.file), animations: "disabled" });
    console.log(`${shot.file}  ${url}`);
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  const browser = await chromium.launch({
    executablePath: chromiumExecutable(),
    args: ["--no-sandbox", "--disable-gpu"],
  });
  try {
    for (const shot of shots) await capture(browser, shot);
  } finally {
    await browser.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
