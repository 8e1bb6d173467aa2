import { expect, type Locator, type Page } from "@playwright/test";

/** The page is no wider than the window, and `el` sits inside it. */
export async function expectNoSidewaysScroll(page: Page, el: Locator) {
  const width = page.viewportSize()!.width;
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  const box = (await el.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(width);
}
