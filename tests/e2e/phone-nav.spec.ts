import { expect, test, type Page } from "@playwright/test";
import { go, signedIn } from "./support/auth";

/** Each main-navigation link's top and its left/right edges within the strip's visible box. */
async function navLayout(page: Page) {
  return page.getByRole("navigation", { name: "Main" }).getByRole("list").evaluate((ul) => {
    const strip = ul.getBoundingClientRect();
    const fadeBefore = ul.hasAttribute("data-more-before") ? 40 : 0;
    const fadeAfter = ul.hasAttribute("data-more-after") ? 40 : 0;
    return {
      links: [...ul.querySelectorAll("a")].map((a) => {
        const r = a.getBoundingClientRect();
        return {
          name: a.textContent,
          top: Math.round(r.top),
          shown: r.left >= strip.left - 1 && r.right <= strip.right + 1,
          // Not under the 2.5rem fade at a cut-off edge either, where a focus ring is barely seen.
          clear: r.left >= strip.left + fadeBefore - 1 && r.right <= strip.right - fadeAfter + 1,
        };
      }),
      scrolls: ul.scrollWidth > ul.clientWidth,
      fade: { before: ul.hasAttribute("data-more-before"), after: ul.hasAttribute("data-more-after") },
    };
  });
}

// Wrapped, the navigation of a manager or an admin left a link alone on a second row on a phone.
test("on a phone the navigation is one row that scrolls sideways, fades where more links are and shows the current page", async ({ browser }) => {
  const ada = await signedIn(browser, "ada@acme.example", { width: 375, height: 800 });
  try {
    await go(ada.page, "/org");
    let nav = await navLayout(ada.page);
    expect(nav.links.map((l) => l.name)).toEqual(["My growth", "My 1:1s", "People", "Signals", "Org insights", "Settings", "Audit log"]);
    expect(new Set(nav.links.map((l) => l.top)).size, "one row").toBe(1);
    expect(nav.scrolls).toBe(true);
    expect(nav.links.find((l) => l.name === "Org insights")!.shown).toBe(true);
    expect(nav.links.at(-1)!.shown).toBe(false);
    expect(nav.fade.after).toBe(true);
    expect(await ada.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    // The last link, reached by a client navigation: the strip scrolls it into view, and now fades at its start.
    await ada.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
    await expect(ada.page).toHaveURL(/\/admin\/audit/);
    await expect.poll(async () => (await navLayout(ada.page)).fade).toEqual({ before: true, after: false });
    nav = await navLayout(ada.page);
    expect(nav.links.find((l) => l.name === "Audit log")!.shown).toBe(true);
    expect(nav.links[0]!.shown).toBe(false);

    // By keyboard: a link tabbed to is scrolled into view.
    await ada.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My growth" }).focus();
    await expect.poll(async () => (await navLayout(ada.page)).links[0]!.shown).toBe(true);
  } finally {
    await ada.close();
  }

  // A link half under the fade, tabbed to, comes clear of it: the browser scrolled only links wholly out of view.
  const mayaPhone = await signedIn(browser, "maya@acme.example", { width: 375, height: 800 });
  try {
    await go(mayaPhone.page, "/me");
    const before = (await navLayout(mayaPhone.page)).links.find((l) => l.name === "Signals")!;
    expect(before.clear).toBe(false);
    await mayaPhone.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Signals" }).focus();
    await expect.poll(async () => (await navLayout(mayaPhone.page)).links.find((l) => l.name === "Signals")!.clear).toBe(true);
  } finally {
    await mayaPhone.close();
  }

  // On a laptop nothing scrolls and nothing fades.
  const maya = await signedIn(browser, "maya@acme.example", { width: 1280, height: 800 });
  try {
    await go(maya.page, "/team");
    const nav = await navLayout(maya.page);
    expect(nav.scrolls).toBe(false);
    expect(nav.fade).toEqual({ before: false, after: false });
    expect(nav.links.every((l) => l.shown)).toBe(true);
    // The header's Account link is marked as the current page on /account, as the main navigation's links are.
    await expect(maya.page.getByRole("link", { name: "Account" })).not.toHaveAttribute("aria-current");
    await maya.page.getByRole("link", { name: "Account" }).click();
    await expect(maya.page).toHaveURL(/\/account$/);
    await expect(maya.page.getByRole("link", { name: "Account" })).toHaveAttribute("aria-current", "page");
  } finally {
    await maya.close();
  }
});
