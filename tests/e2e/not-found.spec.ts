import { expect, test } from "@playwright/test";
import { go, signedIn } from "./support/auth";

// A mistyped address or a record out of reach, signed in: the 404 keeps the app's navigation, so there is a way on.
test("Eli mistypes an address and opens a person he may not see: a 404 with the navigation still there", async ({ browser }) => {
  const eli = await signedIn(browser, "eli@acme.example");
  for (const path of ["/nonexistent", "/team/nope/deeper", "/people/00000000-0000-4000-8000-000000000000"]) {
    const res = await eli.page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(eli.page.getByRole("heading", { name: "We couldn't find that page" })).toBeVisible();
    await expect(eli.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My growth" })).toBeVisible();
  }
  await eli.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My growth" }).click();
  await expect(eli.page).toHaveURL(/\/me$/);
  // The API still answers JSON, and signed out an address asks for a sign-in first (it tells nothing either way).
  const api = await eli.page.request.get("/api/v1/nope");
  expect(api.status()).toBe(404);
  expect((await api.json()).error).toBeTruthy();
  await eli.close();
  const anon = await browser.newPage();
  await go(anon, "/nonexistent");
  await expect(anon).toHaveURL(/\/login\?next=%2Fnonexistent$/);
  await anon.close();
});
