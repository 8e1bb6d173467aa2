import type { Page } from "@playwright/test";

const SCRIPTS = /\/_next\/static\/.*\.js(\?.*)?$/;

/**
 * Holds back the page's scripts, as a slow connection does, so a test can type before the page hydrates.
 * `release()` lets them load; the route stays until `done()`.
 */
export async function holdScripts(page: Page): Promise<{ release: () => void; done: () => Promise<void> }> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(SCRIPTS, async (route) => {
    await held;
    await route.continue();
  });
  return { release, done: () => page.unroute(SCRIPTS) };
}
