import { expect, test } from "@playwright/test";
import { go, signedIn } from "./support/auth";

// Large organizations: past 100 teams /org's filter is typed, and a page link outlives the list it was made for.
test("a typed /org team that matches nobody, or a page past the end, never reads as an empty organization", async ({ browser }) => {
  const ada = await signedIn(browser, "ada@acme.example");
  await go(ada.page, "/org?team=platfrom");
  await expect(ada.page.getByText("No one is in a team named “platfrom”")).toBeVisible();
  await expect(ada.page.getByText("No people here yet")).toHaveCount(0);
  await expect(ada.page.getByRole("link", { name: /^Show team/ })).toHaveCount(0); // no team is named like it
  await ada.page.getByRole("link", { name: "Show all teams" }).click();
  await expect(ada.page).toHaveURL(/\/org$/);
  await expect(ada.page.getByRole("link", { name: "Eli Employee" })).toBeVisible();

  // Typed in other capitals: the team it means is offered, not silently assumed.
  await go(ada.page, "/org?team=platform%20");
  await expect(ada.page.getByText("Did you mean “Platform”?")).toBeVisible();
  await ada.page.getByRole("link", { name: "Show team “Platform”" }).click();
  await expect(ada.page).toHaveURL(/\/org\?team=Platform/);
  await expect(ada.page.getByRole("heading", { name: "Radar: Platform" })).toBeVisible();
  await expect(ada.page.getByRole("link", { name: "Eli Employee" })).toBeVisible();

  await go(ada.page, "/org?page=999");
  await expect(ada.page.getByText(/people · page (\d+) of \1$/)).toBeVisible();
  await expect(ada.page.getByText("No people here yet")).toHaveCount(0);

  await go(ada.page, "/people?page=999");
  await expect(ada.page.getByText(/people · page (\d+) of \1$/)).toBeVisible();
  await expect(ada.page.getByText("No people yet")).toHaveCount(0);
  await ada.close();
});
