import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { signIn, signOut } from "./support/auth";
import { personIdOf, withE2eSql } from "./support/db";
import { resetDemoData } from "./support/reset";

const GOAL = "Pilot contract testing with the Mobile team";
const WIN = "First contract test running in CI";

test.beforeAll(async () => {
  await resetDemoData();
});

function goalCard(page: Page) {
  return page.getByRole("article", { name: GOAL });
}

test("the shared growth plan: Eli, his manager Maya and skip-level Dana", async ({ page }) => {
  // Eli revisits his purpose and proposes a stretch goal.
  await signIn(page, "eli@acme.example", { to: "/me" });
  await page.getByRole("button", { name: "Edit purpose" }).click();
  const purpose = page.getByRole("form", { name: "Purpose" });
  await purpose.getByLabel("What impact do you want to make?").fill("Feedback in seconds, for every team.");
  await purpose.getByRole("button", { name: "Save purpose" }).click();
  await expect(purpose).toBeHidden();
  await expect(page.getByText("Feedback in seconds, for every team.", { exact: true })).toBeVisible();
  await expect(page.getByText("How it changed (2 earlier versions)")).toBeVisible();
  // The plan speaks to whoever reads it: Eli here, Maya and Dana below.
  await expect(page.getByText("What you can do, whether the role uses it")).toBeVisible();
  await expect(page.getByText("How your role has changed over time. Your manager keeps this up to date.")).toBeVisible();

  await page.getByRole("button", { name: "Propose a stretch goal" }).click();
  const newGoal = page.getByRole("form", { name: "New stretch goal" });
  await newGoal.getByRole("button", { name: "Add goal" }).click();
  await expect(newGoal.getByText("Enter a title.")).toBeVisible(); // field error, nothing lost
  await newGoal.getByLabel("Title").fill(GOAL);
  await newGoal.getByLabel("Description").fill("Consumer-driven contracts for the payments API.");
  await newGoal.getByLabel("Category").selectOption({ label: "Cross-functional project" });
  await newGoal.getByLabel("Serves the purpose").check();
  await newGoal.getByRole("button", { name: "Add goal" }).click();
  await expect(goalCard(page)).toBeVisible();
  await expect(goalCard(page).getByText("Proposed", { exact: true })).toBeVisible();

  // Two skills go unused (one click each).
  await page.getByRole("button", { name: "Mark Go as not used" }).click();
  await expect(page.getByRole("button", { name: "Mark Go as used" })).toBeVisible();
  await page.getByRole("button", { name: "Mark PostgreSQL performance tuning as not used" }).click();
  await expect(page.getByRole("heading", { name: "Not used in the current role (2)" })).toBeVisible();
  // Listing a skill twice is refused at its field, said once: the alert above points to the field instead of repeating it.
  await page.getByRole("button", { name: "Add a skill" }).click();
  const newSkill = page.getByRole("form", { name: "New skill" });
  await newSkill.getByLabel("Skill").fill("go");
  await newSkill.getByRole("button", { name: "Add skill" }).click();
  await expect(newSkill.getByLabel("Skill")).toHaveAccessibleDescription('"Go" is already listed, under "Not used in the current role".');
  await expect(newSkill.getByRole("alert")).toHaveText("One field needs attention.");
  await expect(newSkill.getByText("is already listed")).toHaveCount(1);
  // Closed with Cancel, as every add form is (it said "Done").
  await newSkill.getByRole("button", { name: "Cancel" }).click();
  await expect(newSkill).toHaveCount(0);

  // His data is his: the export holds his goals.
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download JSON" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^reignite-plan-eli-employee-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(readFileSync((await download.path())!, "utf8"));
  expect(exported.goals.map((g: { title: string }) => g.title)).toEqual(expect.arrayContaining([GOAL, "Ship the artifact cache for CI"]));
  const eliId: string = exported.person.id;
  const csv = await page.request.get(`/api/v1/people/${eliId}/plan?format=csv`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-disposition"]).toContain("attachment");
  expect(await csv.text()).toContain(`"goal","${GOAL}","Proposed","Cross-functional project · serves the purpose"`);
  expect([...(await csv.body()).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 byte-order mark, for spreadsheets
  await signOut(page);

  // Maya sees the proposal, makes it active, adds progress and celebrates a win.
  await signIn(page, "maya@acme.example", { to: `/people/${eliId}/plan` });
  await expect(page.getByRole("heading", { name: "Eli Employee’s growth plan" })).toBeVisible();
  await expect(page.getByText("What Eli can do, whether the role uses it, and what they want to build.")).toBeVisible();
  await expect(page.getByText("What you can do")).toHaveCount(0);
  await expect(page.getByText("Your manager keeps this up to date")).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Rotations and role timeline" }).getByRole("link", { name: "Eli's page" })).toHaveAttribute("href", `/people/${eliId}`);
  await goalCard(page).getByRole("button", { name: `Edit ${GOAL}` }).click();
  const edit = page.getByRole("form", { name: `Edit ${GOAL}` });
  await edit.getByLabel("Status").selectOption({ label: "Active" });
  await edit.getByRole("button", { name: "Save goal" }).click();
  await expect(edit).toBeHidden();
  await expect(goalCard(page).getByText("Active", { exact: true })).toBeVisible();
  const update = goalCard(page).getByRole("form", { name: `Progress update for ${GOAL}` });
  await update.getByLabel("What happened").fill("Kick-off with Mobile done; first consumer contract drafted.");
  await update.getByLabel("Progress %").fill("30");
  // Meanwhile Eli, in his own window, sets the progress to 15%: Maya's 30% is refused, not written over his, and her
  // update stays in the form; the card catches up with his. Sent again, hers goes through.
  const [saved] = await withE2eSql((sql) => sql<{ id: string; version: number }[]>`select id, version from stretch_goals where title = ${GOAL}`);
  await withE2eSql((sql) => sql`update stretch_goals set progress = 15, version = version + 1 where id = ${saved!.id}`);
  await update.getByRole("button", { name: "Add update" }).click();
  await expect(update.getByRole("alert")).toContainText("its progress is now 15%. Your update was not added; it is still in the form");
  await expect(update.getByLabel("What happened")).toHaveValue("Kick-off with Mobile done; first consumer contract drafted.");
  await expect(goalCard(page).getByRole("progressbar", { name: `Progress of ${GOAL}` })).toHaveAttribute("aria-valuenow", "15");
  await update.getByRole("button", { name: "Add update" }).click();
  await expect(goalCard(page).getByText("Kick-off with Mobile done; first consumer contract drafted.")).toBeVisible();
  await expect(goalCard(page).getByRole("progressbar", { name: `Progress of ${GOAL}` })).toHaveAttribute("aria-valuenow", "30");

  await page.getByRole("button", { name: "Record a win" }).click();
  const win = page.getByRole("form", { name: "New win" });
  await win.getByLabel("Title").fill(WIN);
  await win.getByLabel("Linked to").selectOption({ label: `Goal: ${GOAL}` });
  await win.getByRole("button", { name: "Add win" }).click();
  await expect(page.getByRole("article", { name: `Win: ${WIN}` })).toContainText(`Moves the goal “${GOAL}”`);
  // Deleting the goal would take its progress update with it and leave the win unlinked: the confirmation says so.
  // Dismissed, nothing changes.
  const confirmed = new Promise<string>((resolve) => page.once("dialog", (d) => void d.dismiss().then(() => resolve(d.message()))));
  await goalCard(page).getByRole("button", { name: `Delete goal ${GOAL}` }).click();
  expect(await confirmed).toBe(`Delete goal ${GOAL}? Its progress update is deleted with it. The win linked to it stays, no longer linked to a goal.`);
  await expect(goalCard(page)).toBeVisible();

  // Her plan-at-a-glance shows the unused skills with the radar's sentence.
  const glance = page.getByRole("region", { name: "Plan at a glance" });
  await expect(glance.locator('[data-flag="skills_unused"]')).toContainText("2 skills unused in current role: Go, PostgreSQL performance tuning");
  await expect(glance).toContainText("27 mo");
  await expect(glance).toContainText(GOAL);
  await signOut(page);

  // Eli sees the win Maya recorded.
  await signIn(page, "eli@acme.example", { to: "/me" });
  const eliWin = page.getByRole("article", { name: `Win: ${WIN}` });
  await expect(eliWin).toContainText("celebrated by Maya Manager");
  await signOut(page);

  // Dana (skip-level) reads the plan without any edit control; a direct write is refused.
  await signIn(page, "dana@acme.example", { to: `/people/${eliId}/plan` });
  await expect(goalCard(page)).toBeVisible();
  await expect(page.getByText("Read-only: you see this as a skip-level manager")).toBeVisible();
  await expect(page.getByText("How Eli's role has changed over time. Eli's manager keeps this up to date.")).toBeVisible();
  const main = page.locator("main");
  await expect(main.getByRole("button", { name: /edit|delete|add|record|propose|mark|write/i })).toHaveCount(0);
  await expect(main.locator("form")).toHaveCount(0);
  const post = await page.request.post(`/api/v1/people/${eliId}/stretch-goals`, { data: { title: "Sneaky", category: "learning" } });
  expect(post.status()).toBe(403);
  const read = await page.request.get(`/api/v1/people/${eliId}/plan`);
  expect(read.status()).toBe(200);
  expect((await read.json()).canEdit).toBe(false);
  const goalId = (await read.json()).goals.find((g: { title: string }) => g.title === GOAL).id;
  const patch = await page.request.patch(`/api/v1/stretch-goals/${goalId}`, { data: { version: 1, title: "Hijacked" } });
  expect(patch.status()).toBe(403);
  const exportTry = await page.request.get(`/api/v1/people/${eliId}/plan?format=json`);
  expect(exportTry.status()).toBe(403);
  await signOut(page);

  // A peer manager gets nothing: the page and the API answer 404.
  await signIn(page, "omar@acme.example");
  const peerPage = await page.goto(`/people/${eliId}/plan`);
  expect(peerPage?.status()).toBe(404);
  expect((await page.request.get(`/api/v1/people/${eliId}/plan`)).status()).toBe(404);
  expect((await page.request.post(`/api/v1/people/${eliId}/wins`, { data: { title: "x", occurredOn: "2026-01-01", linksPurpose: true } })).status()).toBe(404);
});

test("the API: validation, stale versions and purpose history", async ({ page }) => {
  await signIn(page, "eli@acme.example");
  expect((await page.request.get("/api/v1/people/not-a-uuid/plan")).status()).toBe(404);
  // Find Eli's id through his own export link.
  await page.goto("/me");
  const href = await page.getByRole("link", { name: "Download JSON" }).getAttribute("href");
  const eliId = href!.split("/")[4]!;

  const bad = await page.request.post(`/api/v1/people/${eliId}/stretch-goals`, { data: { title: "", category: "nope" } });
  expect(bad.status()).toBe(422);
  expect(Object.keys((await bad.json()).error.fields)).toEqual(expect.arrayContaining(["title", "category"]));
  const wrongType = await page.request.post(`/api/v1/people/${eliId}/stretch-goals`, { headers: { "content-type": "text/plain" }, data: "x" });
  expect(wrongType.status()).toBe(415);

  const created = await page.request.post(`/api/v1/people/${eliId}/stretch-goals`, {
    data: { title: "Mentor a new hire", category: "mentoring", personId: "00000000-0000-4000-8000-000000000000", orgId: "x" },
  });
  expect(created.status()).toBe(201);
  const goal = await created.json();
  expect(goal).toMatchObject({ title: "Mentor a new hire", status: "proposed", version: 1 });
  const first = await page.request.patch(`/api/v1/stretch-goals/${goal.id}`, { data: { version: 1, status: "active" } });
  expect(first.status()).toBe(200);
  const stale = await page.request.patch(`/api/v1/stretch-goals/${goal.id}`, { data: { version: 1, title: "Stale" } });
  expect(stale.status()).toBe(409);
  expect((await stale.json()).error.current).toMatchObject({ status: "active", version: 2, title: "Mentor a new hire" });
  const upd = await page.request.post(`/api/v1/stretch-goals/${goal.id}/updates`, { data: { body: "Paired twice this week", progress: 25, version: 2 } });
  expect(upd.status()).toBe(201);
  expect((await upd.json()).goal.progress).toBe(25);

  const p0 = await (await page.request.get(`/api/v1/people/${eliId}/purpose`)).json();
  const put = await page.request.put(`/api/v1/people/${eliId}/purpose`, { data: { drewMe: "Builders", impact: "Fast CI", worthEffort: "Teaching", version: p0.current.version } });
  expect(put.status()).toBe(200);
  const p1 = await (await page.request.get(`/api/v1/people/${eliId}/purpose`)).json();
  expect(p1.history).toHaveLength(p0.history.length + 1);
  expect(p1.history[1].impact).toBe(p0.current.impact);
  const conflict = await page.request.put(`/api/v1/people/${eliId}/purpose`, { data: { drewMe: "x", impact: "", worthEffort: "", version: p0.current.version } });
  expect(conflict.status()).toBe(409);

  // In the browser: a save from elsewhere (here Eli's own API client, as another tab would) while Eli edits: he sees
  // its values, is told it was his other tab or window, and keeps his text.
  await page.goto("/me");
  const card = page.getByRole("article", { name: "Mentor a new hire" });
  await card.getByRole("button", { name: "Edit Mentor a new hire" }).click();
  const form = page.getByRole("form", { name: "Edit Mentor a new hire" });
  await form.getByLabel("Description").fill("Pair with Sam every Tuesday.");
  const current = await (await page.request.get(`/api/v1/people/${eliId}/stretch-goals`)).json();
  const v = current.find((g: { id: string }) => g.id === goal.id).version;
  expect((await page.request.patch(`/api/v1/stretch-goals/${goal.id}`, { data: { version: v, description: "Maya: pair on onboarding docs." } })).status()).toBe(200);
  await form.getByRole("button", { name: "Save goal" }).click();
  await expect(form.getByRole("alert")).toContainText("You saved a change in another tab or window first.");
  await expect(form.getByRole("alert")).toContainText("Maya: pair on onboarding docs.");
  await expect(form.getByLabel("Description")).toHaveValue("Pair with Sam every Tuesday.");
  await form.getByRole("button", { name: "Save goal" }).click();
  await expect(form).toBeHidden();
  await expect(card).toContainText("Pair with Sam every Tuesday.");

  // A delete says which version it read: without one it is refused (428) and nothing is deleted.
  const blind = await page.request.delete(`/api/v1/stretch-goals/${goal.id}`);
  expect(blind.status()).toBe(428);
  expect((await blind.json()).error).toMatchObject({ code: "version_required", fields: { version: [expect.any(String)] } });
  const saved = (await (await page.request.get(`/api/v1/people/${eliId}/stretch-goals`)).json()).find((g: { id: string }) => g.id === goal.id);
  const del = await page.request.delete(`/api/v1/stretch-goals/${goal.id}?version=${saved.version}`);
  expect(del.status()).toBe(204);
});

test("a stretch goal aims from today on; one past its date is marked and stays editable", async ({ page }) => {
  const TITLE = "Run the guild's first demo day";
  await signIn(page, "eli@acme.example", { to: "/me" });
  // The browser's own calendar decides "today", as the form sends it.
  const [yesterday, today] = await page.evaluate(() =>
    [-1, 0].map((offset) => {
      const d = new Date(Date.now() + offset * 86_400_000);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
    }),
  );
  await page.getByRole("button", { name: "Propose a stretch goal" }).first().click();
  const newGoal = page.getByRole("form", { name: "New stretch goal" });
  await newGoal.getByLabel("Title").fill(TITLE);
  await newGoal.getByLabel("Target date").fill(yesterday!);
  await newGoal.getByRole("button", { name: "Add goal" }).click();
  await expect(newGoal.getByLabel("Target date")).toHaveAccessibleDescription("Pick a target date from today on.");
  await expect(newGoal.getByLabel("Target date")).toHaveAttribute("aria-invalid", "true");
  await expect(newGoal.getByLabel("Title")).toHaveValue(TITLE);
  await newGoal.getByLabel("Target date").fill(today!);
  await newGoal.getByRole("button", { name: "Add goal" }).click();
  const card = page.getByRole("article", { name: TITLE });
  await expect(card).toBeVisible();
  await expect(card.getByText("Past its target date")).toHaveCount(0);

  // Weeks go by: the date passes while the goal is still open.
  await withE2eSql((sql) => sql`update stretch_goals set target_on = current_date - 21 where title = ${TITLE}`);
  await page.reload();
  await expect(card.getByText("Past its target date")).toBeVisible();
  await card.getByRole("button", { name: `Edit ${TITLE}` }).click();
  const edit = page.getByRole("form", { name: `Edit ${TITLE}` });
  await edit.getByLabel("Description").fill("Moved to the spring offsite.");
  await edit.getByRole("button", { name: "Save goal" }).click();
  await expect(edit).toBeHidden();
  await expect(card).toContainText("Moved to the spring offsite.");
  await expect(card.getByText("Past its target date")).toBeVisible();
});

test("a win is dated by the viewer's own calendar: from their today back, even when UTC's is a day later", async ({ browser }) => {
  // A zone whose date differs from UTC's right now: a day behind before 11:00 UTC, a day ahead after.
  const behind = new Date().getUTCHours() < 11;
  const timezoneId = behind ? "Etc/GMT+12" : "Pacific/Kiritimati";
  const localDay = (tz: string) => new Intl.DateTimeFormat("en-CA", { timeZone: tz }).format(new Date());
  const ctx = await browser.newContext({ timezoneId });
  const page = await ctx.newPage();
  await signIn(page, "eli@acme.example", { to: "/me" });
  const TITLE = `Demo day booked ${Date.now()}`;
  await page.getByRole("button", { name: "Record a win" }).first().click();
  const form = page.getByRole("form", { name: "New win" });
  await form.getByLabel("Title").fill(TITLE);
  await expect(form.getByLabel("Date")).toHaveValue(localDay(timezoneId));
  if (behind) {
    // UTC's today is still the viewer's tomorrow.
    await form.getByLabel("Date").fill(localDay("UTC"));
    await form.getByRole("button", { name: "Add win" }).click();
    await expect(form.getByLabel("Date")).toHaveAccessibleDescription("A win has already happened: pick today or an earlier date.");
    await expect(form.getByLabel("Title")).toHaveValue(TITLE);
    await form.getByLabel("Date").fill(localDay(timezoneId));
  }
  await form.getByLabel("Linked to").selectOption({ label: "The purpose" });
  await form.getByRole("button", { name: "Add win" }).click();
  await expect(page.getByRole("article", { name: `Win: ${TITLE}` })).toBeVisible();
  await ctx.close();
});

test("a new win's link is chosen, not preset to a closed goal; linked to the purpose, it does not offer “Also connects to the purpose”", async ({ page }) => {
  const TITLE = `Shared the cache playbook ${Date.now()}`;
  await signIn(page, "eli@acme.example", { to: "/me" });
  await page.getByRole("button", { name: "Record a win" }).first().click();
  const form = page.getByRole("form", { name: "New win" });
  const link = form.getByLabel("Linked to");
  const box = form.getByLabel("Also connects to the purpose");
  // It was preset to Eli's first goal, one done long ago; closed goals say so.
  await expect(link).toHaveValue("");
  await expect(link.locator("option:checked")).toHaveText("Choose…");
  await expect(link.locator("option", { hasText: "Goal: Ship the artifact cache for CI (done)" })).toHaveCount(1);
  await form.getByLabel("Title").fill(TITLE);
  await form.getByRole("button", { name: "Add win" }).click();
  await expect(link).toHaveAccessibleDescription("Link the win to a goal, a rotation or the purpose.");
  await expect(form.getByLabel("Title")).toHaveValue(TITLE);
  // The purpose: the box, unticked, read as if the win did not connect to it.
  await link.selectOption({ label: "The purpose" });
  await expect(box).toBeHidden();
  await link.selectOption({ label: "Goal: Ship the artifact cache for CI (done)" });
  await expect(box).toBeVisible();
  await link.selectOption({ label: "The purpose" });
  await form.getByRole("button", { name: "Add win" }).click();
  const card = page.getByRole("article", { name: `Win: ${TITLE}` });
  await expect(card).toContainText("Connects to your purpose");
  // Editing it: the same, from the link it has.
  await card.getByRole("button", { name: `Edit win ${TITLE}` }).click();
  const edit = page.getByRole("form", { name: `Edit win ${TITLE}` });
  await expect(edit.getByLabel("Linked to")).toHaveValue("purpose");
  await expect(edit.getByLabel("Also connects to the purpose")).toBeHidden();
});

test("learning done has finished: a finish date ahead is refused at its field; learning planned ahead reads “starts”", async ({ page }) => {
  const TITLE = `Rust in depth ${Date.now()}`;
  await signIn(page, "eli@acme.example", { to: "/me" });
  // The browser's own calendar, as the form sends it, and the day the list shows in its words.
  const [ahead, aheadLabel] = await page.evaluate(() => {
    const d = new Date(Date.now() + 30 * 86_400_000);
    const day = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
    return [day, new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`))];
  });
  const learning = page.getByRole("region", { name: "Learning" });
  await learning.getByRole("button", { name: "Add learning" }).first().click();
  const form = page.getByRole("form", { name: "New learning" });
  await form.getByLabel("Title").fill(TITLE);
  await form.getByLabel("Status").selectOption({ label: "Done" });
  await form.getByLabel("Finished").fill(ahead!);
  await form.getByRole("button", { name: "Add learning" }).click();
  await expect(form.getByLabel("Finished")).toHaveAccessibleDescription("Done means it has finished: pick today or an earlier date.");
  await expect(form.getByLabel("Finished")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Title")).toHaveValue(TITLE);
  await expect(learning.getByText(TITLE)).toHaveCount(0);

  // Not done yet after all: planned, starting on that day.
  await form.getByLabel("Status").selectOption({ label: "Planned" });
  await form.getByLabel("Finished").fill("");
  await form.getByLabel("Started").fill(ahead!);
  await form.getByRole("button", { name: "Add learning" }).click();
  await expect(form).toHaveCount(0);
  const row = learning.getByRole("listitem").filter({ hasText: TITLE });
  await expect(row).toContainText(`starts ${aheadLabel}`);
  await expect(row).not.toContainText("started");

  // Done with both dates left empty: it finished today; when it started nobody said, so no start date is made up.
  const READ = `Read already ${Date.now()}`;
  const todayLabel = await page.evaluate(() => new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" }).format(new Date()));
  await learning.getByRole("button", { name: "Add learning" }).first().click();
  await form.getByLabel("Title").fill(READ);
  await form.getByLabel("Status").selectOption({ label: "Done" });
  await form.getByRole("button", { name: "Add learning" }).click();
  await expect(form).toHaveCount(0);
  const done = learning.getByRole("listitem").filter({ hasText: READ });
  await expect(done).toContainText(`finished ${todayLabel}`);
  await expect(done).not.toContainText("started");
});

test("Eli links a colleague as a connection by searching for her, keyboard only", async ({ page }) => {
  await signIn(page, "eli@acme.example", { to: "/me" });
  await page.getByRole("button", { name: "Add a connection" }).first().click();
  const form = page.getByRole("form", { name: "New connection" });
  const who = form.getByRole("combobox", { name: "Person in the organization" });
  await who.fill("zzzz");
  await expect(form.getByText("No one in the organization matches.")).toBeVisible();
  await who.fill("nadi");
  await expect(form.getByRole("option", { name: /Nadia Petrova/ })).toBeVisible();
  await who.press("Enter"); // picks the highlighted match; does not submit the form
  await expect(form.getByRole("group", { name: "Person in the organization" })).toContainText("Nadia Petrova");
  // Focus stays in the form, on the control that replaced the search box (it fell to the page's body), and Tab goes on.
  await expect(form.getByRole("button", { name: "Change person in the organization" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(form.getByLabel("Or a name outside it")).toBeFocused();
  await form.getByLabel("What it is for").fill("Learn how staff engineers pick their battles");
  await form.getByRole("button", { name: "Add connection" }).click();
  const row = page.getByRole("region", { name: "Connections" }).getByRole("listitem").filter({ hasText: "Nadia Petrova" });
  await expect(row).toContainText("in the organization");
  await expect(row).toContainText("Learn how staff engineers pick their battles");
  // Named as its row names it: the colleague picked, whom the form sent only as an id.
  await expect(page.getByRole("status", { name: "Announcements" })).toHaveText("Connection added: “Nadia Petrova”.");
});

test("a connection to a colleague and a name outside at once is refused at the name, and both stay in the form", async ({ page }) => {
  await signIn(page, "eli@acme.example", { to: "/me" });
  await page.getByRole("button", { name: "Add a connection" }).first().click();
  const form = page.getByRole("form", { name: "New connection" });
  const who = form.getByRole("combobox", { name: "Person in the organization" });
  await who.fill("Fat");
  await expect(form.getByRole("option", { name: /Fatima/ })).toBeVisible();
  await who.press("ArrowDown");
  await who.press("Enter");
  await expect(form.getByRole("group", { name: "Person in the organization" })).toContainText("Fatima");
  await form.getByLabel("Or a name outside it").fill("Also an outside name");
  await form.getByLabel("What it is for").fill("Pairing on the schema registry");
  await form.getByRole("button", { name: "Add connection" }).click();
  // It saved Fatima and dropped the typed name without a word.
  await expect(form.getByLabel("Or a name outside it")).toHaveAccessibleDescription("Pick a person or type a name outside the organization, not both.");
  await expect(form.getByLabel("Or a name outside it")).toHaveValue("Also an outside name");
  await expect(form.getByRole("group", { name: "Person in the organization" })).toContainText("Fatima");
  await expect(form.getByLabel("What it is for")).toHaveValue("Pairing on the schema registry");
  const connections = page.getByRole("region", { name: "Connections" });
  await expect(connections.getByText("Pairing on the schema registry")).toHaveCount(0);
  // The person it is: the name goes, and the connection is saved.
  await form.getByLabel("Or a name outside it").fill("");
  await form.getByRole("button", { name: "Add connection" }).click();
  await expect(form).toHaveCount(0);
  const row = connections.getByRole("listitem").filter({ hasText: "Pairing on the schema registry" });
  await expect(row).toContainText("Fatima");
  await expect(row).toContainText("in the organization");
});

test("editing a plan item by keyboard: Edit moves focus into the editor, Cancel brings it back to Edit", async ({ page }) => {
  await signIn(page, "eli@acme.example", { to: "/me" });
  const edit = page.getByRole("region", { name: "Learning" }).getByRole("button", { name: /^Edit / }).first();
  const name = (await edit.getAttribute("aria-label"))!;
  await edit.focus();
  await page.keyboard.press("Enter");
  const editor = page.getByRole("region", { name: "Learning" }).getByRole("form").first();
  await expect(editor.locator("select, input:not([type=hidden]), textarea").first()).toBeFocused();
  await editor.getByRole("button", { name: "Cancel" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name })).toBeFocused();
});

test("every plan form opens and closes by keyboard: focus on its first field, Escape closes it and returns to its button", async ({ page }) => {
  await signIn(page, "eli@acme.example", { to: "/me" });
  const forms: [section: string, button: string, form: string, first: string][] = [
    ["Purpose", "Edit purpose", "Purpose", "textarea"],
    ["Stretch goals", "Propose a stretch goal", "New stretch goal", "input"],
    ["Wins", "Record a win", "New win", "input"],
    // Learning opens on its title, what everyone types (its kind has a default): a choice, not the first field.
    ["Learning", "Add learning", "New learning", "input[name=title]"],
    ["Connections", "Add a connection", "New connection", "select"],
    ["Skills", "Add a skill", "New skill", "input"],
  ];
  for (const [section, label, formName, first] of forms) {
    const region = page.getByRole("region", { name: section });
    const open = region.getByRole("button", { name: label, exact: true });
    await open.focus();
    await page.keyboard.press("Enter");
    const form = page.getByRole("form", { name: formName, exact: true });
    // Focus in the form ("Add a connection" used to drop it to the page), on the field named.
    await expect(form.locator(`${first}:focus`), label).toHaveCount(1);
    await page.keyboard.press("Escape");
    await expect(form, label).toHaveCount(0);
    await expect(open, label).toBeFocused();
  }
  // With something typed, Escape asks first; declining keeps the text.
  await page.getByRole("region", { name: "Wins" }).getByRole("button", { name: "Record a win", exact: true }).click();
  const win = page.getByRole("form", { name: "New win", exact: true });
  await win.getByLabel("Title", { exact: true }).fill("Shipped the flaky-test dashboard");
  page.once("dialog", (d) => void d.dismiss());
  await page.keyboard.press("Escape");
  await expect(win.getByLabel("Title", { exact: true })).toHaveValue("Shipped the flaky-test dashboard");
  // The same in an editor whose fields the page controls (they keep no "default" to compare with).
  await page.getByRole("region", { name: "Purpose" }).getByRole("button", { name: "Edit purpose" }).click();
  const purpose = page.getByRole("form", { name: "Purpose", exact: true });
  const answer = purpose.getByRole("textbox").first();
  await answer.fill("Making other engineers faster");
  let asked = "";
  page.once("dialog", (d) => {
    asked = d.message();
    void d.dismiss();
  });
  await page.keyboard.press("Escape");
  await expect.poll(() => asked).toBe("Discard what you typed?");
  await expect(answer).toHaveValue("Making other engineers faster");
  page.once("dialog", (d) => void d.accept());
  await page.keyboard.press("Escape");
  await expect(purpose).toHaveCount(0);
});

test("Dana answers her weekly pulse: a missing answer is named at its question, then the week counts as answered", async ({ page }) => {
  await signIn(page, "dana@acme.example", { to: "/me" });
  const form = page.getByRole("form", { name: "Weekly pulse" });
  const questions = form.getByRole("radiogroup");
  await expect(questions).toHaveCount(5);
  // On a phone each answer is a 44 px target, not the 13 px radio alone, and tapping its number picks it.
  await page.setViewportSize({ width: 390, height: 844 });
  const three = questions.nth(0).locator("label").filter({ has: page.getByRole("radio", { name: /3 of 5$/ }) });
  const box = (await three.boundingBox())!;
  expect([box.width >= 44, box.height >= 44]).toEqual([true, true]);
  await three.getByText("3").click();
  await expect(questions.nth(0).getByRole("radio", { name: /3 of 5$/ })).toBeChecked();
  // Every question's five answers stay on one row there (they wrapped, each question at another place), and the
  // radios name what the ends mean.
  for (let i = 0; i < 5; i++) {
    const answers = questions.nth(i).locator("label");
    const [first, last] = [(await answers.first().boundingBox())!, (await answers.last().boundingBox())!];
    expect(Math.abs(first.y - last.y), `question ${i + 1}`).toBeLessThan(1);
  }
  await expect(questions.nth(0).getByRole("radio", { name: /1 of 5, not at all$/ })).toBeVisible();
  await expect(questions.nth(0).getByRole("radio", { name: /5 of 5, very$/ })).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 720 });
  // Four of five answered: the server names the missing one and keeps the others.
  for (let i = 0; i < 4; i++) await questions.nth(i).getByRole("radio").nth(3).check();
  await form.evaluate((f) => f.querySelectorAll("input[type=radio]").forEach((r) => r.removeAttribute("required")));
  await form.getByRole("button", { name: "Send pulse" }).click();
  await expect(questions.nth(4)).toContainText(/./);
  await expect(questions.nth(4).locator("p")).toBeVisible();
  await expect(questions.nth(0).getByRole("radio").nth(3)).toBeChecked();
  await questions.nth(4).getByRole("radio").nth(1).check();
  await form.getByLabel("Anything to add? (optional)").fill("Planning season: less time for my own growth.");
  await form.getByRole("button", { name: "Send pulse" }).click();
  await expect(page.getByText("You have answered this week’s pulse — thank you. Next week’s opens on Monday.")).toBeVisible();
  await page.reload();
  await expect(page.getByText("You have answered this week’s pulse — thank you.")).toBeVisible();
  await expect(page.getByRole("region", { name: "What you added" }).getByRole("listitem").first()).toContainText("“Planning season: less time for my own growth.”");
  await expect(page.getByRole("form", { name: "Weekly pulse" })).toHaveCount(0);
  // Answers 4,4,4,4,2 → rust score 6 − 3.6 = 2.4, charted as her latest point.
  await expect(page.getByRole("img", { name: /Your pulse trend/ })).toHaveAttribute("aria-label", /2\.4\.?$/);
});

test("the person page's empty sections say what this viewer can do: Dana, who may only read, is not asked to plan a rotation", async ({ browser }) => {
  const eliId = await personIdOf("eli@acme.example");
  const rotationsOf = (page: Page) => page.locator(".card").filter({ has: page.getByRole("heading", { name: "Rotations", exact: true }) });
  const timelineOf = (page: Page) => page.locator(".card").filter({ has: page.getByRole("heading", { name: "Role timeline", exact: true }) });
  const as = async (email: string, to: string) => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await signIn(page, email, { to });
    return { page, close: () => ctx.close() };
  };
  // Eli has no rotation in the demo data. Dana (skip-level) read "plan one together" with no button to do it.
  const dana = await as("dana@acme.example", `/people/${eliId}`);
  await expect(rotationsOf(dana.page).getByText("No rotations yet.", { exact: true })).toBeVisible();
  await expect(rotationsOf(dana.page).getByRole("button")).toHaveCount(0);
  const maya = await as("maya@acme.example", `/people/${eliId}`);
  await expect(rotationsOf(maya.page)).toContainText("plan one together");
  await expect(rotationsOf(maya.page).getByRole("button", { name: "Plan a rotation" })).toBeVisible();
  const eli = await as("eli@acme.example", `/people/${eliId}`);
  await expect(rotationsOf(eli.page)).toContainText("bring it up with your manager");
  await expect(rotationsOf(eli.page).getByRole("button")).toHaveCount(0);

  // Dana's own page: she has no manager, so no 1:1 to schedule ("schedule one" led to a page that could not).
  await dana.page.goto(`/people/${await personIdOf("dana@acme.example")}`);
  const oneOnOnes = dana.page.locator(".card").filter({ has: dana.page.getByRole("heading", { name: "1:1s", exact: true }) });
  await expect(oneOnOnes).toContainText("None: no manager is recorded");
  await expect(oneOnOnes.getByRole("link", { name: "schedule one" })).toHaveCount(0);

  // With no role event either, the timeline asks Dana to record nothing; Maya, who can, still is.
  await withE2eSql((sql) => sql`delete from role_events where person_id = ${eliId}`);
  try {
    await dana.page.goto(`/people/${eliId}`);
    await expect(timelineOf(dana.page).getByText("No role events yet.", { exact: true })).toBeVisible();
    await maya.page.reload();
    await expect(timelineOf(maya.page)).toContainText("Record the last time this role changed");

    // On the plan, an empty section coaches only whoever can add to it: Dana reads the title alone.
    await withE2eSql((sql) => sql`delete from connections where person_id = ${eliId}`);
    await dana.page.goto(`/people/${eliId}/plan`);
    await expect(dana.page.getByText("No connections yet", { exact: true })).toBeVisible();
    await expect(dana.page.locator("main")).not.toContainText("People and communities that inspire the work");
    await maya.page.goto(`/people/${eliId}/plan`);
    await expect(maya.page.locator("main")).toContainText("People and communities that inspire the work");
    await expect(maya.page.getByRole("button", { name: "Add a connection" })).toBeVisible();
  } finally {
    await Promise.all([dana.close(), maya.close(), eli.close()]);
    await resetDemoData();
  }
});
