import { expect, test } from "@playwright/test";
import { go, signedIn } from "./support/auth";
import { personIdOf } from "./support/db";
import { resetDemoData } from "./support/reset";

// Roles change here: put the demo data back for the specs after this one.
test.afterAll(() => resetDemoData());

test("Ada makes Hiro an admin and a member again; his next click follows; she cannot leave Acme without an admin", async ({ browser }) => {
  const hiroId = await personIdOf("hiro@acme.example");
  const adaId = await personIdOf("ada@acme.example");
  const ada = await signedIn(browser, "ada@acme.example");
  const hiro = await signedIn(browser, "hiro@acme.example");
  const hiroNav = hiro.page.getByRole("navigation", { name: "Main" });
  await go(hiro.page, "/me");
  await expect(hiroNav.getByRole("link", { name: "Settings" })).toHaveCount(0);

  await go(ada.page, `/people/${hiroId}`);
  const access = ada.page.getByRole("form", { name: "Change access" });
  await expect(access.getByLabel("Access")).toHaveValue("member");
  await access.getByLabel("Access").selectOption("admin");
  await access.getByRole("button", { name: "Save access" }).click();
  await expect(access.getByRole("status")).toContainText("Now an admin");

  // Hiro's next page has the admin pages; no new sign-in needed.
  await hiro.page.reload();
  await hiroNav.getByRole("link", { name: "Settings" }).click();
  await expect(hiro.page).toHaveURL(/\/settings$/);
  await go(hiro.page, "/admin/people");
  await expect(hiro.page.getByRole("heading", { name: "Manage people" })).toBeVisible();

  await access.getByLabel("Access").selectOption("member");
  await access.getByRole("button", { name: "Save access" }).click();
  await expect(access.getByRole("status")).toContainText("Now a member");
  await hiro.page.reload();
  await expect(hiro.page.getByRole("heading", { name: "We couldn't find that page" })).toBeVisible();
  await go(hiro.page, "/me");
  await expect(hiroNav.getByRole("link", { name: "Settings" })).toHaveCount(0);

  // The audit log says who did it.
  await go(ada.page, "/admin/audit");
  await expect(ada.page.getByRole("table")).toContainText("Made someone an admin, or a member again");

  // Ada is Acme's only admin: making herself a member is refused at the field, and she stays an admin.
  await go(ada.page, `/people/${adaId}`);
  const own = ada.page.getByRole("form", { name: "Change access" });
  await own.getByLabel("Access").selectOption("member");
  await own.getByRole("button", { name: "Save access" }).click();
  await expect(own.getByLabel("Access")).toBeFocused();
  await expect(own.getByText("The organization needs at least one active admin")).toBeVisible();
  await go(ada.page, "/admin/people");
  await expect(ada.page).toHaveURL(/\/admin\/people$/);

  // With Hiro an admin again, she can: the admin panel is gone, so she lands on her home page, with no admin pages.
  await go(ada.page, `/people/${hiroId}`);
  await access.getByLabel("Access").selectOption("admin");
  await access.getByRole("button", { name: "Save access" }).click();
  await expect(access.getByRole("status")).toContainText("Now an admin");
  await go(ada.page, `/people/${adaId}`);
  await own.getByLabel("Access").selectOption("member");
  await own.getByRole("button", { name: "Save access" }).click();
  await expect(ada.page).not.toHaveURL(/\/people\//);
  await expect(ada.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" })).toHaveCount(0);
  await ada.close();
  await hiro.close();
});
