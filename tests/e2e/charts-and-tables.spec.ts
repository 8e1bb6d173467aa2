import { expect, test, type Locator, type Page } from "@playwright/test";
import { go, signedIn } from "./support/auth";
import { expectNoSidewaysScroll } from "./support/layout";
import { resetDemoData } from "./support/reset";

test.beforeAll(async () => {
  await resetDemoData();
});

const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 800 };

/** The height of each piece of text inside `el` as drawn (a text node's box), so a chart scaled down shows. */
function drawnTextHeights(el: Locator): Promise<{ text: string; height: number }[]> {
  return el.evaluate((root) => {
    const out: { text: string; height: number }[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.textContent?.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      const box = range.getBoundingClientRect();
      if (box.width) out.push({ text: n.textContent.trim(), height: box.height });
    }
    return out;
  });
}

test("/org on a phone: each team's numbers are named and on screen, and the chart's text stays at least 12 px", async ({ browser }) => {
  const ada = await signedIn(browser, "ada@acme.example", phone);
  const page = ada.page;
  await go(page, "/org");
  const teams = page.getByRole("region", { name: "Teams" });
  await expectNoSidewaysScroll(page, teams);
  // The radar table scrolls sideways in a region of its own that a keyboard can focus (and so scroll).
  const radar = page.getByRole("region", { name: /^Radar/ });
  await radar.focus();
  await expect(radar).toBeFocused();
  // Nothing scrolled out of sight inside the region either.
  expect(await teams.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  const table = teams.getByRole("table");
  const engineering = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Engineering" }) });
  for (const name of ["People", "Avg. in role", "Past 24 mo", "Rotation", "Stretch goal"]) {
    const cell = engineering.getByRole("cell").filter({ hasText: name });
    await expect(cell).toBeVisible();
    const box = (await cell.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(phone.width);
  }
  await expect(table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Whole organization" }) }).getByRole("cell").filter({ hasText: "People" })).toBeVisible();

  const chart = page.getByRole("img", { name: /Average time in role by team/ });
  await expect(chart).toBeVisible();
  const heights = await drawnTextHeights(chart);
  expect(heights.map((h) => h.text)).toEqual(expect.arrayContaining(["Engineering", "1 yr 10 mo"]));
  // A 12 px font draws a text box about 14 px tall; the viewBox chart drew ~8 px.
  for (const h of heights) expect(h.height, h.text).toBeGreaterThanOrEqual(13);
  await ada.close();
});

/** How many pixels of `clip` are close to `rgb` in a screenshot. */
async function pixelsNear(page: Page, clip: { x: number; y: number; width: number; height: number }, rgb: [number, number, number]): Promise<number> {
  const png = (await page.screenshot({ clip })).toString("base64");
  return page.evaluate(
    async ({ png, rgb }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${png}`;
      await img.decode();
      const canvas = document.createElement("canvas");
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext("2d")!;
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, img.width, img.height).data;
      let n = 0;
      for (let i = 0; i < data.length; i += 4) if (Math.hypot(data[i]! - rgb[0], data[i + 1]! - rgb[1], data[i + 2]! - rgb[2]) < 40) n++;
      return n;
    },
    { png, rgb },
  );
}

const LINE_COLOURS = { notice: [217, 119, 6], warning: [173, 50, 9] } as const; // amber-600, ember-700

for (const [who, url, name] of [
  ["maya@acme.example", "/team", /Time in current role/],
  ["ada@acme.example", "/org", /Average time in role by team/],
] as const) {
  test(`a threshold line does not run through a value on ${url}`, async ({ browser }) => {
    const person = await signedIn(browser, who, desktop);
    const page = person.page;
    await go(page, url);
    const chart = page.getByRole("img", { name });
    await chart.scrollIntoViewIfNeeded();
    const lines = await chart.locator("[data-threshold]").evaluateAll((els) =>
      els.map((el) => ({ kind: el.getAttribute("data-threshold") as "notice" | "warning", x: el.getBoundingClientRect().x + el.getBoundingClientRect().width / 2 })),
    );
    expect(lines.map((l) => l.kind).sort()).toEqual(["notice", "warning"]);
    let crossed = 0;
    for (const value of await chart.locator("[data-value]").all()) {
      const box = (await value.boundingBox())!;
      for (const line of lines) {
        if (line.x < box.x + 3 || line.x > box.x + box.width - 3) continue;
        crossed++;
        const clip = { x: box.x + 2, y: box.y + 1, width: box.width - 4, height: box.height - 2 };
        expect(await pixelsNear(page, clip, [...LINE_COLOURS[line.kind]]), `${line.kind} line through ${await value.textContent()}`).toBe(0);
      }
    }
    // The demo data has values the lines cross (e.g. "1 yr 10 mo" at the 24-month line on /team): the check did run.
    expect(crossed).toBeGreaterThan(0);
    await person.close();
  });
}
