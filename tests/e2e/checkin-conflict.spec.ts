/**
 * The growth & meaning check-in is saved with the meeting: when Maya and Eli
 * fill it in at the same time, the later save gets a conflict that names who
 * saved first (or says it was you, in another tab), shows the saved answers
 * and keeps what was typed — nothing is overwritten. Typed answers also survive
 * refreshes of the page data (the other person's save, a new talking point, Mark
 * held) and reloads (a draft on the device, restored for its author only).
 */
import { expect, test, type Browser, type Page } from "@playwright/test";
import postgres from "postgres";
import { signIn, loadedAfresh } from "./support/auth";
import { e2eDatabaseUrl, resetDemoData } from "./support/reset";
import { holdScripts } from "./support/slow-scripts";

let meetingId: string;

test.beforeAll(async () => {
  await resetDemoData();
  const sql = postgres(e2eDatabaseUrl(), { max: 1, onnotice: () => {} });
  try {
    const [m] = await sql`SELECT mt.id FROM meetings mt JOIN memberships m ON m.id = mt.report_id JOIN users u ON u.id = m.user_id
                          WHERE u.email = 'eli@acme.example' AND mt.status = 'scheduled' ORDER BY mt.scheduled_at LIMIT 1`;
    meetingId = m!.id as string;
  } finally {
    await sql.end({ timeout: 5 });
  }
});
test.afterAll(async () => {
  await resetDemoData();
});

async function open(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, { to: `/one-on-ones/${meetingId}` });
  // Typing starts once the page's scripts have run: a fill racing hydration on a loaded machine put the typed text in
  // front of the saved answer (the caret moved as React took over the field).
  await page.waitForLoadState("networkidle");
  return page;
}

test("two people saving the check-in at once: the later one sees both answers and keeps their own", async ({ browser }) => {
  const maya = await open(browser, "maya@acme.example");
  const eli = await open(browser, "eli@acme.example");
  const form = (p: Page) => p.getByRole("form", { name: "Growth and meaning check-in" });

  await form(maya).getByLabel("What felt meaningful?").fill("Maya: pairing on the migration");
  await form(eli).getByLabel("What felt meaningful?").fill("Eli: the incident review");
  await form(maya).getByRole("button", { name: "Save check-in" }).click();
  await expect(form(maya).getByText("Check-in saved.")).toBeVisible();

  await form(eli).getByRole("button", { name: "Save check-in" }).click();
  const alert = form(eli).getByRole("alert");
  await expect(alert).toContainText("Maya Manager saved the check-in while you were typing.");
  await expect(alert).toContainText("Maya: pairing on the migration");
  await expect(form(eli).getByLabel("What felt meaningful?")).toHaveValue("Eli: the incident review");

  await form(eli).getByLabel("What felt meaningful?").fill("Maya: pairing on the migration. Eli: the incident review");
  await form(eli).getByRole("button", { name: "Save check-in" }).click();
  await expect(form(eli).getByText("Check-in saved.")).toBeVisible();

  await maya.reload();
  await expect(form(maya).getByLabel("What felt meaningful?")).toHaveValue("Maya: pairing on the migration. Eli: the incident review");
});

test("the same person in two tabs: the conflict says it was them, in another tab or window", async ({ browser }) => {
  const first = await open(browser, "eli@acme.example");
  const second = await first.context().newPage();
  await second.goto(`/one-on-ones/${meetingId}`);
  const form = (p: Page) => p.getByRole("form", { name: "Growth and meaning check-in" });

  await form(first).getByLabel("What do you want to learn next?").fill("Rust, from the laptop");
  await form(first).getByRole("button", { name: "Save check-in" }).click();
  await expect(form(first).getByText("Check-in saved.")).toBeVisible();

  await form(second).getByLabel("What do you want to learn next?").fill("Go, from the other tab");
  await form(second).getByRole("button", { name: "Save check-in" }).click();
  const alert = form(second).getByRole("alert");
  await expect(alert).toContainText("You saved the check-in in another tab or window while you were typing here.");
  await expect(alert).not.toContainText("other person");
  await expect(alert).toContainText("Rust, from the laptop");
  await expect(form(second).getByLabel("What do you want to learn next?")).toHaveValue("Go, from the other tab");
  await first.context().close();
});

const checkIn = (p: Page) => p.getByRole("form", { name: "Growth and meaning check-in" });

test("an answer typed but not saved stays through the other person's save and a new talking point; the save then explains the clash", async ({ browser }) => {
  const maya = await open(browser, "maya@acme.example");
  const eli = await open(browser, "eli@acme.example");
  const typed = `Maya, typed and not saved yet ${Date.now()}`;
  await checkIn(maya).getByLabel("What felt meaningful?").fill(typed);

  const his = `Eli: a conference talk ${Date.now()}`;
  await checkIn(eli).getByLabel("What do you want to learn next?").fill(his);
  await checkIn(eli).getByRole("button", { name: "Save check-in" }).click();
  await expect(checkIn(eli).getByText("Check-in saved.")).toBeVisible();

  // Adding a talking point refreshes Maya's page with Eli's save: her field keeps her text, the one she left follows his.
  const point = `Talking point ${Date.now()}`;
  await maya.getByLabel("New talking point").fill(point);
  await maya.getByRole("button", { name: "Add", exact: true }).click();
  await expect(maya.getByRole("list", { name: "Talking points" })).toContainText(point);
  await expect(checkIn(maya).getByLabel("What felt meaningful?")).toHaveValue(typed);
  await expect(checkIn(maya).getByLabel("What do you want to learn next?")).toHaveValue(his);

  // Her save started before his: it is refused with his answers in view, and hers kept.
  await checkIn(maya).getByRole("button", { name: "Save check-in" }).click();
  await expect(checkIn(maya).getByRole("alert")).toContainText("Eli Employee saved the check-in while you were typing.");
  await expect(checkIn(maya).getByRole("alert")).toContainText(his);
  await expect(checkIn(maya).getByLabel("What felt meaningful?")).toHaveValue(typed);
  await checkIn(maya).getByRole("button", { name: "Save check-in" }).click();
  await expect(checkIn(maya).getByText("Check-in saved.")).toBeVisible();

  await eli.reload();
  await expect(checkIn(eli).getByLabel("What felt meaningful?")).toHaveValue(typed);
  await expect(checkIn(eli).getByLabel("What do you want to learn next?")).toHaveValue(his);
  await maya.context().close();
  await eli.context().close();
});

test("an unsaved answer survives a reload and leaving the page, only for its author, and is forgotten on sign-out", async ({ browser }) => {
  const maya = await open(browser, "maya@acme.example");
  const draft = `Status meetings, unsaved ${Date.now()}`;
  const motions = (p: Page) => checkIn(p).getByLabel("What felt like going through the motions?");
  await motions(maya).fill(draft);

  await maya.reload();
  await expect(motions(maya)).toHaveValue(draft);
  await expect(checkIn(maya).getByRole("status").filter({ hasText: "Restored your unsaved answers from this device." })).toBeVisible();
  await maya.goto("/team");
  await maya.goto(`/one-on-ones/${meetingId}`);
  await expect(motions(maya)).toHaveValue(draft);

  // Someone else signing in on this browser never gets it.
  const ctx = maya.context();
  await ctx.clearCookies();
  const eli = await ctx.newPage();
  await signIn(eli, "eli@acme.example", { to: `/one-on-ones/${meetingId}` });
  await checkIn(eli).getByRole("radio", { name: "3" }).check(); // interactive: a restore would have happened
  await expect(motions(eli)).not.toHaveValue(draft);
  await expect(eli.getByText("Restored your unsaved answers")).toHaveCount(0);
  await eli.close();

  // Saved, it is no longer a draft.
  await ctx.clearCookies();
  await signIn(maya, "maya@acme.example", { to: `/one-on-ones/${meetingId}` });
  await expect(motions(maya)).toHaveValue(draft);
  await checkIn(maya).getByRole("button", { name: "Save check-in" }).click();
  await expect(checkIn(maya).getByText("Check-in saved.")).toBeVisible();
  // Eli's radio above left a draft of his own (keyed by his membership): count the ones holding Maya's words.
  const drafts = () => maya.evaluate((text) => Object.keys(localStorage).filter((k) => k.startsWith("reignite:checkin:") && localStorage.getItem(k)!.includes(text)).length, draft);
  expect(await drafts()).toBe(0);
  await maya.reload();
  await expect(motions(maya)).toHaveValue(draft);
  await expect(maya.getByText("Restored your unsaved answers")).toHaveCount(0);

  // One still unsaved at an explicit sign-out does not stay behind.
  await motions(maya).fill(`${draft} and more`);
  expect(await drafts()).toBe(1);
  await maya.getByRole("button", { name: "Sign out" }).click();
  await expect(maya.getByRole("status").filter({ hasText: "You have signed out." })).toBeVisible();
  await loadedAfresh(maya);
  await expect.poll(() => maya.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("reignite:")).length)).toBe(0);
  await ctx.close();
});

// Last in this file: it marks the 1:1 held.
test("an answer typed before Mark held is still there afterwards and saves without a clash", async ({ browser }) => {
  const maya = await open(browser, "maya@acme.example");
  const typed = `Typed before marking it held ${Date.now()}`;
  await checkIn(maya).getByLabel("What do you want to learn next?").fill(typed);
  await maya.getByRole("button", { name: "Mark held…" }).click();
  await maya.getByRole("button", { name: "Yes, it took place" }).click();
  await expect(maya.getByRole("status").filter({ hasText: "This 1:1 was held." })).toBeVisible();
  await expect(checkIn(maya).getByLabel("What do you want to learn next?")).toHaveValue(typed);
  await checkIn(maya).getByRole("button", { name: "Save check-in" }).click();
  await expect(checkIn(maya).getByText("Check-in saved.")).toBeVisible();
  await maya.reload();
  await expect(checkIn(maya).getByLabel("What do you want to learn next?")).toHaveValue(typed);
  await maya.context().close();
});

test("answers and a note typed before the page's script ran are kept and saved, not replaced as the page wakes up", async ({ browser }) => {
  // Answers already saved: React puts a server-rendered answer back as the page hydrates (an empty one it leaves).
  const sql = postgres(e2eDatabaseUrl(), { max: 1, onnotice: () => {} });
  await sql`UPDATE meetings SET learn_next = 'Saved earlier', energy = 4, version = version + 1 WHERE id = ${meetingId}`;
  await sql.end({ timeout: 5 });
  const page = await (await browser.newContext()).newPage();
  await signIn(page, "eli@acme.example");
  const scripts = await holdScripts(page);
  await page.goto(`/one-on-ones/${meetingId}`, { waitUntil: "domcontentloaded" });
  const form = page.getByRole("form", { name: "Growth and meaning check-in" });
  const note = page.getByLabel("Shared note", { exact: true });
  const typed = `Typed on a slow train ${Date.now()}`;
  await form.getByLabel("What do you want to learn next?").fill(typed);
  await form.getByRole("radio", { name: "3" }).check();
  await form.getByRole("radio", { name: "2" }).check();
  await note.fill(`${typed} (note)`);
  scripts.release();
  // Hydrated: the note editor's Preview button works only with the script.
  await expect(page.getByRole("button", { name: "Preview" }).first()).toBeEnabled();
  await page.waitForLoadState("networkidle");
  await scripts.done();
  await expect(form.getByLabel("What do you want to learn next?")).toHaveValue(typed);
  await expect(form.getByRole("radio", { name: "2" })).toBeChecked();
  await expect(note).toHaveValue(`${typed} (note)`);
  // Once the page has woken up nothing more is noted: a note editor mounted again after Preview is React's own.
  await page.getByRole("button", { name: "Preview" }).first().click();
  await page.getByRole("button", { name: /^Edit shared note/ }).click();
  await note.press("End");
  await note.pressSequentially("!");
  await expect(note).not.toHaveAttribute("data-typed-value", /.*/);
  await form.getByRole("button", { name: "Save check-in" }).click();
  await expect(form.getByRole("button", { name: "Save check-in" })).toBeEnabled();
  // Saved, as typed: the note on its own (it saves as you type), the check-in with the button.
  await expect.poll(async () => (await (await page.request.get(`/api/v1/meetings/${meetingId}`)).json()).checkIn).toMatchObject({ learnNext: typed, energy: 2 });
  await expect
    .poll(async () => ((await (await page.request.get(`/api/v1/meetings/${meetingId}`)).json()).notes as { visibility: string; body: string }[]).find((n) => n.visibility === "shared")?.body)
    .toBe(`${typed} (note)!`);
  await page.context().close();
});
