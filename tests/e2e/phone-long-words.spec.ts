import { expect, test } from "@playwright/test";
import { go, signedIn } from "./support/auth";
import { personIdOf } from "./support/db";
import { expectNoSidewaysScroll } from "./support/layout";

// A word longer than a phone is wide, as people do type them (a URL, a product code, a key held down): it breaks
// where it must instead of making the whole page scroll sideways. A 199-letter goal title made /team 2,016 px wide.
test("a stretch goal titled with one very long word: Maya's pages still fit a phone", async ({ browser }) => {
  const hiro = await personIdOf("hiro@acme.example");
  const maya = await signedIn(browser, "maya@acme.example", { width: 375, height: 800 });
  const title = `Migrate${"A".repeat(180)}Pipeline`;
  const created = await maya.page.request.post(`/api/v1/people/${hiro}/stretch-goals`, { data: { title, category: "new_tool", status: "active" } });
  expect(created.status()).toBe(201);
  const goal = await created.json();
  try {
    for (const path of ["/team", `/people/${hiro}`, `/people/${hiro}/plan`]) {
      await go(maya.page, path);
      const shown = maya.page.getByText(title).first();
      await expect(shown).toBeVisible();
      await expectNoSidewaysScroll(maya.page, shown);
    }
  } finally {
    await maya.page.request.delete(`/api/v1/stretch-goals/${goal.id}?version=${goal.version}`);
    await maya.close();
  }
});
