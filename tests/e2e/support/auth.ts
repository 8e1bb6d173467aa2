import { expect, type Browser, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "reignite-demo";

/** Signs in through the real login form, as a person would. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
}

/** A browser context of its own, signed in as `email` (several people at once in one test). */
export async function signedIn(browser: Browser, email: string, viewport?: { width: number; height: number }): Promise<{ page: Page; close: () => Promise<void> }> {
  const ctx = await browser.newContext(viewport ? { viewport } : {});
  const page = await ctx.newPage();
  await signIn(page, email);
  await page.waitForLoadState("load");
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
