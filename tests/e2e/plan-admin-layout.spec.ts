import { expect, test } from "@playwright/test";
import { go, signedIn } from "./support/auth";
import { personIdOf } from "./support/db";

// From the visual pass of session 20: on a phone a win's Edit and Delete sat between its title and its date, and
// on a laptop the admin panel left a gap as tall as the title form above Access.

test("on a phone a win's date sits under its title and the item's actions at the right; Mark not used reads as an action", async ({ browser }) => {
  const eli = await signedIn(browser, "eli@acme.example", { width: 375, height: 800 });
  try {
    await go(eli.page, "/me");
    const win = eli.page.getByRole("article", { name: /^Win: / }).first();
    const title = (await win.getByRole("heading").boundingBox())!;
    const date = (await win.getByText(/celebrated by/).boundingBox())!;
    const edit = (await win.getByRole("button", { name: /^Edit win/ }).boundingBox())!;
    const card = (await win.boundingBox())!;
    expect(date.y).toBeGreaterThanOrEqual(title.y + title.height - 1);
    expect(date.y, "the date comes before the actions").toBeLessThan(edit.y);
    expect(card.x + card.width - (edit.x + edit.width), "actions at the right edge").toBeGreaterThan(0);
    expect(edit.x, "actions at the right, not under the title's start").toBeGreaterThan(card.x + card.width / 2);

    const skills = eli.page.getByRole("region", { name: "Skills" });
    const flip = skills.getByRole("button", { name: /as not used$/ }).first();
    const colour = await flip.evaluate((b) => getComputedStyle(b).color);
    const del = await skills.getByRole("button", { name: /^Delete skill/ }).first().evaluate((b) => getComputedStyle(b).fontSize);
    // Not the accent (orange-red, read as an error), and the same size as Delete beside it.
    const [r, g, b] = colour.match(/\d+/g)!.map(Number);
    expect(r! - b!, `${colour} is not a warm accent`).toBeLessThan(60);
    expect(g).toBeLessThan(120);
    expect(await flip.evaluate((b) => getComputedStyle(b).fontSize)).toBe(del);
  } finally {
    await eli.close();
  }
});

test("on a laptop the admin panel's Access sits right under Change manager, beside the title form", async ({ browser }) => {
  const eliId = await personIdOf("eli@acme.example");
  const ada = await signedIn(browser, "ada@acme.example", { width: 1280, height: 900 });
  try {
    await go(ada.page, `/people/${eliId}`);
    const managerForm = ada.page.getByRole("form", { name: "Change manager" });
    const manager = (await managerForm.boundingBox())!;
    // Its button, not the form: a grid cell stretches the form to its row's height.
    const managerButton = (await managerForm.getByRole("button", { name: "Change manager" }).boundingBox())!;
    const access = (await ada.page.getByRole("form", { name: "Change access" }).boundingBox())!;
    const titleTeam = (await ada.page.getByRole("form", { name: "Change title or team" }).boundingBox())!;
    expect(access.x).toBe(manager.x);
    expect(access.y - (managerButton.y + managerButton.height), "no gap above Access").toBeLessThan(48);
    expect(titleTeam.x).toBeGreaterThan(manager.x + manager.width - 1);
  } finally {
    await ada.close();
  }
});
