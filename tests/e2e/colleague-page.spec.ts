import { expect, test } from "@playwright/test";
import { go, signedIn } from "./support/auth";
import { personIdOf } from "./support/db";

// A colleague outside one's own line shows their directory entry only; the page says so rather than looking broken.
test("Eli opens Omar's page from the directory: his entry, and why there is nothing more", async ({ browser }) => {
  const omar = await personIdOf("omar@acme.example");
  const eli = await signedIn(browser, "eli@acme.example", { width: 390, height: 844 });
  await go(eli.page, `/people/${omar}`);
  await expect(eli.page.getByRole("heading", { level: 1, name: "Omar Manager" })).toBeVisible();
  await expect(eli.page.getByRole("heading", { name: "Directory entry" })).toBeVisible();
  await expect(eli.page.getByText("Their growth plan, 1:1s and flags are seen only by them and the managers above them.")).toBeVisible();
  await expect(eli.page.getByRole("heading", { name: "Flags" })).toHaveCount(0);
  await expect(eli.page.getByRole("heading", { name: "Role timeline" })).toHaveCount(0);
  // Where he reads more (his own page), there is no such note.
  await go(eli.page, `/people/${await personIdOf("eli@acme.example")}`);
  await expect(eli.page.getByRole("heading", { name: "Your flags" })).toBeVisible();
  await expect(eli.page.getByRole("heading", { name: "Directory entry" })).toHaveCount(0);
  await eli.close();
});
