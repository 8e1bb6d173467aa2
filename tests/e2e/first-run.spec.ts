import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { signIn, signOut } from "./support/auth";
import { e2eDatabaseUrl, resetDemoData } from "./support/reset";

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
  expect(out).not.toContain("If the app runs at another address");

  await page.goto(new URL(link!).pathname);
  await expect(page.getByRole("heading", { name: /^Join Initech/ })).toBeVisible();
  const form = page.getByRole("form", { name: "Set your password" });
  await form.getByLabel("Password", { exact: true }).fill("initech-admin-pass");
  await form.getByLabel("Repeat password").fill("initech-admin-pass");
  await form.getByRole("button", { name: "Join" }).click();
  // Joining signs him in with the password he just chose: no second trip through /login.
  await expect(page.getByTestId("viewer-name")).toHaveText("Bill Lumbergh");

  // An organization of one: his home says what comes first, and nobody from the demo organizations is in it.
  await expect(page).toHaveURL(/\/org$/);
  await expect(page.getByText("Add your people to get started")).toBeVisible();
  await expect(page.getByText("1 person ·", { exact: false }).first()).toBeVisible();
  await page.goto("/people");
  await expect(page.getByText("Eli Employee")).toHaveCount(0);
  // His team view is empty: it says how people get there and what it will show, with his organization's own
  // threshold, not an example person from someone else's data.
  await page.goto("/team");
  await expect(page.getByText("No one reports to you yet")).toBeVisible();
  await expect(page.getByText("in the same role for more than 24 months, your organization's threshold")).toBeVisible();
  await expect(page.getByText(/Eli/)).toHaveCount(0);
  await page.goto("/org");
  await page.getByRole("link", { name: "Invite or import people" }).first().click();
  await expect(page).toHaveURL(/\/admin\/people$/);
  const invite = page.getByRole("form", { name: "Invite someone" });
  await invite.getByLabel("Email").fill(`milton.${Date.now()}@initech.example`);
  await invite.getByLabel("Name").fill("Milton Waddams");
  // Nobody has joined yet, so no one but the admin can be chosen as manager: the field says why, and what to do instead.
  await expect(invite.getByLabel("Manager")).toHaveAccessibleDescription(/^Invited people are listed once they join\. To set everyone's manager at once, use Import a CSV/);
  await invite.getByRole("button", { name: "Create invitation link" }).click();
  await expect(invite.getByLabel("Invitation link")).toHaveValue(/\/invite\//);

  // Nobody recorded when Bill started in his role: his page says what the months count from, not "< 1 mo" as a fact.
  await page.goto("/me");
  await expect(page.getByText(/^When you started in this role isn't recorded: counted from when you were added, \d+ \w+ \d{4}/)).toBeVisible();
  await expect(page.getByText("In your current role since")).toHaveCount(0);
});

/**
 * Someone who already uses Reignite is made admin of a new organization: the link asks for the password they
 * have (once, not a new one twice), and afterwards the organization menu moves them between the two.
 */
test.describe("joining a second organization", () => {
  // Hank ends up in two organizations: put the demo data back for the specs after this one.
  test.afterAll(() => resetDemoData());

  test("Hank of Globex joins Initrode with his own password and switches between the two", async ({ page, browser, baseURL }) => {
    const out = execFileSync(
      "npx",
      ["tsx", "--conditions=react-server", "db/org-create.ts", "--name", "Initrode", "--admin-email", "hank@globex.example", "--admin-name", "Hank Hill"],
      { env: { ...process.env, DATABASE_URL: e2eDatabaseUrl(), APP_URL: baseURL! }, encoding: "utf8" },
    );
    const link = /(https?:\/\/\S+\/invite\/[A-Za-z0-9_-]{40,})/.exec(out)?.[1];
    expect(link, out).toBeTruthy();

    await page.goto(new URL(link!).pathname);
    await expect(page.getByRole("heading", { name: "Join Initrode" })).toBeVisible();
    await expect(page.getByText("you already use Reignite with this email")).toBeVisible();
    const form = page.getByRole("form", { name: "Join with your password" });
    await expect(form.getByLabel("Repeat password")).toHaveCount(0);
    await form.getByLabel("Your Reignite password").fill("not-his-password");
    await form.getByRole("button", { name: "Join" }).click();
    await expect(form.getByText("isn't the password of your Reignite account")).toBeVisible();
    await form.getByLabel("Your Reignite password").fill("reignite-demo");
    await form.getByRole("button", { name: "Join" }).click();
    // Joining signs him in, in the organization just joined, not the first by name (Globex); so does his next sign-in.
    await expect(page).toHaveURL(/\/org$/);
    await expect(page.getByRole("banner").getByLabel("Organization").locator("option:checked")).toHaveText("Initrode");
    await signOut(page);
    await signIn(page, "hank@globex.example");
    const switcher = page.getByRole("banner").getByLabel("Organization");
    await expect(switcher).toHaveValue(/.+/);
    await expect(switcher.locator("option:checked")).toHaveText("Initrode");
    // Initrode has only him, its admin: its home says what to do first, and nobody from Globex is there.
    await expect(page).toHaveURL(/\/org$/);
    await expect(page.getByText("Add your people to get started")).toBeVisible();
    await page.goto("/people");
    await expect(page.getByText("Gina Globex")).toHaveCount(0);
    // Over to Globex, by keyboard: focus stays on the menu, which names the organization now in use.
    await switcher.selectOption({ label: "Globex" });
    await page.getByRole("button", { name: "Switch" }).focus();
    await page.keyboard.press("Enter");
    await expect(switcher.locator("option:checked")).toHaveText("Globex");
    await expect(switcher).toBeFocused();
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    await page.goto("/people");
    await expect(page.getByText("Gina Globex").first()).toBeVisible();
    // Signed out and in again (sign-out forgets this browser's choice), he is back where he left off.
    await signOut(page);
    await signIn(page, "hank@globex.example");
    await expect(switcher.locator("option:checked")).toHaveText("Globex");
    await switcher.selectOption({ label: "Initrode" });
    await page.getByRole("button", { name: "Switch" }).click();
    // The menu shows what was picked at once; the page of Initrode (his admin navigation) says the switch is done.
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" })).toBeVisible();
    await expect(switcher.locator("option:checked")).toHaveText("Initrode");
    await signOut(page);
    await signIn(page, "hank@globex.example");
    await expect(switcher.locator("option:checked")).toHaveText("Initrode");
    // Switching on another device moves that device (and his next sign-in), never this session between two clicks.
    const other = await browser.newContext();
    const phone = await other.newPage();
    await signIn(phone, "hank@globex.example");
    const phoneSwitcher = phone.getByRole("banner").getByLabel("Organization");
    await phoneSwitcher.selectOption({ label: "Globex" });
    await phone.getByRole("button", { name: "Switch" }).click();
    await expect(phone.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" })).toHaveCount(0);
    await expect(phoneSwitcher).toBeFocused();
    await page.reload();
    await expect(switcher.locator("option:checked")).toHaveText("Initrode");
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" })).toBeVisible();

    // Initrode's audit log records the sessions that open in Initrode, not his sign-ins into Globex (when and from where
    // he works there is not Initrode's business); a session switched over to Initrode is recorded when it arrives.
    const signIns = async () => {
      await page.goto("/admin/audit?action=auth.sign_in");
      const rows = page.getByRole("table", { name: "Audit events, newest first" }).getByRole("row");
      await expect(rows.nth(1)).toContainText("Signed in");
      return rows.count();
    };
    const before = await signIns();
    await signOut(phone);
    await signIn(phone, "hank@globex.example");
    await expect(phoneSwitcher.locator("option:checked")).toHaveText("Globex");
    expect(await signIns()).toBe(before);
    await phoneSwitcher.selectOption({ label: "Initrode" });
    await phone.getByRole("button", { name: "Switch" }).click();
    await expect(phone.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" })).toBeVisible();
    expect(await signIns()).toBe(before + 1);
    await other.close();
  });

  test("on a phone the organization menu fits beside a long name, and shows the organization in use after moving on without Switch", async ({ page }) => {
    // A name of 100 characters pushed Switch, Account and Sign out past the right edge of a 390 px screen.
    const long = "Initrode International Consulting, Software Engineering & Facilities Management Holdings of America";
    const out = execFileSync(
      "npx",
      ["tsx", "--conditions=react-server", "db/org-create.ts", "--name", long, "--admin-email", "gina@globex.example", "--admin-name", "Gina Globex"],
      // No APP_URL: the printed address is a guess, and the command says how to use the link elsewhere.
      { env: { ...withoutAppUrl(process.env), DATABASE_URL: e2eDatabaseUrl() }, encoding: "utf8" },
    );
    const link = /(https?:\/\/\S+\/invite\/[A-Za-z0-9_-]{40,})/.exec(out)?.[1];
    expect(link, out).toBeTruthy();
    expect(out).toContain(`If the app runs at another address, open ${new URL(link!).pathname} there`);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(new URL(link!).pathname);
    const form = page.getByRole("form", { name: "Join with your password" });
    await form.getByLabel("Your Reignite password").fill("reignite-demo");
    await form.getByRole("button", { name: "Join" }).click();
    // Joining signs her in there.
    await expect(page).toHaveURL(/\/org$/);
    const banner = page.getByRole("banner");
    const switcher = banner.getByLabel("Organization");
    // She lands in the organization she just joined, as its admin. Wait for that page before picking in the menu:
    // the menu is reset to the organization in use on every navigation.
    await expect(page).toHaveURL(/\/org$/);
    await expect(switcher.locator("option:checked")).toHaveText(long);
    await page.waitForLoadState("networkidle");
    await switcher.selectOption({ label: "Globex" });
    await banner.getByRole("button", { name: "Switch" }).click();
    // Switched when Globex's page is in (she is no admin there): the menu alone shows the pick at once.
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" })).toHaveCount(0);
    await expect(switcher).toBeFocused();
    await expect(switcher.locator("option:checked")).toHaveText("Globex");
    await switcher.selectOption({ label: long });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    for (const control of [switcher, banner.getByRole("button", { name: "Switch" }), banner.getByRole("link", { name: "Account" }), banner.getByRole("button", { name: "Sign out" })]) {
      const box = (await control.boundingBox())!;
      expect(box.x + box.width, `${control} inside the screen`).toBeLessThanOrEqual(390);
    }

    // Picked but not switched: the next page is still Globex's, and the menu says so again.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "People" }).click();
    await expect(page).toHaveURL(/\/people$/);
    await expect(page.getByText("Hank Hill").first()).toBeVisible();
    await expect(switcher.locator("option:checked")).toHaveText("Globex");
  });
});

function withoutAppUrl(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { APP_URL: _appUrl, PORT: _port, ...rest } = env;
  return rest;
}
