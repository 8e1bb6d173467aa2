import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { e2eDatabaseUrl } from "./support/reset";

/**
 * How a real team starts: an operator creates the organization on the server
 * (`npm run org:create`), its first admin sets a password through the printed
 * link and finds an empty organization that says what to do next.
 */
test("an operator creates an organization; its first admin joins through the link and invites the first colleague", async ({ page, baseURL }) => {
  const email = `bill.${Date.now()}@initech.example`;
  const out = execFileSync(
    "npx",
    ["tsx", "--conditions=react-server", "db/org-create.ts", "--name", "Initech", "--admin-email", email, "--admin-name", "Bill Lumbergh"],
    { env: { ...process.env, DATABASE_URL: e2eDatabaseUrl(), APP_URL: baseURL! }, encoding: "utf8" },
  );
  const link = /(https?:\/\/\S+\/invite\/[A-Za-z0-9_-]{40,})/.exec(out)?.[1];
  expect(link, out).toBeTruthy();

  await page.goto(new URL(link!).pathname);
  await expect(page.getByRole("heading", { name: /^Join Initech/ })).toBeVisible();
  const form = page.getByRole("form", { name: "Set your password" });
  await form.getByLabel("Password", { exact: true }).fill("initech-admin-pass");
  await form.getByLabel("Repeat password").fill("initech-admin-pass");
  await form.getByRole("button", { name: "Join" }).click();
  await expect(page.getByRole("status")).toContainText("Your account is ready");
  await signIn(page, email, "initech-admin-pass");
  await expect(page.getByTestId("viewer-name")).toHaveText("Bill Lumbergh");

  // An organization of one: his home says what comes first, and nobody from the demo organizations is in it.
  await expect(page).toHaveURL(/\/org$/);
  await expect(page.getByText("Add your people to get started")).toBeVisible();
  await expect(page.getByText("1 person ·", { exact: false }).first()).toBeVisible();
  await page.goto("/people");
  await expect(page.getByText("Eli Employee")).toHaveCount(0);
  await page.goto("/org");
  await page.getByRole("link", { name: "Invite or import people" }).first().click();
  await expect(page).toHaveURL(/\/admin\/people$/);
  const invite = page.getByRole("form", { name: "Invite someone" });
  await invite.getByLabel("Email").fill(`milton.${Date.now()}@initech.example`);
  await invite.getByLabel("Name").fill("Milton Waddams");
  await invite.getByRole("button", { name: "Create invitation link" }).click();
  await expect(invite.getByLabel("Invitation link")).toHaveValue(/\/invite\//);
});
