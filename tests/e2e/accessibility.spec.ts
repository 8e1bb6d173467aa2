import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { DEMO_PASSWORD, go, signIn, signedIn } from "./support/auth";
import { nextMeetingOf, personIdOf } from "./support/db";
import { resetDemoData } from "./support/reset";

// Each audited page costs ~6 s on a slow two-core machine (axe in Chromium beside the server);
// the role sweeps took up to 38 s in session 9, too close to the default 60 s hang guard.
test.describe.configure({ timeout: 120_000 });

/**
 * axe-core (WCAG 2 A and AA rules) on the main pages of each role, in the light
 * and the dark colour scheme: no serious or critical violation. Read-only, so
 * it needs no reset. One test per role keeps the sign-ins (and the time) down.
 */

/** The WCAG A/AA rules of axe whose outcome depends on colours. */
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

type Finding = { url: string; scheme: string; rule: string; impact: string; help: string; targets: string[] };

async function audit(page: Page, url: string, findings: Finding[]): Promise<void> {
  await page.goto(url);
  await page.waitForLoadState("networkidle");
  await expect(page.locator("h1").first()).toBeVisible();
  for (const scheme of ["light", "dark"] as const) {
    // Reduced motion: the app then drops its colour transitions, so axe never measures a half-faded button.
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: "reduce" });
    // The scheme changes colours only: the dark pass runs the rules that read colours (the light pass runs them all),
    // which saves a third of the spec's time on two cores.
    const analyze = () =>
      scheme === "light" ? new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze() : new AxeBuilder({ page }).withRules(COLOUR_RULES).analyze();
    let result = await analyze();
    // Once, on a slow machine, axe measured the header's text in a colour between the two schemes right after the
    // switch. A real violation is still there a second later; a colour caught mid-change is not.
    if (result.violations.some((v) => v.impact === "serious" || v.impact === "critical")) {
      await page.waitForTimeout(1000);
      result = await analyze();
    }
    for (const v of result.violations) {
      if (v.impact !== "serious" && v.impact !== "critical") continue;
      findings.push({
        url,
        scheme,
        rule: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")}  ${n.html.slice(0, 160)}  ${n.failureSummary?.split("\n").slice(1, 2).join("") ?? ""}`),
      });
    }
  }
  await page.emulateMedia({ colorScheme: "light", reducedMotion: "no-preference" });
}

function report(findings: Finding[]): string {
  return findings.map((f) => `${f.url} [${f.scheme}] ${f.impact} ${f.rule}: ${f.help}\n    ${f.targets.join("\n    ")}`).join("\n");
}

/** The first link on `from` that points into `prefix` (ids differ per seed). */
async function firstLinkInto(page: Page, from: string, prefix: string): Promise<string> {
  await page.goto(from);
  const href = await page.locator(`main a[href^="${prefix}"]`).first().getAttribute("href");
  expect(href, `a link into ${prefix} on ${from}`).toBeTruthy();
  return href!;
}

test("sign-in page has no serious accessibility violations", async ({ page }) => {
  const findings: Finding[] = [];
  await audit(page, "/login", findings);
  expect(findings, report(findings)).toEqual([]);
});

test("a manager's pages (Maya) have no serious accessibility violations", async ({ page }) => {
  await signIn(page, "maya@acme.example");
  const eli = await firstLinkInto(page, "/team", "/people/");
  const meeting = await firstLinkInto(page, `${eli}/one-on-ones`, "/one-on-ones/");
  // His latest held 1:1, which lists what moved on from it (the demo carried an open action item).
  const held = await page.getByRole("list", { name: "1:1 meetings" }).getByRole("listitem").filter({ hasText: "Held" }).first().getByRole("link").getAttribute("href");
  const findings: Finding[] = [];
  // /people is covered for Ada, the 1:1 list component for Eli.
  for (const url of ["/team", eli, `${eli}/plan`, meeting, held!, "/signals"]) await audit(page, url, findings);
  await page.goto(held!);
  await expect(page.getByRole("region", { name: "Moved on to a later 1:1" }).first()).toBeVisible();
  expect(findings, report(findings)).toEqual([]);
});

test("a director's subtree table (Dana) has no serious accessibility violations, at desktop and phone width, and fits 200 % zoom", async ({ page }) => {
  await signIn(page, "dana@acme.example");
  const findings: Finding[] = [];
  await audit(page, "/team?view=subtree", findings);
  await page.setViewportSize({ width: 375, height: 800 });
  await audit(page, "/team?view=subtree", findings);
  // Stacked rows on a phone: nothing wider than the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  // 640 px is a 1280 px screen zoomed to 200 %: the table (its layout starts there) scrolls in its own region, the page does not.
  await page.setViewportSize({ width: 640, height: 800 });
  await page.reload();
  await expect(page.getByRole("region", { name: "People in your subtree" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(640);
  expect(findings, report(findings)).toEqual([]);
});

test("an employee's pages (Eli) have no serious accessibility violations", async ({ page }) => {
  await signIn(page, "eli@acme.example");
  const meeting = await firstLinkInto(page, "/me/one-on-ones", "/one-on-ones/");
  const findings: Finding[] = [];
  for (const url of ["/me", "/me/one-on-ones", meeting, "/account"]) await audit(page, url, findings);
  expect(findings, report(findings)).toEqual([]);
});

test("an admin's pages (Ada) have no serious accessibility violations", async ({ page }) => {
  await signIn(page, "ada@acme.example");
  const findings: Finding[] = [];
  for (const url of ["/org", "/settings", "/admin/people", "/admin/audit", "/people", "/not-a-page"]) await audit(page, url, findings);
  expect(findings, report(findings)).toEqual([]);
});

/** Presses Tab until `target` has focus (failing if it never does) and checks the focus is visible. */
async function tabTo(page: Page, target: Locator, max = 120): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) {
      const outline = await target.evaluate((el) => {
        // A control may draw its ring on the part it shows (a tick box's box, not its larger tap target).
        const s = getComputedStyle(el.querySelector("[data-focus-ring]") ?? el);
        return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
      });
      expect(outline.style, "a visible focus outline").not.toBe("none");
      expect(outline.width).toBeGreaterThanOrEqual(2);
      return;
    }
  }
  throw new Error(`Tab never reached ${target}`);
}

test("a person's page, growth plan and 1:1 are titled after the person, as their headings are", async ({ browser }) => {
  // "Person · Reignite", "Growth plan · Reignite" and "1:1 · Reignite" read alike in tabs, history and a screen reader.
  const eliId = await personIdOf("eli@acme.example");
  const meetingId = await nextMeetingOf(eliId);
  const maya = await signedIn(browser, "maya@acme.example");
  await go(maya.page, `/people/${eliId}`);
  await expect(maya.page).toHaveTitle("Eli Employee · Reignite");
  await go(maya.page, `/people/${eliId}/plan`);
  await expect(maya.page).toHaveTitle("Eli Employee’s growth plan · Reignite");
  await go(maya.page, `/one-on-ones/${meetingId}`);
  await expect(maya.page).toHaveTitle("1:1 with Eli Employee · Reignite");
  // Reached by a link within the app, the title follows too.
  await maya.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Team" }).click();
  await expect(maya.page).toHaveTitle("Team · Reignite");
  await maya.page.getByRole("list", { name: "People" }).getByRole("link", { name: "Eli Employee", exact: true }).click();
  await expect(maya.page).toHaveTitle("Eli Employee · Reignite");
  await go(maya.page, `/people/${eliId}/one-on-ones`);
  await expect(maya.page).toHaveTitle("1:1s with Eli Employee · Reignite");
  // An admin-only page is a 404 to her, titled as every 404 is: not "Org insights" over "We couldn't find that page".
  for (const path of ["/org", "/settings", "/admin/people", "/admin/audit"]) {
    await maya.page.goto(path);
    await expect(maya.page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(maya.page, path).toHaveTitle("Reignite");
  }
  await maya.close();
  const ada = await signedIn(browser, "ada@acme.example");
  await go(ada.page, "/admin/audit");
  await expect(ada.page).toHaveTitle("Audit log · Reignite");
  await ada.close();
  const eli = await signedIn(browser, "eli@acme.example");
  await go(eli.page, `/one-on-ones/${meetingId}`);
  await expect(eli.page).toHaveTitle("1:1 with Maya Manager · Reignite");
  // Someone he may not see (another organization's) is not named, not even in the title.
  await eli.page.goto(`/people/${await personIdOf("hank@globex.example")}`);
  await expect(eli.page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(eli.page).not.toHaveTitle(/Hank/);
  await eli.close();
});

test.describe("keyboard only", () => {
  test.beforeAll(async () => {
    await resetDemoData();
  });

  test("Eli signs in, raises “I feel stuck”, proposes a stretch goal, adds a talking point and ticks an action item without a mouse", async ({ page }) => {
    await page.goto("/login");
    await tabTo(page, page.getByLabel("Email"));
    await page.keyboard.type("eli@acme.example");
    await tabTo(page, page.getByLabel("Password"));
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/me$/);

    // I feel stuck: the form's status is announced after sending.
    const stuck = page.getByRole("form", { name: "I feel stuck" });
    await tabTo(page, stuck.getByLabel("What's going on? (optional)"));
    await page.keyboard.type("Same pipeline work for two years.");
    await tabTo(page, stuck.getByRole("button", { name: "Send “I feel stuck”" }));
    await page.keyboard.press("Enter");
    await expect(page.getByText("Waiting for a response")).toBeVisible();

    // A stretch goal: the new form takes focus at its first field.
    await tabTo(page, page.getByRole("button", { name: "Propose a stretch goal" }));
    await page.keyboard.press("Enter");
    const goal = page.getByRole("form", { name: "New stretch goal" });
    await expect(goal.getByLabel("Title")).toBeFocused();
    await page.keyboard.type("Pilot contract tests with Mobile");
    await tabTo(page, goal.getByRole("button", { name: "Add goal" }));
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { name: "Pilot contract tests with Mobile" })).toBeVisible();

    // The upcoming 1:1 holds his open action item (carried from the last held one); the agenda takes a new point.
    await page.goto("/me/one-on-ones");
    await tabTo(page, page.getByRole("list", { name: "1:1 meetings" }).getByRole("listitem").filter({ hasText: "1 open action" }).getByRole("link"));
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/one-on-ones\//);
    const item = page.getByRole("checkbox", { name: /^Mark done: Write up the on-call tooling proposal/ });
    await tabTo(page, item);
    await page.keyboard.press("Space");
    await expect(page.getByRole("checkbox", { name: /^Mark not done: Write up the on-call tooling proposal/ })).toHaveAttribute("aria-checked", "true");

    await page.goto("/me/one-on-ones");
    await tabTo(page, page.getByRole("list", { name: "1:1 meetings" }).getByRole("link").first());
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { name: /1:1 with Maya Manager/ })).toBeVisible();
    await tabTo(page, page.getByLabel("New talking point"));
    await page.keyboard.type("Conference budget for next year");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("list", { name: "Talking points" })).toContainText("Conference budget for next year");
  });
});

test.describe("keyboard focus after an action", () => {
  test.beforeAll(async () => {
    await resetDemoData();
  });

  test("a save refused at a field takes the person to that field, with its error read as its description", async ({ page }) => {
    // Focus used to stay on the button (or, while it was disabled, fall to the page body): the person had to hunt for the field.
    await page.goto("/login");
    await page.getByRole("form", { name: "Sign in" }).getByRole("button", { name: "Sign in" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByLabel("Email")).toBeFocused();
    await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");

    await signIn(page, "eli@acme.example", { to: "/me" });
    await page.getByRole("button", { name: "Propose a stretch goal" }).click();
    const goal = page.getByRole("form", { name: "New stretch goal" });
    const add = goal.getByRole("button", { name: "Add goal" });
    await add.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("alert").filter({ hasText: "One field needs attention." })).toBeVisible();
    const title = goal.getByLabel("Title");
    await expect(title).toBeFocused();
    await expect(title).toHaveAttribute("aria-invalid", "true");
    await expect(title).toHaveAccessibleDescription(/.+/);
    // Fixed where it was, and saved from there with Enter.
    await page.keyboard.type("Run the on-call retro for a quarter");
    await page.keyboard.press("Enter");
    await expect(goal).toHaveCount(0);
    await expect(page.getByRole("listitem").filter({ hasText: "Run the on-call retro for a quarter" })).toBeVisible();
  });

  test("forms that show only the field's own error (1:1 page, scheduling, acknowledging a signal) also take focus to that field", async ({ page }) => {
    // These forms hide the "Some fields need attention" alert when a field says what is wrong, and focus stayed on the button.
    await signIn(page, "maya@acme.example", { to: "/team" });
    await page.getByRole("link", { name: "Hiro Tanaka" }).click();
    await page.getByRole("link", { name: "All 1:1s" }).click();

    const schedule = page.getByRole("form", { name: "Schedule the next 1:1" });
    await schedule.getByLabel("Date and time").fill("2020-01-06T10:00");
    await schedule.getByRole("button", { name: "Schedule 1:1" }).focus();
    await page.keyboard.press("Enter");
    const when = schedule.getByLabel("Date and time");
    await expect(when).toBeFocused();
    await expect(when).toHaveAttribute("aria-invalid", "true");
    await expect(when).toHaveAccessibleDescription(/That time has passed/);

    // The refused time is still typed in: leaving asks first (unsaved-changes-guard), and Maya means to leave.
    const leave = new Promise<string>((resolve) => page.once("dialog", (d) => void d.accept().then(() => resolve(d.message()))));
    await page.getByRole("list", { name: "1:1 meetings" }).getByRole("listitem").filter({ hasText: "Scheduled" }).first().getByRole("link").click();
    expect(await leave).toBe("Leave this page? What you typed here is not saved.");
    const agenda = page.getByRole("form", { name: "Add a talking point" });
    await agenda.getByRole("button", { name: "Add" }).focus();
    await page.keyboard.press("Enter");
    await expect(agenda.getByLabel("New talking point")).toBeFocused();
    await expect(agenda.getByLabel("New talking point")).toHaveAccessibleDescription(/.+/);

    const action = page.getByRole("form", { name: "Add an action item" });
    await action.getByRole("button", { name: "Add action item" }).focus();
    await page.keyboard.press("Enter");
    await expect(action.getByLabel("Action item")).toBeFocused();
    await expect(action.getByLabel("Action item")).toHaveAttribute("aria-invalid", "true");

    await page.goto("/signals");
    const ack = page.getByRole("form", { name: "Acknowledge Gus Ortega's signal" });
    await ack.getByRole("radio", { name: "Something else" }).check();
    await ack.getByRole("button", { name: "Acknowledge" }).focus();
    await page.keyboard.press("Enter");
    await expect(ack.getByLabel("Describe the next step")).toBeFocused();
    await expect(ack.getByLabel("Describe the next step")).toHaveAccessibleDescription(/.+/);
  });

  test("saving the check-in, marking a 1:1 held and deactivating someone by keyboard leave focus where the person can go on", async ({ page }) => {
    // Each of these re-renders or removes the pressed button; focus fell to the page body.
    await signIn(page, "maya@acme.example", { to: "/team" });
    await page.getByRole("link", { name: "Hiro Tanaka" }).click();
    await page.getByRole("link", { name: "All 1:1s" }).click();
    await page.getByRole("list", { name: "1:1 meetings" }).getByRole("listitem").filter({ hasText: "Scheduled" }).first().getByRole("link").click();
    const checkIn = page.getByRole("form", { name: "Growth and meaning check-in" });
    await checkIn.getByLabel("What felt meaningful?").fill("Pairing with Fatima on the data migration.");
    const save = checkIn.getByRole("button", { name: "Save check-in" });
    await save.focus();
    await page.keyboard.press("Enter");
    await expect(checkIn.getByText("Check-in saved.")).toBeVisible();
    await expect(save).toBeFocused();

    // "Mark held" asks first, its answer taking focus; then the controls go, and focus arrives at what happened, which names the next 1:1.
    await page.getByRole("button", { name: "Mark held…" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("button", { name: "Yes, it took place" })).toBeFocused();
    // The question is read with the focused answer, not only "Mark this 1:1 held, form".
    await expect(page.getByRole("button", { name: "Yes, it took place" })).toHaveAccessibleDescription(/Mark it held\? .*This can't be undone\./);
    await page.keyboard.press("Enter");
    const note = page.getByRole("status").filter({ hasText: "This 1:1 was held." });
    await expect(note).toBeVisible();
    await expect(note).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(note.getByRole("link")).toBeFocused();
    await page.context().clearCookies();

    // Deactivate swaps in Reactivate, and back: focus follows to the new button each time.
    await signIn(page, "ada@acme.example", { to: "/people?q=Jonah" });
    await page.getByRole("link", { name: "Jonah Becker" }).click();
    await page.getByRole("button", { name: "Deactivate…" }).click();
    const keep = page.getByRole("form", { name: "Confirm deactivation" }).getByRole("button", { name: "Cancel" });
    await expect(keep).toBeFocused();
    await expect(keep).toHaveAccessibleDescription(/^Deactivate Jonah Becker\? They lose access to Acme Robotics at once\./);
    await page.getByRole("button", { name: "Yes, deactivate" }).focus();
    await page.keyboard.press("Enter");
    const reactivate = page.getByRole("button", { name: "Reactivate Jonah Becker" });
    await expect(reactivate).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("button", { name: "Deactivate…" })).toBeFocused();
  });

  test("Eli marks a skill used and deletes one by keyboard: focus follows the moved skill, then goes to the section", async ({ page }) => {
    await signIn(page, "eli@acme.example", { to: "/me" });
    await page.getByRole("button", { name: "Mark Go as not used" }).focus();
    await page.keyboard.press("Enter");
    // The row moved to "Not used in the current role": its button there has focus.
    await expect(page.getByRole("button", { name: "Mark Go as used" })).toBeFocused();
    // Where it went is said, not only the button's new name.
    const said = page.getByRole("status", { name: "Announcements" });
    await expect(said).toHaveText("Go moved to “Not used in the current role”.");
    page.once("dialog", (d) => void d.accept());
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Delete skill Go" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("button", { name: "Delete skill Go" })).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Skills", level: 2 })).toBeFocused();
    await expect(said).toHaveText("Deleted: skill Go.");
  });

  test("Eli adds learning, starts it and marks it done by keyboard: focus stays on a control of the plan each time", async ({ page }) => {
    // A closed "new" form and a Mark done button that disappears both dropped focus to the page body.
    await signIn(page, "eli@acme.example", { to: "/me" });
    const learning = page.getByRole("region", { name: "Learning" });
    const add = learning.getByRole("button", { name: "Add learning" });
    await add.focus();
    await page.keyboard.press("Enter");
    const form = page.getByRole("form", { name: "New learning" });
    await expect(form.getByLabel("Title")).toBeFocused();
    await page.keyboard.type("Rust in Action");
    await page.keyboard.press("Enter");
    await expect(form).toHaveCount(0);
    await expect(add).toBeFocused();

    await learning.getByRole("button", { name: "Start: Rust in Action" }).focus();
    await page.keyboard.press("Enter");
    const done = learning.getByRole("button", { name: "Mark done: Rust in Action" });
    await expect(done).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(done).toHaveCount(0);
    await expect(learning.getByRole("button", { name: "Edit Rust in Action" })).toBeFocused();

    // Cancel gives focus back too.
    const win = page.getByRole("region", { name: "Wins" }).getByRole("button", { name: "Record a win" });
    await win.focus();
    await page.keyboard.press("Enter");
    await page.getByRole("form", { name: "New win" }).getByRole("button", { name: "Cancel" }).focus();
    await page.keyboard.press("Enter");
    await expect(win).toBeFocused();
  });

  test("Maya adds, edits and deletes a role event and plans a rotation by keyboard without losing focus", async ({ page }) => {
    await signIn(page, "maya@acme.example", { to: "/team" });
    await page.getByRole("link", { name: "Eli Employee" }).click();
    await expect(page.getByRole("heading", { name: "Eli Employee", level: 1 })).toBeVisible();

    // Opening a form moves focus into it; Escape or Close gives it back to the button that opened it.
    const addEvent = page.getByRole("button", { name: "Add role event" });
    await addEvent.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("form", { name: "Add role event" }).getByLabel("What changed")).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(addEvent).toBeFocused();

    // Edit: focus to the first field, and after Save to the event's (re-rendered) Edit button.
    const timeline = page.getByRole("list", { name: "Role timeline" });
    // The demo's dates count back from today: the event's name is read, not written down (it moved a day at midnight).
    const on = (await timeline.getByRole("button", { name: /^Edit Scope change of / }).first().getAttribute("aria-label"))!.replace("Edit Scope change of ", "");
    await timeline.getByRole("button", { name: `Edit Scope change of ${on}` }).focus();
    await page.keyboard.press("Enter");
    const edit = page.getByRole("form", { name: "Edit role event" });
    await expect(edit.getByLabel("What changed")).toBeFocused();
    await edit.getByLabel("Description").fill("Took over the CI build pipeline and its on-call.");
    await edit.getByRole("button", { name: "Save" }).focus();
    await page.keyboard.press("Enter");
    await expect(timeline).toContainText("and its on-call.");
    await expect(timeline.getByRole("button", { name: `Edit Scope change of ${on}` })).toBeFocused();

    // Delete asks first with focus on Cancel; Cancel returns to Delete; a confirmed delete goes on to "Add role event".
    const del = timeline.getByRole("button", { name: `Delete Scope change of ${on}` });
    await del.focus();
    await page.keyboard.press("Enter");
    const confirm = page.getByRole("form", { name: "Confirm delete" });
    await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(del).toBeFocused();
    await page.keyboard.press("Enter");
    await confirm.getByRole("button", { name: "Yes, delete" }).focus();
    await page.keyboard.press("Enter");
    await expect(timeline).not.toContainText("Scope change");
    await expect(addEvent).toBeFocused();

    // Plan a rotation: into the form and back out.
    const plan = page.getByRole("button", { name: "Plan a rotation" });
    await plan.focus();
    await page.keyboard.press("Enter");
    const planForm = page.getByRole("form", { name: "Plan a rotation" });
    await expect(planForm.getByLabel("Host team or project")).toBeFocused();
    // Something typed: Escape asks before throwing it away (it was lost without a word).
    await page.keyboard.type("Mobile");
    const asked: string[] = [];
    page.once("dialog", (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await page.keyboard.press("Escape");
    await expect.poll(() => asked).toEqual(["Discard what you typed?"]);
    await expect(planForm.getByLabel("Host team or project")).toHaveValue("Mobile");
    page.once("dialog", (d) => void d.accept());
    await page.keyboard.press("Escape");
    await expect(planForm).toHaveCount(0);
    await expect(plan).toBeFocused();
    // Nothing typed: Escape just closes.
    await page.keyboard.press("Enter");
    await expect(planForm.getByLabel("Host team or project")).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(plan).toBeFocused();
  });

  test("adding a talking point, a suggested one, an action item or a stretch goal is announced, and focus stays where it was", async ({ browser }) => {
    // Focus goes back to the emptied field, the next suggestion or the button that opened the form: none of them said
    // that anything was added. The signed-in layout's named live region says it, naming what was added.
    const maya = await signedIn(browser, "maya@acme.example");
    await go(maya.page, `/one-on-ones/${await nextMeetingOf(await personIdOf("eli@acme.example"))}`);
    const said = maya.page.getByRole("status", { name: "Announcements" });
    await expect(said).toHaveText("");

    const agenda = maya.page.getByRole("form", { name: "Add a talking point" });
    const point = agenda.getByLabel("New talking point");
    await point.fill("Conference budget for next year");
    await point.press("Enter");
    await expect(said).toHaveText("Talking point added: “Conference budget for next year”.");
    await expect(point).toHaveValue("");
    await expect(point).toBeFocused();
    // Enter in the emptied field: focus is already where the fix is, so the field's error is said instead of nothing.
    await point.press("Enter");
    await expect(point).toHaveAttribute("aria-invalid", "true");
    await expect(said).toHaveText("Write the talking point.");
    await expect(point).toBeFocused();

    await maya.page.getByRole("button", { name: /^\+?\s*What drew you to this field in the first place\?/ }).click();
    await expect(said).toHaveText("Talking point added: “What drew you to this field in the first place?”.");
    await expect(maya.page.getByRole("list", { name: "Talking points" })).toContainText("What drew you to this field in the first place?");

    // A long one is named by its start, cut at a word; the list holds all of it.
    const action = maya.page.getByRole("form", { name: "Add an action item" });
    await action.getByLabel("Action item").fill("Draft the conference proposal with a budget, the talks worth hearing and what the team would learn from each");
    await action.getByLabel("Owner").selectOption({ label: "Eli Employee" });
    await action.getByRole("button", { name: "Add action item" }).click();
    await expect(said).toHaveText("Action item added: “Draft the conference proposal with a budget, the talks worth hearing and what…”.");
    await expect(action.getByLabel("Action item")).toBeFocused();

    // A form's own success message has its status there before it, so it is read as it arrives; and only there.
    const checkIn = maya.page.getByRole("form", { name: "Growth and meaning check-in" });
    const saved = checkIn.getByRole("status");
    await expect(saved).toHaveText("");
    await checkIn.getByLabel("What felt meaningful?").fill("Planning the conference together.");
    await checkIn.getByRole("button", { name: "Save check-in" }).click();
    await expect(saved).toHaveText("Check-in saved.");
    await expect(said).toHaveText(/^Action item added/);
    await maya.close();

    const eli = await signedIn(browser, "eli@acme.example");
    await go(eli.page, "/me");
    const propose = eli.page.getByRole("button", { name: "Propose a stretch goal" });
    await propose.click();
    const goal = eli.page.getByRole("form", { name: "New stretch goal" });
    await goal.getByLabel("Title").fill("Pilot contract tests with Mobile");
    await goal.getByRole("button", { name: "Add goal" }).click();
    await expect(eli.page.getByRole("status", { name: "Announcements" })).toHaveText("Stretch goal added: “Pilot contract tests with Mobile”.");
    await expect(goal).toHaveCount(0);
    await expect(propose).toBeFocused();
    await eli.close();
  });

  test("saying “I feel stuck”, withdrawing it and acknowledging one by keyboard leave focus on what happened", async ({ browser }) => {
    // Each of these replaces the pressed button: focus fell to the page body, and a withdrawal said nothing.
    const dana = await browser.newPage();
    await signIn(dana, "dana@acme.example", { to: "/me" });
    const form = dana.getByRole("form", { name: "I feel stuck" });
    await form.getByLabel("What's going on? (optional)").fill("The same roadmap for three years.");
    await form.getByRole("button", { name: "Send “I feel stuck”" }).focus();
    await dana.keyboard.press("Enter");
    const current = dana.locator("#stuck-current");
    await expect(current).toContainText("Waiting for a response");
    await expect(current).toBeFocused();
    await current.getByRole("button", { name: "Withdraw" }).focus();
    await dana.keyboard.press("Enter");
    const withdrawn = dana.getByText(/^You withdrew your last signal/);
    await expect(withdrawn).toBeVisible();
    await expect(withdrawn).toBeFocused();
    // Sent again, for Ada to acknowledge.
    await form.getByRole("button", { name: "Send “I feel stuck”" }).focus();
    await dana.keyboard.press("Enter");
    await expect(current).toBeFocused();
    await dana.close();

    const ada = await browser.newPage();
    await signIn(ada, "ada@acme.example", { to: "/signals" });
    const card = ada.getByRole("listitem").filter({ hasText: "Dana Director feels stuck" });
    await card.getByLabel("Explore a rotation").check();
    await card.getByRole("button", { name: "Acknowledge" }).focus();
    await ada.keyboard.press("Enter");
    await expect(ada.getByRole("heading", { name: "Earlier" })).toBeFocused();
    await expect(ada.getByRole("region", { name: "Earlier" })).toContainText("Dana Director");
    await ada.close();
  });
});
