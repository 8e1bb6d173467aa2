import { expect, type Browser, type Cookie, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "reignite-demo";

/**
 * Signs in through the real login form, as a person would. With `to`, the form is the one a protected link leads
 * to (`/login?next=…`), and sign-in lands there directly instead of on the person's home page first.
 */
export async function signIn(page: Page, email: string, password: string | { to: string } = DEMO_PASSWORD): Promise<void> {
  const to = typeof password === "string" ? undefined : password.to;
  await page.goto(to ? `/login?next=${encodeURIComponent(to)}` : "/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(typeof password === "string" ? password : DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  if (to) {
    const target = new URL(to, "http://x");
    await page.waitForURL((u) => u.pathname === target.pathname);
    return;
  }
  // Sign-in goes to "/", which sends each person on to their home (/team, /org or /me): wait for that page, so the
  // next step does not race the last redirect (it resets the organization menu, for one).
  await page.waitForURL((u) => !u.pathname.startsWith("/login") && u.pathname !== "/");
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await loadedAfresh(page);
}

/**
 * Waits until the sign-in page in `page` is a page load of its own: reached by the app's navigation it loads itself
 * again (StartAfresh), and a step taken before that (typing, a goto) would be cut off by that load.
 */
export async function loadedAfresh(page: Page): Promise<void> {
  await expect
    .poll(() =>
      page
        .evaluate(() => (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined)?.name === location.href && document.readyState === "complete")
        .catch(() => false),
    )
    .toBe(true);
}

/**
 * The session cookies of each person this worker has signed in through the form: a later
 * `signedIn` reuses them (a fresh context with no local storage, only the cookies) when the
 * server still accepts them, which saves a sign-in and a landing page per context. Signing in
 * itself is tested through the form, in auth.spec.ts and wherever `signIn` is called.
 */
const sessions = new Map<string, Cookie[]>();

/** A browser context of its own, signed in as `email` (several people at once in one test). */
export async function signedIn(browser: Browser, email: string, viewport?: { width: number; height: number }): Promise<{ page: Page; close: () => Promise<void> }> {
  const cookies = sessions.get(email);
  if (cookies) {
    const ctx = await browser.newContext(viewport ? { viewport } : {});
    await ctx.addCookies(cookies);
    // Still accepted (not revoked by a sign-out, password change, deactivation or data reset)?
    const check = await ctx.request.get("/api/v1/me/stuck-signals", { maxRedirects: 0 });
    if (check.ok()) return { page: await ctx.newPage(), close: () => ctx.close() };
    sessions.delete(email);
    await ctx.close();
  }
  const ctx = await browser.newContext(viewport ? { viewport } : {});
  const page = await ctx.newPage();
  await signIn(page, email);
  await page.waitForLoadState("load");
  sessions.set(email, await ctx.cookies());
  return { page, close: () => ctx.close() };
}

/** page.goto, once more if a late client-side navigation from the sign-in redirect aborted it. */
export async function go(page: Page, url: string): Promise<void> {
  try {
    await page.goto(url);
  } catch (e) {
    if (!String(e).includes("ERR_ABORTED")) throw e;
    await page.goto(url);
  }
}
