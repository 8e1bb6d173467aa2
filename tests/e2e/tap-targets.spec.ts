import { expect, test, type Locator } from "@playwright/test";
import { go, signedIn, signIn } from "./support/auth";
import { nextMeetingOf, personIdOf } from "./support/db";
import { resetDemoData } from "./support/reset";

let meetingId: string;

test.beforeAll(async () => {
  await resetDemoData();
  meetingId = await nextMeetingOf(await personIdOf("eli@acme.example"));
});

const phone = { width: 390, height: 844 };

async function box(el: Locator) {
  const b = await el.boundingBox();
  expect(b).not.toBeNull();
  return b!;
}

/** The control `el` is what a tap at the middle of each edge of its box reaches (no neighbour lies over its target). */
async function expectTappableEdges(el: Locator) {
  await el.scrollIntoViewIfNeeded(); // elementFromPoint sees only the viewport
  const b = await box(el);
  const hits = await el.evaluate((node, b) => {
    const at = (x: number, y: number) => {
      const hit = document.elementFromPoint(x, y);
      return !!hit && (hit === node || node.contains(hit) || (node instanceof HTMLInputElement && [...(node.labels ?? [])].some((l) => l.contains(hit))));
    };
    const cx = b.x + b.width / 2;
    const cy = b.y + b.height / 2;
    return [at(b.x + 2, cy), at(b.x + b.width - 2, cy), at(cx, b.y + 2), at(cx, b.y + b.height - 2)];
  }, b);
  expect(hits).toEqual([true, true, true, true]);
}

test("on a phone the 1:1's tick boxes and energy answers are 44 px targets, their boxes 24 px to see", async ({ browser }) => {
  const maya = await signedIn(browser, "maya@acme.example", phone);
  const page = maya.page;
  await go(page, `/one-on-ones/${meetingId}`);
  const ticks = page.getByRole("checkbox", { name: /^(Tick off|Mark done): / });
  expect(await ticks.count()).toBeGreaterThanOrEqual(2);
  await expect(page.getByRole("checkbox", { name: /^Tick off: / }).first()).toBeVisible();
  await expect(page.getByRole("checkbox", { name: /^Mark done: / }).first()).toBeVisible();
  for (const tick of await ticks.all()) {
    const b = await box(tick);
    expect(b.width).toBeGreaterThanOrEqual(44);
    expect(b.height).toBeGreaterThanOrEqual(44);
    const drawn = await box(tick.locator("span"));
    expect(drawn.width).toBeGreaterThanOrEqual(24);
    expect(drawn.height).toBeGreaterThanOrEqual(24);
    await expectTappableEdges(tick);
  }
  // Energy: the whole label answers, 44 px each way.
  const energy = page.getByRole("group", { name: /^Energy/ }).getByRole("radio");
  await expect(energy).toHaveCount(5);
  for (const radio of await energy.all()) {
    const label = radio.locator("xpath=ancestor::label[1]");
    const b = await box(label);
    expect(b.width).toBeGreaterThanOrEqual(44);
    expect(b.height).toBeGreaterThanOrEqual(44);
    expect((await box(radio)).width).toBeGreaterThanOrEqual(20);
  }
  // A tap at the edge of an answer's label chooses it.
  const three = energy.nth(2);
  const label = three.locator("xpath=ancestor::label[1]");
  await label.scrollIntoViewIfNeeded();
  const lb = await box(label);
  await page.mouse.click(lb.x + 3, lb.y + lb.height / 2);
  await expect(three).toBeChecked();
  await maya.close();
});

test("on a phone “I feel stuck” names who sees it in rows 44 px tall; with a mouse they stay compact", async ({ browser }) => {
  for (const [viewport, min, max] of [
    [phone, 44, Infinity],
    [{ width: 1280, height: 800 }, 24, 40],
  ] as const) {
    const fatima = await signedIn(browser, "fatima@acme.example", viewport);
    const page = fatima.page;
    await go(page, "/me");
    const who = page.getByRole("form", { name: "I feel stuck" }).getByRole("group", { name: "Who sees it" });
    const boxes = who.getByRole("checkbox");
    expect(await boxes.count()).toBeGreaterThanOrEqual(3);
    for (const cb of await boxes.all()) {
      const row = await box(cb.locator("xpath=.."));
      expect(row.height).toBeGreaterThanOrEqual(min);
      expect(row.height).toBeLessThanOrEqual(max);
      expect((await box(cb)).width).toBeGreaterThanOrEqual(20);
    }
    await fatima.close();
  }
});

test("on a touch screen a 1:1's small buttons are 44 px targets; with a mouse they keep their size", async ({ browser }) => {
  const touch = await browser.newContext({ viewport: phone, isMobile: true, hasTouch: true });
  try {
    const page = await touch.newPage();
    await signIn(page, "maya@acme.example", { to: `/one-on-ones/${meetingId}` });
    expect(await page.evaluate(() => matchMedia("(pointer: coarse)").matches)).toBe(true);
    const row = page.getByRole("list", { name: "Talking points" }).getByRole("listitem").first();
    for (const name of [/^Move up/, /^Move down/, /^Edit/, /^Delete/]) {
      const b = await box(row.getByRole("button", { name }).first());
      expect(b.height, String(name)).toBeGreaterThanOrEqual(44);
      expect(b.width, String(name)).toBeGreaterThanOrEqual(44);
    }
    expect((await box(page.getByRole("button", { name: "Mark held…" }))).height).toBeGreaterThanOrEqual(44);
  } finally {
    await touch.close();
  }
  const mouse = await signedIn(browser, "maya@acme.example", { width: 1280, height: 900 });
  await go(mouse.page, `/one-on-ones/${meetingId}`);
  const up = mouse.page.getByRole("list", { name: "Talking points" }).getByRole("listitem").first().getByRole("button", { name: /^Move up/ });
  expect((await box(up)).height).toBeLessThan(40);
  await mouse.close();
});
