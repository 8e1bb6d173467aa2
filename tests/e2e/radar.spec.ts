import { expect, test, type Page } from "@playwright/test";
import { go, signedIn, signIn, signOut } from "./support/auth";
import { personIdOf, withE2eSql } from "./support/db";
import { resetDemoData } from "./support/reset";
import { holdScripts } from "./support/slow-scripts";

test.beforeAll(async () => {
  await resetDemoData();
});

const card = (page: Page, name: string) =>
  page.getByRole("list", { name: "People" }).getByRole("listitem").filter({ has: page.getByRole("link", { name }) });
/** The subtree view is a table: one row per person. */
const row = (page: Page, name: string) => page.getByRole("table", { name: "People" }).getByRole("row").filter({ has: page.getByRole("link", { name }) });

test("Eli sees his own flags, phrased for him, on /me", async ({ page }) => {
  await signIn(page, "eli@acme.example", { to: "/me" });
  const section = page.getByRole("region", { name: "What Reignite notices" }).or(page.locator("section", { hasText: "What Reignite notices" }));
  await expect(section).toContainText("Your role hasn't changed in 27 months — bring it up in your next 1:1.");
  await expect(section).toContainText("In your current role since");
  // Who else reads them, in full: not only "your manager".
  await expect(section).toContainText("So do the managers above your manager and your organization's admins, except what comes from your pulse answers");
  // Eli may read his role history but not write it: no edit controls, and a direct write is refused.
  await section.getByRole("link", { name: "your role timeline" }).click();
  await expect(page.getByRole("list", { name: "Role timeline" })).toContainText("Promoted to Software Engineer II");
  await expect(page.getByRole("button", { name: "Add role event" })).toHaveCount(0);
  const id = page.url().split("/").pop();
  const write = await page.request.post(`/api/v1/people/${id}/role-events`, {
    data: { type: "promotion", effectiveOn: "2026-01-01", description: "self-promotion" },
  });
  expect(write.status()).toBe(403);
  const read = await page.request.get(`/api/v1/people/${id}`);
  expect((await read.json()).flags.map((f: { code: string }) => f.code)).toContain("role_stale");
});

test("Dana, at the top of the tree, is not told her plan is shared with a manager she does not have", async ({ page }) => {
  await signIn(page, "dana@acme.example", { to: "/me" });
  await expect(page.getByText("Your growth plan. You have no manager on record, so for now only you see it.")).toBeVisible();
  await expect(page.getByText("shared with your manager")).toHaveCount(0);
  await expect(page.getByText("Your manager sees these too")).toHaveCount(0);
});

test("Hank (Globex) cannot open an Acme person's page or API record", async ({ page }) => {
  await signIn(page, "maya@acme.example");
  const href = await card(page, "Eli Employee").getByRole("link", { name: "Eli Employee" }).getAttribute("href");
  expect(href).toMatch(/^\/people\/[0-9a-f-]{36}$/);
  await signOut(page);
  await signIn(page, "hank@globex.example");
  const res = await page.goto(href!);
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "We couldn't find that page" })).toBeVisible();
  await expect(page.getByText("Eli Employee")).toHaveCount(0);
  const api = await page.request.get(`/api/v1/people/${href!.split("/").pop()}`);
  expect(api.status()).toBe(404);
});

test("Dana switches her team view to her whole subtree", async ({ page }) => {
  await signIn(page, "dana@acme.example");
  await expect(page).toHaveURL(/\/team$/);
  await expect(card(page, "Maya Manager")).toBeVisible();
  await expect(card(page, "Leo Fischer")).toHaveCount(0);
  await page.getByRole("link", { name: "Whole subtree" }).click();
  await expect(page).toHaveURL(/view=subtree/);
  await expect(row(page, "Leo Fischer")).toContainText("reports to Omar Manager");
  await expect(row(page, "Eli Employee")).toContainText("Same role for 27 months (threshold 24)");
  await expect(row(page, "Eli Employee")).toContainText("At risk");
  // A skip-level never sees pulse-derived flags.
  await expect(row(page, "Eli Employee")).not.toContainText("pulse");
  // Her own direct reports are rows too, without "reports to".
  await expect(row(page, "Maya Manager")).not.toContainText("reports to");
  // The pulse filter says whose pulse it can find, and finding nobody says why rather than "nobody".
  const flagSelect = page.getByLabel("Flag", { exact: true });
  await expect(flagSelect.locator("option", { hasText: "Pulse worsening (your direct reports only)" })).toHaveCount(1);
  await flagSelect.selectOption("pulse_worsening");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText(/This flag shows only where you may see what it comes from/)).toBeVisible();
  await page.goBack();
  await expect(page).not.toHaveURL(/flag=/);
  // The whole subtree is charted as a distribution: its text alternative counts everyone once.
  await expect(page.getByRole("img", { name: /People by time in current role/ })).toBeVisible();
  const buckets = await page.locator("#tenure-histogram-alt li").allTextContents();
  const counted = buckets.reduce((n, t) => n + Number(/: (\d+) (?:person|people)/.exec(t)?.[1] ?? NaN), 0);
  expect(counted).toBe(await page.getByRole("table", { name: "People" }).getByRole("row").count() - 1);
  expect(buckets.join("\n")).toMatch(/24–35 mo: [1-9]\d* (?:person|people), past the threshold/);
  // Filtering the subtree by one team keeps the subtree view and shows that team only; Clear shows everyone again.
  const everyone = await page.getByRole("table", { name: "People" }).getByRole("row").count();
  const teamSelect = page.getByLabel("Team", { exact: true });
  const teamName = (await teamSelect.locator("option").nth(1).textContent())!;
  await teamSelect.selectOption(teamName);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/view=subtree/);
  await expect(page).toHaveURL(new RegExp(`team=${encodeURIComponent(teamName).replace(/%20/g, "\\+")}`));
  const filtered = page.getByRole("table", { name: "People" }).getByRole("rowheader");
  await expect(filtered.first()).toBeVisible();
  for (const subtitle of await filtered.locator("span").allTextContents()) expect(subtitle).toContain(teamName);
  expect(await filtered.count()).toBeLessThan(everyone - 1);
  // The chart follows the filter: it counts the people listed, and says so, not the whole subtree.
  await expect(page.getByRole("img", { name: /^The \d+ (?:person|people) matching the filters, by time in current role/ })).toBeVisible();
  const filteredBuckets = await page.locator("#tenure-histogram-alt li").allTextContents();
  expect(filteredBuckets.reduce((n, t) => n + Number(/: (\d+) (?:person|people)/.exec(t)?.[1] ?? NaN), 0)).toBe(await filtered.count());
  // Back and Forward: the form shows the filter in effect, not the one last picked.
  await page.goBack();
  await expect(page.getByRole("table", { name: "People" }).getByRole("row")).toHaveCount(everyone);
  await expect(teamSelect).toHaveValue("");
  await page.goForward();
  await expect(page.getByRole("table", { name: "People" }).getByRole("row")).not.toHaveCount(everyone);
  await expect(teamSelect).toHaveValue(teamName);
  await page.getByRole("link", { name: "Clear" }).click();
  await expect(page.getByRole("table", { name: "People" }).getByRole("row")).toHaveCount(everyone);
  // The way back to the cards.
  await page.getByRole("link", { name: "Direct reports" }).click();
  await expect(card(page, "Maya Manager")).toBeVisible();
});

test("Maya sees Eli at risk and why, records a scope change, and his role_stale flag goes away", async ({ page }) => {
  await signIn(page, "maya@acme.example");
  await expect(page).toHaveURL(/\/team$/);
  const eli = card(page, "Eli Employee");
  await expect(eli).toContainText("At risk");
  await expect(eli).toContainText("Same role for 27 months (threshold 24)");
  await expect(eli).toContainText("Why:");
  await expect(card(page, "Fatima Haddad")).toContainText("No flags");
  await expect(card(page, "Fatima Haddad")).not.toContainText("Same role");
  // Sorted by risk: Eli (at risk) comes before Fatima (no flags).
  const names = await page.getByRole("list", { name: "People" }).getByRole("heading").allTextContents();
  expect(names.indexOf("Eli Employee")).toBeLessThan(names.indexOf("Fatima Haddad"));
  const chart = page.getByRole("img", { name: /Time in current role/ });
  await expect(chart).toBeVisible();
  // Names fit the sidebar's label column as a first name and an initial, none cut mid-word ("Fatima Hadd…").
  await expect(chart.getByText("Fatima H.", { exact: true })).toBeVisible();
  expect(await chart.locator("span[title]").evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth).map((e) => e.textContent))).toEqual([]);

  await eli.getByRole("link", { name: "Eli Employee" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Eli Employee" })).toBeVisible();
  await expect(page.getByText(/In current role since .* \(2 yr 3 mo\)/)).toBeVisible();
  // His pulse: the trend, and what he added under "Anything to add?".
  await expect(page.getByRole("region", { name: "What Eli added" }).getByRole("listitem").first()).toContainText("Same tickets as last quarter.");
  await page.getByRole("button", { name: "Add role event" }).click();
  const form = page.getByRole("form", { name: "Add role event" });
  // A title change that names no title would restart his time in role for nothing: refused at the field.
  await form.getByLabel("What changed").selectOption("title_change");
  await form.getByRole("button", { name: "Save event" }).click();
  await expect(form.getByText("Enter the new title.")).toBeVisible();
  await expect(page.getByText(/In current role since .* \(2 yr 3 mo\)/)).toBeVisible();
  // His first title, years back, recorded for the history: refused as a new change (the refusal says how), kept
  // when Maya ticks the box; it goes in its place on the timeline and his time in role still runs from the latest.
  await form.getByLabel("New title").fill("Junior Engineer");
  await form.getByLabel("Effective date").fill("2019-03-01");
  await form.getByRole("button", { name: "Save event" }).click();
  await expect(form.getByLabel("Effective date")).toHaveAccessibleDescription(/is before the latest role event .* tick "An earlier change, for the history"/);
  await form.getByLabel("An earlier change, for the history").check();
  await form.getByRole("button", { name: "Save event" }).click();
  const timeline = page.getByRole("list", { name: "Role timeline" });
  await expect(timeline.getByRole("listitem").last()).toContainText("Junior Engineer");
  await expect(page.getByText(/In current role since .* \(2 yr 3 mo\)/)).toBeVisible();
  await expect(form.getByLabel("An earlier change, for the history")).not.toBeChecked(); // the form starts over
  await form.getByLabel("What changed").selectOption("scope_change");
  await form.getByLabel("Description").fill("Leads the build-cache project across Platform and Mobile");
  // A change that has not happened yet is refused at its date, as the CSV import refuses it, keeping what was typed.
  const nextMonth = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  await form.getByLabel("Effective date").fill(nextMonth);
  await form.getByRole("button", { name: "Save event" }).click();
  await expect(form.getByLabel("Effective date")).toHaveAccessibleDescription(/^\d{1,2} \w{3} \d{4} is in the future: record a role change once it has happened/);
  await expect(form.getByLabel("Description")).toHaveValue("Leads the build-cache project across Platform and Mobile");
  await expect(page.getByText(/In current role since .* \(2 yr 3 mo\)/)).toBeVisible();
  await form.getByLabel("Effective date").fill(new Date().toISOString().slice(0, 10));
  await form.getByRole("button", { name: "Save event" }).click();
  await expect(page.getByRole("list", { name: "Role timeline" })).toContainText("Leads the build-cache project across Platform and Mobile");
  await expect(page.getByText(/In current role since .* \(< 1 mo\)/)).toBeVisible();

  await page.goto("/team");
  await expect(card(page, "Eli Employee")).not.toContainText("Same role for");
  await page.getByLabel("Flag", { exact: true }).selectOption("role_stale");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/flag=role_stale/);
  await expect(card(page, "Eli Employee")).toHaveCount(0);
  // The header counts the whole team; the list says how many of them the filter leaves.
  const shown = await page.getByRole("list", { name: "People" }).getByRole("heading", { level: 2 }).count();
  await expect(page.getByText(new RegExp(`^${shown} of 6 direct reports match(es)? the filters\\.$`))).toBeVisible();
});

test("Ada's CSV import says which columns it read, never resets time in role behind \"unchanged\", and points to inviting whom it created", async ({ page }) => {
  await signIn(page, "ada@acme.example", { to: "/people?q=Jonah" });
  await page.getByRole("link", { name: "Jonah Becker" }).click();
  const since = (await page.getByText(/^In current role since/).textContent())!;
  expect(since).toContain("(1 yr 8 mo)");

  await page.goto("/admin/people");
  const form = page.getByRole("form", { name: "Import people from CSV" });
  const lastMonth = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
  // The form's own hint wording and a common variant are read; a column it does not know is named.
  await form.getByLabel("CSV").fill(
    `Email,Name,Manager Email Address,Role start date (YYYY-MM-DD),Employee ID\nrue@acme.example,Rue Lind,maya@acme.example,2025-02-01,EMPLOYEE-ID-7731\njonah@acme.example,Jonah Becker,maya@acme.example,${lastMonth},EMPLOYEE-ID-7732\n`,
  );
  // The server answers with the preview, not the file again (up to 2 MB, on every click).
  let answer = "";
  await page.route("**/admin/people", async (route) => {
    if (route.request().method() !== "POST") return route.fallback();
    const res = await route.fetch();
    answer = await res.text();
    await route.fulfill({ response: res, body: answer });
  });
  await form.getByRole("button", { name: "Preview" }).click();
  await expect.poll(() => answer).toContain("Rue Lind");
  await page.unroute("**/admin/people");
  expect(answer).not.toContain("EMPLOYEE-ID-773");
  await expect(form).toContainText("Columns read: email, name, “Manager Email Address” as manager email, “Role start date (YYYY-MM-DD)” as role start date.");
  await expect(form).toContainText("Not recognised, so not imported: “Employee ID”");
  await expect(form).toContainText("Ready to import: 1 to create, 0 to update, 1 unchanged. People it creates cannot sign in until you invite them.");
  const jonahRow = form.getByRole("row", { name: /jonah@acme\.example/ });
  await expect(jonahRow).toContainText("unchanged");
  await expect(jonahRow).toContainText(`Role start date ${lastMonth} not recorded: title and team are unchanged`);

  const importButton = form.getByRole("button", { name: "Import", exact: true });
  await importButton.click();
  const result = form.getByRole("status");
  await expect(result).toContainText("Imported: 1 created, 0 updated, 1 unchanged.");
  await expect(result).toContainText("1 person was created without a sign-in");
  // The same file again would change nothing: Import no longer invites it, and focus stays on it.
  await expect(importButton).toHaveAttribute("aria-disabled", "true");
  await expect(importButton).toBeFocused();
  await expect(form).toContainText("Importing this file again would change nothing");
  await importButton.click({ force: true });
  await expect(result).toContainText("Imported: 1 created, 0 updated, 1 unchanged.");
  // Editing the file invites an import again.
  await form.getByLabel("CSV").press("End");
  await form.getByLabel("CSV").pressSequentially(" ");
  await expect(importButton).not.toHaveAttribute("aria-disabled", "true");

  await page.goto("/people?q=Jonah");
  await page.getByRole("link", { name: "Jonah Becker" }).click();
  await expect(page.getByText(/^In current role since/)).toHaveText(since);
  await expect(page.getByRole("list", { name: "Role timeline" })).not.toContainText("CSV import");

  // Rue, created by the import, cannot sign in until invited: her page says so and leads to a filled-in invitation.
  await page.goto("/people?q=Rue");
  await page.getByRole("link", { name: "Rue Lind" }).click();
  await expect(page.getByText("reports to Maya Manager")).toBeVisible();
  await expect(page.getByText("No sign-in yet: Rue Lind has no password, so cannot sign in.")).toBeVisible();
  // The link carries her id only: an email or name in a URL ends up in browser history, server logs and Referer headers.
  const inviteLink = page.getByRole("link", { name: "Invite Rue Lind" });
  const href = (await inviteLink.getAttribute("href")) ?? "";
  expect(href).toMatch(/^\/admin\/people\?invite=[0-9a-f-]{36}#invite$/);
  expect(decodeURIComponent(href).toLowerCase()).not.toMatch(/rue|lind|@/);
  await inviteLink.click();
  await expect(page).not.toHaveURL(/rue|Lind|%40|@/i);
  const invite = page.getByRole("form", { name: "Invite someone" });
  await expect(invite.getByLabel("Email")).toHaveValue("rue@acme.example");
  await expect(invite.getByLabel("Name")).toHaveValue("Rue Lind");
  // She is in the directory already: the link gives her a sign-in, and access is changed on her page, said at the field.
  await invite.getByLabel("Role").selectOption("admin");
  await invite.getByRole("button", { name: /Create invitation link|Send invitation/ }).click();
  await expect(invite.getByLabel("Role")).toHaveAccessibleDescription(/They are a member in the directory: change access on their page/);
  await invite.getByLabel("Role").selectOption("member");
  await invite.getByRole("button", { name: /Create invitation link|Send invitation/ }).click();
  await expect(invite.getByRole("status")).toContainText("Invitation for rue@acme.example created");
  await expect(invite.getByLabel("Email")).toHaveValue("");
  await page.goto("/people?q=Rue");
  await page.getByRole("link", { name: "Rue Lind" }).click();
  await expect(page.getByText(/an invitation is pending until/)).toBeVisible();
});

test("Ada's CSV preview reads the hint's example as shown, names a missing header line plainly, and says names are not changed", async ({ page }) => {
  await signIn(page, "ada@acme.example", { to: "/admin/people" });
  const form = page.getByRole("form", { name: "Import people from CSV" });
  const csv = form.getByLabel("CSV");
  // The hint shows a header line and a row: pasted as is, it previews.
  const example = (await form.locator("code").textContent())!;
  expect(example.split("\n")).toHaveLength(2);
  await csv.fill(example);
  await form.getByRole("button", { name: "Preview" }).click();
  await expect(form).toContainText("Ready to import:");
  await expect(form).toContainText("Columns read: email, name, title, team, manager email, role start date.");
  // The row alone: one message, no columns "read" or "not recognised".
  await csv.fill(example.split("\n")[1]!);
  await form.getByRole("button", { name: "Preview" }).click();
  await expect(form.getByRole("alert")).toHaveText(/^The first line must name the columns, e\.g\. email,name,title,team,manager email,role start date; this one looks like a person\./);
  await expect(form).not.toContainText("Columns read");
  await expect(form).not.toContainText("Not recognised");
  // A member's name in the file is not written: the row shows the saved one, and says so.
  await csv.fill("email,name\nada@acme.example,Ada Renamed\n");
  await form.getByRole("button", { name: "Preview" }).click();
  const row = form.getByRole("row", { name: /ada@acme\.example/ });
  await expect(row).toContainText("Ada Admin");
  await expect(row).toContainText("unchanged");
  await expect(row).toContainText("Name stays “Ada Admin”: names of existing members are not changed by an import (the file says “Ada Renamed”).");
});

test("Ada's CSV preview refuses a name or title longer than a person may have, and keeps the row's errors in view", async ({ page }) => {
  // Imported, a 600-character name could then neither be invited nor have its title saved (both take 120).
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, "ada@acme.example");
  await go(page, "/admin/people");
  await page.waitForLoadState("networkidle");
  const form = page.getByRole("form", { name: "Import people from CSV" });
  const name = "N".repeat(600);
  await form.getByLabel("CSV").fill(`email,name,title,team\n${"e".repeat(80)}@acme.example,${name},${"T".repeat(130)},Mobile\n`);
  await form.getByRole("button", { name: "Preview" }).click();
  const error = form.getByText("Name is 600 characters long: at most 120.");
  await expect(error).toBeVisible();
  await expect(form.getByText("Title is 130 characters long: at most 120.")).toBeVisible();
  await expect(form.getByRole("button", { name: "Import", exact: true })).toBeDisabled();
  // The long email and name wrap in their columns: the errors are on screen, not past the table's right edge.
  await error.scrollIntoViewIfNeeded();
  const box = (await error.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(1280);
  const table = form.getByRole("table", { name: "Import preview" });
  expect(await table.evaluate((t) => t.parentElement!.scrollWidth <= t.parentElement!.clientWidth)).toBe(true);
});

test("Ada imports a CSV: a bad row blocks the import until she fixes it", async ({ page }) => {
  await signIn(page, "ada@acme.example");
  await expect(page).toHaveURL(/\/org$/);
  await expect(page.getByRole("heading", { name: "Org insights" })).toBeVisible();
  // The org pulse says which weeks and which teams it covers, and hides small groups in words.
  await expect(page.getByText(/^4 weeks ending \w{3} \d{1,2} \w{3}, by the team each person was in when answering\.$/)).toBeVisible();
  const pulse = page.getByRole("table", { name: /^Pulse averages, 4 weeks ending/ });
  await expect(pulse.getByRole("row", { name: /^Whole organization/ })).toContainText(/\d\.\d \(\d+ people\)/);
  // Ada alone answers from People: never a number of its own.
  for (const text of await pulse.getByRole("row").allInnerTexts()) {
    expect(text).toMatch(/Pulse \(rust 1–5\)|\d\.\d \((\d\d|[5-9]) people\)|hidden to protect individuals/);
    if (text.startsWith("People")) expect(text).toContain("hidden to protect individuals");
  }
  // On a slow connection Ada pastes the file before the page's script has run: it stays, and is what is previewed.
  const scripts = await holdScripts(page);
  await page.goto("/admin/people", { waitUntil: "domcontentloaded" });
  const form = page.getByRole("form", { name: "Import people from CSV" });
  const header = "email,name,title,team,manager email,role start date";
  const zoe = "zoe@acme.example,Zoe Zhang,Software Engineer,Platform,maya@acme.example,2025-01-15";
  const pasted = `${header}\n${zoe}\nyan@acme.example,Yan Li,Designer,Mobile,nobody@acme.example,2025-02-01\n`;
  await form.getByLabel("CSV").fill(pasted);
  scripts.release();
  await page.waitForLoadState("networkidle");
  await scripts.done();
  await form.getByRole("button", { name: "Preview" }).click();
  await expect(form.getByLabel("CSV")).toHaveValue(pasted);
  // Only a preview ran: the message speaks of fixing rows, not of an import.
  await expect(form.getByRole("alert").first()).toContainText("1 row has errors. Fix them and preview again; nothing is imported until every row is valid.");
  await expect(form.getByRole("alert").first()).not.toContainText("Nothing was imported");
  await expect(form).toContainText("Unknown manager: nobody@acme.example");
  await expect(form.getByRole("button", { name: "Import", exact: true })).toBeDisabled();

  await form.getByLabel("CSV").fill(`${header}\n${zoe}\nyan@acme.example,Yan Li,Designer,Mobile,omar@acme.example,2025-02-01\n`);
  await form.getByRole("button", { name: "Preview" }).click();
  await expect(form).toContainText("Ready to import: 2 to create");
  // Edited after the preview and imported straight away: nothing is written that the preview did not show.
  await form.getByLabel("CSV").fill(`${header}\n${zoe}\nyan@acme.example,Yan Li,Lead Designer,Mobile,omar@acme.example,2025-02-01\n`);
  await form.getByRole("button", { name: "Import", exact: true }).click();
  await expect(form.getByRole("alert").filter({ hasText: "Nothing was imported: what it would do changed since your preview" })).toBeVisible();
  await expect(form).toContainText("Ready to import: 2 to create");
  await form.getByRole("button", { name: "Import", exact: true }).click();
  await expect(form.getByRole("status")).toContainText("Imported: 2 created, 0 updated");
  await expect(form.getByRole("status")).toContainText("2 people were created without a sign-in: they cannot sign in until you invite them");

  await page.goto("/people?q=Yan");
  await expect(page.getByRole("row", { name: /Yan Li/ })).toContainText("Omar Manager");
  await expect(page.getByRole("row", { name: /Yan Li/ })).toContainText("Lead Designer"); // what the second, shown plan said

  // Structure: a loop is refused, a valid manager change is saved.
  await page.goto("/people?q=Maya");
  await page.getByRole("link", { name: "Maya Manager" }).click();
  const mgr = page.getByRole("form", { name: "Change manager" });
  await mgr.getByLabel("Manager").selectOption({ label: "Eli Employee" });
  await mgr.getByRole("button", { name: "Change manager" }).click();
  await expect(mgr).toContainText("That would create a loop");
  await page.goto("/people?q=Yan");
  await page.getByRole("link", { name: "Yan Li" }).click();
  await mgr.getByLabel("Manager").selectOption({ label: "Maya Manager" });
  await mgr.getByRole("button", { name: "Change manager" }).click();
  await expect(mgr.getByRole("status")).toContainText("Manager changed.");
  await expect(page.getByText("reports to Maya Manager")).toBeVisible();

  // Settings are validated: the notice line cannot come after the warning line.
  await page.goto("/settings");
  const settings = page.getByRole("form", { name: "Radar thresholds" });
  await settings.getByLabel("Role notice (months)").fill("30");
  await settings.getByRole("button", { name: "Save settings" }).click();
  await expect(settings).toContainText("The notice threshold must not be later than the warning threshold.");
  // A rust score is an average (3.7), so the alert takes half points; anything else is named at its field,
  // not in the browser's own pop-up.
  await settings.getByLabel("Role notice (months)").fill("15");
  const alertAt = settings.getByLabel("Pulse alert (rust score 1–5)");
  await alertAt.fill("3.7");
  await settings.getByRole("button", { name: "Save settings" }).click();
  await expect(alertAt).toHaveAccessibleDescription(/Use whole or half points, e\.g\. 4 or 3\.5\./);
  await expect(alertAt).toBeFocused();
  await alertAt.fill("3.5");
  await settings.getByRole("button", { name: "Save settings" }).click();
  await expect(settings.getByRole("status")).toHaveText("Settings saved. The radar uses them from now on.");
  await expect(settings.getByLabel("Pulse alert (rust score 1–5)")).toHaveValue("3.5");
  await settings.getByLabel("Pulse alert (rust score 1–5)").fill("4");
  await settings.getByRole("button", { name: "Save settings" }).click();
  await expect(settings.getByLabel("Pulse alert (rust score 1–5)")).toHaveValue("4");
});

test("an invitation sent by mistake is revoked: its link stops working at once", async ({ page }) => {
  await signIn(page, "ada@acme.example", { to: "/admin/people" });
  const invite = page.getByRole("form", { name: "Invite someone" });
  const email = `typo.${Date.now()}@acme.example`;
  await invite.getByLabel("Email").fill(email);
  await invite.getByLabel("Name").fill("Typo Person");
  await invite.getByLabel("Role").selectOption({ label: "Admin" });
  await invite.getByRole("button", { name: "Create invitation link" }).click();
  const firstLink = await invite.getByLabel("Invitation link").inputValue();
  await expect(invite.getByRole("status")).not.toContainText("stopped working");
  // Invited again (as a member this time): the answer says the first link is dead, not just "created" again.
  await invite.getByLabel("Email").fill(email);
  await invite.getByLabel("Name").fill("Typo Person");
  await invite.getByRole("button", { name: "Create invitation link" }).click();
  await expect(invite.getByRole("status")).toContainText(`The earlier link for ${email} has stopped working`);
  const link = await invite.getByLabel("Invitation link").inputValue();
  expect(link).not.toBe(firstLink);
  const pending = page.getByRole("list", { name: "Pending invitations" });
  await expect(pending.getByRole("listitem").filter({ hasText: email })).toHaveCount(1);

  // By keyboard, with a confirmation; the row goes and focus lands on the list's heading.
  const revoke = pending.getByRole("button", { name: `Revoke the invitation for Typo Person (${email})` });
  await revoke.focus();
  page.once("dialog", (d) => void d.accept());
  await page.keyboard.press("Enter");
  await expect(pending.getByRole("listitem").filter({ hasText: email })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Pending invitations" })).toBeFocused();
  // The revoked link is no longer offered for copying above.
  await expect(invite.getByLabel("Invitation link")).toHaveCount(0);
  await expect(invite.getByRole("status")).toHaveText(`You revoked the invitation for ${email}: its link no longer works.`);
  await signOut(page);
  await page.goto(new URL(link).pathname);
  await expect(page.getByRole("heading", { name: "Invitation not valid" })).toBeVisible();
  await expect(page.getByText("An admin of Acme Robotics revoked this invitation, so the link no longer works.")).toBeVisible();
  await page.goto(new URL(firstLink).pathname);
  await expect(page.getByText("Acme Robotics sent a newer invitation to this address, and this link stopped working.")).toBeVisible();
});

test("Ada's invitation with a missing name or a mistyped email is named at the field, not in the browser's pop-up", async ({ page }) => {
  await signIn(page, "ada@acme.example", { to: "/admin/people" });
  const invite = page.getByRole("form", { name: "Invite someone" });
  await invite.getByRole("button", { name: "Create invitation link" }).click();
  const email = invite.getByLabel("Email");
  await expect(email).toHaveAccessibleDescription("Enter their email address.");
  await expect(invite.getByLabel("Name")).toHaveAccessibleDescription("Enter their name.");
  await expect(email).toBeFocused();
  await expect(invite.getByRole("alert")).toHaveText("Some fields need attention.");
  // A mistyped address keeps the name typed beside it.
  await email.fill("rue@");
  await invite.getByLabel("Name").fill("Rue Lind");
  await invite.getByRole("button", { name: "Create invitation link" }).click();
  await expect(email).toHaveAccessibleDescription("Enter a valid email address.");
  await expect(invite.getByLabel("Name")).not.toHaveAttribute("aria-invalid", "true");
  await expect(invite.getByLabel("Name")).toHaveValue("Rue Lind");
  await expect(email).toBeFocused();
});

test("an invited person sets a password through the link and signs in", async ({ page }) => {
  await signIn(page, "ada@acme.example", { to: "/admin/people" });
  const invite = page.getByRole("form", { name: "Invite someone" });
  const email = `quinn.${Date.now()}@acme.example`;
  await invite.getByLabel("Email").fill(email);
  await invite.getByLabel("Name").fill("Quinn Rivera");
  await invite.getByLabel("Manager").selectOption({ label: "Omar Manager" });
  await invite.getByRole("button", { name: "Create invitation link" }).click();
  const link = await invite.getByLabel("Invitation link").inputValue();
  // No SMTP_URL in this run: the page says to send the link by hand.
  await expect(invite.getByRole("status")).toContainText("Copy this link and send it to them");
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{40,}$/);
  // One press copies the whole link (on a phone the small read-only field was hard to select).
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await invite.getByRole("button", { name: "Copy link" }).click();
  await expect(invite.getByText("Copied.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await signOut(page);

  await page.goto(new URL(link).pathname);
  await expect(page.getByRole("heading", { name: "Join Acme Robotics" })).toBeVisible();
  const form = page.getByRole("form", { name: "Set your password" });
  await form.getByLabel("Password", { exact: true }).fill("quinn-password-1");
  await form.getByLabel("Repeat password").fill("quinn-password-2");
  await form.getByRole("button", { name: "Join" }).click();
  await expect(form).toContainText("The passwords don't match.");
  await form.getByLabel("Password", { exact: true }).fill("quinn-password-1");
  await form.getByLabel("Repeat password").fill("quinn-password-1");
  await form.getByRole("button", { name: "Join" }).click();
  // Joining signs her in with the password she just set, and she can sign in with it again later.
  await expect(page.getByTestId("viewer-name")).toHaveText("Quinn Rivera");
  await signOut(page);
  await signIn(page, email, "quinn-password-1");
  await expect(page.getByTestId("viewer-name")).toHaveText("Quinn Rivera");
  // The link works once, and says so.
  await page.goto(new URL(link).pathname);
  await expect(page.getByRole("heading", { name: "Invitation not valid" })).toBeVisible();
  await expect(page.getByText("This link was already used to join.")).toBeVisible();

  // Omar's new report has no 1:1 yet, and no flag for it while she is new: her card offers to schedule the first.
  await page.context().clearCookies();
  await signIn(page, "omar@acme.example", { to: "/team" });
  const quinn = card(page, "Quinn Rivera");
  await expect(quinn).toContainText("Next 1:1: not scheduled · Schedule one");
  await quinn.getByRole("link", { name: "Schedule one with Quinn Rivera" }).click();
  await expect(page.getByRole("form", { name: "Schedule the next 1:1" })).toBeVisible();
});

test("Maya edits Fatima's rotation inline: a field error keeps what she typed, then the new end date shows", async ({ page }) => {
  await signIn(page, "maya@acme.example");
  await card(page, "Fatima Haddad").getByRole("link", { name: "Fatima Haddad" }).click();
  const rotations = page.getByRole("list", { name: "Rotations" });
  await expect(rotations).toContainText("Data Platform (streaming ingestion)");
  await rotations.getByRole("button", { name: "Edit rotation with Data Platform (streaming ingestion)" }).click();
  const form = page.getByRole("form", { name: "Edit rotation with Data Platform (streaming ingestion)" });
  await expect(form.getByLabel("Host team or project")).toBeFocused();
  // Escape closes the form and puts focus back on its Edit button.
  await page.keyboard.press("Escape");
  await expect(form).toHaveCount(0);
  await expect(rotations.getByRole("button", { name: "Edit rotation with Data Platform (streaming ingestion)" })).toBeFocused();
  await page.keyboard.press("Enter");
  await form.getByLabel("Host team or project").fill("Data Platform (ingestion)");
  await form.getByLabel("Planned end").fill("2001-01-01");
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(form).toContainText("The planned end is before the start.");
  await expect(form.getByLabel("Host team or project")).toHaveValue("Data Platform (ingestion)");
  await form.getByLabel("Planned end").fill("2099-06-30");
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(rotations).toContainText("planned until 30 Jun 2099");
  await expect(rotations).toContainText("Data Platform (ingestion)");
  await expect(form).toHaveCount(0);
});

test("Maya plans a rotation for Eli that starts next month: it cannot be marked active until it starts", async ({ page }) => {
  await signIn(page, "maya@acme.example");
  await card(page, "Eli Employee").getByRole("link", { name: "Eli Employee" }).click();
  await page.getByRole("button", { name: "Plan a rotation" }).click();
  const form = page.getByRole("form", { name: "Plan a rotation" });
  const start = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  await form.getByLabel("Host team or project").fill("Payments");
  await form.getByLabel("Status").selectOption("active");
  await form.getByLabel("Start").fill(start);
  await form.getByRole("button", { name: "Save rotation" }).click();
  await expect(form.getByLabel("Status")).toHaveAccessibleDescription(/^It starts on .+: mark it planned until then\.$/);
  await expect(page.getByRole("list", { name: "Rotations" })).toHaveCount(0);
  await form.getByLabel("Status").selectOption("planned");
  await form.getByRole("button", { name: "Save rotation" }).click();
  const rotations = page.getByRole("list", { name: "Rotations" });
  await expect(rotations).toContainText("Payments");
  await expect(rotations).toContainText("planned");
  await expect(rotations).toContainText("Can be started from");
  await expect(rotations.getByRole("button", { name: "Start rotation with Payments" })).toHaveCount(0);
  // A win cannot come from it yet: the plan's win form does not offer it, and the API refuses it at the field.
  const eliId = /\/people\/([0-9a-f-]{36})/.exec(page.url())![1]!;
  await page.goto(`/people/${eliId}/plan`);
  await page.getByRole("button", { name: /^(Add|Record) a win/ }).first().click();
  const link = page.getByRole("form", { name: "New win" }).getByLabel("Linked to");
  await expect(link.locator("option", { hasText: "Rotation: Payments" })).toHaveCount(0);
  await expect(link.locator("option", { hasText: "The purpose" })).toHaveCount(1);
  const rotation = (await (await page.request.get(`/api/v1/people/${eliId}/rotations`)).json()).items.find((r: { host: string }) => r.host === "Payments");
  const refused = await page.request.post(`/api/v1/people/${eliId}/wins`, { data: { title: "Too early", occurredOn: new Date().toISOString().slice(0, 10), rotationId: rotation.id, linksPurpose: false } });
  expect(refused.status()).toBe(422);
  expect((await refused.json()).error.fields.rotationId).toEqual(["The rotation with Payments has not started yet: link the win to it once it has."]);
});

test("Ada deactivates Fatima, who then cannot sign in, and reactivates her", async ({ page, browser }) => {
  await signIn(page, "ada@acme.example", { to: "/people?q=Fatima" });
  await page.getByRole("link", { name: "Fatima Haddad" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Fatima Haddad" })).toBeVisible();
  await expect(page.getByText("Deactivated", { exact: true })).toHaveCount(0);
  await page.getByRole("button", { name: "Deactivate…" }).click();
  // Access to this organization: someone also in another one keeps it, so "cannot sign in" is not said.
  const confirm = page.getByRole("form", { name: "Confirm deactivation" });
  await expect(confirm).toContainText("Deactivate Fatima Haddad? They lose access to Acme Robotics at once.");
  await expect(confirm).not.toContainText("sign in");
  await page.getByRole("button", { name: "Yes, deactivate" }).click();
  const reactivate = page.getByRole("form", { name: "Reactivate" });
  await expect(reactivate).toContainText("Fatima Haddad is deactivated: no access to Acme Robotics.");
  // Said at the top of her page, not only beside Reactivate at the bottom.
  await page.reload();
  await expect(page.getByText("Deactivated", { exact: true })).toBeVisible();
  await expect(page.getByText(/^Deactivated: no access to Acme Robotics until an admin reactivates them/)).toBeVisible();
  // Nothing new is planned with someone who has left; what is on record stays correctable.
  await expect(page.getByRole("button", { name: "Add role event" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Plan a rotation" })).toHaveCount(0);
  await expect(page.getByText("Reactivate Fatima Haddad to record a new role change.")).toBeVisible();
  await expect(page.getByText("Reactivate Fatima Haddad to plan a rotation.")).toBeVisible();
  await expect(page.getByRole("list", { name: "Role timeline" }).getByRole("button", { name: /^Edit/ }).first()).toBeVisible();

  const other = await browser.newContext();
  const fatima = await other.newPage();
  const tryToSignIn = async () => {
    await fatima.goto("/login");
    await fatima.getByLabel("Email").fill("fatima@acme.example");
    await fatima.getByLabel("Password").fill("reignite-demo");
    await fatima.getByRole("button", { name: "Sign in" }).click();
  };
  await tryToSignIn();
  await expect(fatima.getByRole("form", { name: "Sign in" }).getByRole("alert")).toBeVisible();
  await expect(fatima).toHaveURL(/\/login/);

  await reactivate.getByRole("button", { name: "Reactivate Fatima Haddad" }).click();
  await expect(page.getByRole("button", { name: "Deactivate…" })).toBeVisible();
  await expect(page.getByText("Deactivated", { exact: true })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Plan a rotation" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Add role event" })).toBeVisible();
  await tryToSignIn();
  await expect(fatima).not.toHaveURL(/\/login/);
  await expect(fatima.getByTestId("viewer-name")).toHaveText("Fatima Haddad");
  await other.close();
});

test("Maya's /team gives each 1:1 the day of the browser's own time zone, not the server's", async ({ browser }) => {
  // Where the server (UTC) and the browser disagree on the day: +14 h moves an instant from 10:00 UTC on to the next
  // day, −11 h moves one before 11:00 UTC back to the day before. Whichever the demo's 1:1 needs.
  const probe = await browser.newContext();
  const p = await probe.newPage();
  await signIn(p, "maya@acme.example");
  const next = card(p, "Eli Employee").getByText("Next 1:1:").locator("xpath=..").locator("time");
  const iso = (await next.getAttribute("datetime"))!;
  await probe.close();
  const timezoneId = new Date(iso).getUTCHours() >= 10 ? "Pacific/Kiritimati" : "Pacific/Pago_Pago";
  const inZone = (d: Date) => new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: timezoneId }).format(d);
  const dayNumber = (d: Date) => {
    const [y, m, day] = new Intl.DateTimeFormat("en-CA", { timeZone: timezoneId }).format(d).split("-").map(Number);
    return Date.UTC(y!, m! - 1, day!) / 86_400_000;
  };
  expect(inZone(new Date(iso))).not.toBe(new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(iso)));

  const ctx = await browser.newContext({ timezoneId });
  const page = await ctx.newPage();
  await signIn(page, "maya@acme.example");
  const days = dayNumber(new Date(iso)) - dayNumber(new Date());
  const relative = days === 0 ? "today" : days > 0 ? `in ${days} day${days === 1 ? "" : "s"}` : `${-days} day${days === -1 ? "" : "s"} ago`;
  await expect(card(page, "Eli Employee").locator(`time[datetime="${iso}"]`)).toHaveText(`${inZone(new Date(iso))} (${relative})`);
  await ctx.close();
});

test("a 1:1 gone by that nobody marked held is still Hiro's next on /team, as on his page, and says it is not marked held", async ({ browser }) => {
  const [hiro, maya] = await Promise.all([personIdOf("hiro@acme.example"), personIdOf("maya@acme.example")]);
  const at = new Date(Date.now() - 3 * 3_600_000);
  const id = await withE2eSql(async (sql) => {
    const made = await sql<{ id: string }[]>`insert into meetings (org_id, manager_id, report_id, scheduled_at)
      select org_id, ${maya}, id, ${at.toISOString()}::timestamptz from memberships where id = ${hiro} returning id`;
    return made[0]!.id;
  });
  try {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await signIn(page, "maya@acme.example");
    const next = card(page, "Hiro Tanaka").getByText("Next 1:1:").locator("xpath=..");
    await expect(next.locator(`time[datetime="${at.toISOString()}"]`)).toContainText(", not marked held yet)");
    await ctx.close();
  } finally {
    await withE2eSql((sql) => sql`delete from meetings where id = ${id}`);
  }
});

test("Ada corrects a misspelt title without restarting time in role; a real title change still restarts it", async ({ page }) => {
  await signIn(page, "ada@acme.example", { to: "/people?q=Pablo" });
  await page.getByRole("link", { name: /^Pablo/ }).click();
  const since = (await page.getByText(/^In current role since/).textContent())!;
  const form = page.getByRole("form", { name: "Change title or team" });
  // A promotion that has not happened yet is not the directory's title yet: refused at the date, nothing changed.
  const inTwoDays = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  await form.getByLabel("Title").fill("Senoir Designer");
  await form.getByLabel("Effective date").fill(inTwoDays);
  await form.getByRole("button", { name: "Save title and team" }).click();
  await expect(form.getByLabel("Effective date")).toHaveAccessibleDescription(/is in the future: change the title or team once the change has happened/);
  await expect(page.getByText(/^In current role since/)).toHaveText(since);
  await expect(page.getByRole("list", { name: "Role timeline" })).not.toContainText("Senoir");
  await form.getByLabel("Effective date").fill("");
  await form.getByRole("button", { name: "Save title and team" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved: title changed, recorded on the timeline.");
  await expect(page.getByText(/^In current role since/)).not.toHaveText(since);
  const restarted = (await page.getByText(/^In current role since/).textContent())!;

  // The typo is put right as a correction: the same event now says the right title, and time in role goes on.
  await form.getByLabel("Title").fill("Senior Designer");
  await form.getByLabel("Only a spelling correction, not a new role").check();
  await form.getByRole("button", { name: "Save title and team" }).click();
  await expect(form.getByRole("status")).toHaveText("Corrected: title, here and on the timeline; time in role is unchanged.");
  await expect(form.getByLabel("Only a spelling correction, not a new role")).not.toBeChecked();
  const timeline = page.getByRole("list", { name: "Role timeline" });
  await expect(timeline).toContainText("Senior Designer");
  await expect(timeline).not.toContainText("Senoir");
  await expect(page.getByText(/^In current role since/)).toHaveText(restarted);
});

test("Omar records Leo's promotion on the timeline; the page says the directory is behind, and Ada takes the new title with one click", async ({ browser }) => {
  const leoId = await personIdOf("leo@acme.example");
  const omar = await signedIn(browser, "omar@acme.example");
  await go(omar.page, `/people/${leoId}`);
  await expect(omar.page.getByRole("region", { name: "The directory is behind the role timeline" })).toHaveCount(0);
  await omar.page.getByRole("button", { name: "Add role event" }).click();
  const form = omar.page.getByRole("form", { name: "Add role event" });
  await form.getByLabel("What changed").selectOption("promotion");
  await form.getByLabel("New title").fill("Senior Backend Engineer");
  await form.getByLabel("Description").fill("Promoted after leading the queue migration");
  await form.getByRole("button", { name: "Save event" }).click();
  const notice = omar.page.getByRole("region", { name: "The directory is behind the role timeline" });
  await expect(notice).toContainText("The timeline records the title “Senior Backend Engineer”");
  await expect(notice).toContainText("An admin updates the directory");
  await expect(notice.getByRole("button")).toHaveCount(0);
  await omar.close();

  const ada = await signedIn(browser, "ada@acme.example");
  await go(ada.page, `/people/${leoId}`);
  const adaNotice = ada.page.getByRole("region", { name: "The directory is behind the role timeline" });
  await adaNotice.getByRole("button", { name: "Use the timeline’s title" }).click();
  await expect(ada.page.getByText(/^Senior Backend Engineer · /)).toBeVisible();
  await expect(adaNotice).toHaveCount(0);
  await go(ada.page, "/people?q=Leo");
  await expect(ada.page.getByRole("row", { name: /Leo Fischer/ })).toContainText("Senior Backend Engineer");
  await ada.close();
});

test("Ada in two tabs: a title/team or manager change from the tab opened first is refused at the form, keeps what she typed and shows what is saved", async ({ browser }) => {
  const meiId = await personIdOf("mei@acme.example");
  const tab1 = await signedIn(browser, "ada@acme.example");
  const tab2 = await signedIn(browser, "ada@acme.example");
  await go(tab1.page, `/people/${meiId}`);
  await go(tab2.page, `/people/${meiId}`);
  const titleTeam = (p: Page) => p.getByRole("form", { name: "Change title or team" });
  const manager = (p: Page) => p.getByRole("form", { name: "Change manager" });
  await expect(titleTeam(tab2.page).getByLabel("Title")).toHaveValue("Mobile Engineer");

  // Tab 1: a new title, then a new manager.
  await titleTeam(tab1.page).getByLabel("Title").fill("Senior Mobile Engineer");
  await titleTeam(tab1.page).getByRole("button", { name: "Save title and team" }).click();
  await expect(titleTeam(tab1.page).getByRole("status")).toHaveText("Saved: title changed, recorded on the timeline.");
  await manager(tab1.page).getByLabel("Manager").selectOption({ label: "Maya Manager" });
  await manager(tab1.page).getByRole("button", { name: "Change manager" }).click();
  await expect(manager(tab1.page).getByRole("status")).toHaveText("Manager changed.");
  await tab1.close();

  // Tab 2, loaded before, changes only the team: refused, nothing written.
  const form = titleTeam(tab2.page);
  await form.getByLabel("Team").fill("Platform");
  await form.getByRole("button", { name: "Save title and team" }).click();
  await expect(form.getByRole("alert")).toHaveText("Someone changed this person's title or team meanwhile: now Senior Mobile Engineer / Mobile. Nothing was saved.");
  // What she typed stays; the field she left shows the title saved now, and says so.
  await expect(form.getByLabel("Team")).toHaveValue("Platform");
  await expect(form.getByLabel("Title")).toHaveValue("Senior Mobile Engineer");
  await expect(form.getByLabel("Title")).toHaveAccessibleDescription("Someone else changed this from “Mobile Engineer” to “Senior Mobile Engineer” meanwhile.");

  // The manager from tab 2 likewise: who it is now, her choice still selected, nothing written.
  const mgr = manager(tab2.page);
  await mgr.getByLabel("Manager").selectOption({ label: "Dana Director" });
  await mgr.getByRole("button", { name: "Change manager" }).click();
  await expect(mgr.getByRole("alert")).toHaveText("Someone changed this person's manager meanwhile: they now report to Maya Manager. Nothing was saved.");
  await expect(mgr.getByLabel("Manager")).toHaveAccessibleDescription(/^Saved meanwhile: Maya Manager\./);
  await expect(mgr.getByLabel("Manager")).toHaveValue(await mgr.getByRole("option", { name: "Dana Director" }).getAttribute("value") as string);

  // Saved again, the team change goes on from what is saved now: the title stays, no "Title changed to Mobile Engineer".
  await form.getByRole("button", { name: "Save title and team" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved: team changed, recorded on the timeline.");
  await expect(tab2.page.getByText(/^Senior Mobile Engineer · Platform · reports to Maya Manager/)).toBeVisible();
  const timeline = tab2.page.getByRole("list", { name: "Role timeline" });
  await expect(timeline).toContainText("Title changed to Senior Mobile Engineer");
  await expect(timeline).toContainText("Moved to team Platform");
  await expect(timeline).not.toContainText("Title changed to Mobile Engineer");
  // And the manager, chosen again knowing it is Maya now, is saved.
  await mgr.getByLabel("Manager").selectOption({ label: "Dana Director" });
  await mgr.getByRole("button", { name: "Change manager" }).click();
  await expect(mgr.getByRole("status")).toHaveText("Manager changed.");
  await expect(tab2.page.getByText(/reports to Dana Director/)).toBeVisible();
  await tab2.close();
});

test("Ada in two tabs on /settings: the tab opened first keeps what she typed beside the value saved meanwhile", async ({ browser }) => {
  const tab1 = await signedIn(browser, "ada@acme.example");
  const tab2 = await signedIn(browser, "ada@acme.example");
  await go(tab1.page, "/settings");
  await go(tab2.page, "/settings");
  const form = (p: Page) => p.getByRole("form", { name: "Radar thresholds" });
  const notice0 = await form(tab2.page).getByLabel("Role notice (months)").inputValue();
  const gap0 = await form(tab2.page).getByLabel("Learning gap (months)").inputValue();
  const notice1 = notice0 === "13" ? "14" : "13";
  expect([gap0]).not.toContain("7");
  const gap1 = gap0 === "9" ? "10" : "9";

  await form(tab1.page).getByLabel("Role notice (months)").fill(notice1);
  await form(tab1.page).getByLabel("Learning gap (months)").fill(gap1);
  await form(tab1.page).getByRole("button", { name: "Save settings" }).click();
  await expect(form(tab1.page).getByRole("status")).toHaveText("Settings saved. The radar uses them from now on.");

  const settings = form(tab2.page);
  await settings.getByLabel("Learning gap (months)").fill("7");
  await settings.getByRole("button", { name: "Save settings" }).click();
  await expect(settings.getByRole("alert")).toHaveText("Someone else saved the settings in the meantime, so nothing was saved.");
  // Typed here: kept, with what tab 1 saved beside it. Left alone: tab 1's value, said so.
  await expect(settings.getByLabel("Learning gap (months)")).toHaveValue("7");
  await expect(settings.getByLabel("Learning gap (months)")).toHaveAccessibleDescription(new RegExp(`^Someone else saved ${gap1} here meanwhile; your 7 is kept\\.`));
  await expect(settings.getByLabel("Role notice (months)")).toHaveValue(notice1);
  await expect(settings.getByLabel("Role notice (months)")).toHaveAccessibleDescription(new RegExp(`^Someone else changed this from ${notice0} to ${notice1} meanwhile\\.`));

  // Saved again: hers where she typed, tab 1's elsewhere.
  await settings.getByRole("button", { name: "Save settings" }).click();
  await expect(settings.getByRole("status")).toHaveText("Settings saved. The radar uses them from now on.");
  await tab1.page.reload();
  await expect(form(tab1.page).getByLabel("Learning gap (months)")).toHaveValue("7");
  await expect(form(tab1.page).getByLabel("Role notice (months)")).toHaveValue(notice1);
  await tab1.close();
  await tab2.close();
});

test("Maya records a rotation Jonah has finished: it cannot end in the future, and its end goes on his timeline", async ({ page }) => {
  await signIn(page, "maya@acme.example");
  await card(page, "Jonah Becker").getByRole("link", { name: "Jonah Becker" }).click();
  await page.getByRole("button", { name: "Plan a rotation" }).click();
  const form = page.getByRole("form", { name: "Plan a rotation" });
  const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  await form.getByLabel("Host team or project").fill("Data platform");
  await form.getByLabel("Status").selectOption("done");
  await form.getByLabel("Start").fill(day(-90));
  // Its planned end is still ahead: saved done, that put a "Rotation end" months ahead on the timeline.
  await form.getByLabel("Planned end").fill(day(30));
  await form.getByRole("button", { name: "Save rotation" }).click();
  await expect(form.getByLabel("Planned end")).toHaveAccessibleDescription(/ended today or earlier/);
  await expect(form.getByLabel("Host team or project")).toHaveValue("Data platform");
  await form.getByLabel("Planned end").fill(day(-10));
  await form.getByRole("button", { name: "Save rotation" }).click();
  await expect(page.getByRole("list", { name: "Rotations" })).toContainText("Data platform");
  await expect(page.getByRole("list", { name: "Role timeline" })).toContainText("Rotation end");
});
