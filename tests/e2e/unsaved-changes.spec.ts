import { expect, test, type Dialog, type Page } from "@playwright/test";
import { go, signedIn } from "./support/auth";
import { nextMeetingOf, personIdOf } from "./support/db";
import { resetDemoData } from "./support/reset";

/**
 * Typing is not lost without a word: leaving a page with unsaved typing in a form asks first — an in-app link
 * with "Leave this page? …", Back within the app the same way, a reload or closing the tab with the browser's own
 * prompt (components/shell/unsaved-changes-guard.tsx). Saved forms, search boxes and filters leave freely.
 */

const LEAVE = "Leave this page? What you typed here is not saved.";

let eliId: string;

test.beforeAll(async () => {
  await resetDemoData();
  eliId = await personIdOf("eli@acme.example");
});

/** Every dialog the page opens from now on, each answered by `answer` (Playwright would dismiss them unasked). */
function dialogs(page: Page, answer: (d: Dialog) => Promise<void>): { type: string; message: string }[] {
  const seen: { type: string; message: string }[] = [];
  page.on("dialog", (d) => {
    seen.push({ type: d.type(), message: d.message() });
    void answer(d);
  });
  return seen;
}

async function editPurpose(page: Page, text: string) {
  await page.getByRole("button", { name: "Edit purpose" }).click();
  const purpose = page.getByRole("form", { name: "Purpose" });
  await purpose.getByLabel("What impact do you want to make?").fill(text);
  return purpose;
}

test("Eli's half-written purpose: a nav link asks, No stays with the text, Yes leaves", async ({ browser }) => {
  const { page, close } = await signedIn(browser, "eli@acme.example");
  await go(page, "/me");
  const typed = `Unsaved impact ${Date.now()}`;
  const purpose = await editPurpose(page, typed);

  let answer: "accept" | "dismiss" = "dismiss";
  const seen = dialogs(page, (d) => (answer === "accept" ? d.accept() : d.dismiss()));
  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.getByRole("link", { name: "My 1:1s" }).click();
  await expect.poll(() => seen.length).toBe(1);
  expect(seen[0]).toEqual({ type: "confirm", message: LEAVE });
  // Declined: still on /me, the editor open with the text in it.
  await expect(page).toHaveURL(/\/me$/);
  await expect(purpose.getByLabel("What impact do you want to make?")).toHaveValue(typed);

  // The header's links too (Account), and here the person goes.
  answer = "accept";
  await page.getByRole("link", { name: "Account", exact: true }).click();
  await expect(page).toHaveURL(/\/account$/);
  expect(seen).toHaveLength(2);
  expect(seen[1]!.message).toBe(LEAVE);
  // Nothing was saved: the purpose on /me is as before.
  await go(page, "/me");
  await expect(page.getByText(typed)).toHaveCount(0);
  await close();
});

test("reload, closing the tab and Back with unsaved typing get a prompt; declined, the text stays", async ({ browser }) => {
  const { page, close } = await signedIn(browser, "eli@acme.example");
  await go(page, "/me/one-on-ones");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My growth" }).click();
  await expect(page).toHaveURL(/\/me$/);
  const typed = `Reload me not ${Date.now()}`;
  const purpose = await editPurpose(page, typed);
  const field = purpose.getByLabel("What impact do you want to make?");

  const seen = dialogs(page, (d) => d.dismiss());
  // Reload: the browser's own prompt (its text is the browser's), declined: nothing reloads.
  await page.reload({ timeout: 5_000 }).catch(() => undefined);
  await expect.poll(() => seen.map((d) => d.type)).toEqual(["beforeunload"]);
  await expect(field).toHaveValue(typed);

  // Back to the previous page of the app: the same question as a link (the Navigation API lets it be cancelled).
  await page.evaluate(() => history.back());
  await expect.poll(() => seen.map((d) => d.type)).toEqual(["beforeunload", "confirm"]);
  expect(seen[1]!.message).toBe(LEAVE);
  await expect(page).toHaveURL(/\/me$/);
  await expect(field).toHaveValue(typed);

  // Closing the tab asks as well.
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => seen.map((d) => d.type)).toEqual(["beforeunload", "confirm", "beforeunload"]);
  await close();
});

test("Back accepted goes back; a saved purpose and an untouched editor leave without a question", async ({ browser }) => {
  const { page, close } = await signedIn(browser, "eli@acme.example");
  await go(page, "/people");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My growth" }).click();
  await expect(page).toHaveURL(/\/me$/);
  const seen = dialogs(page, (d) => d.accept());

  await editPurpose(page, `Going back ${Date.now()}`);
  await page.evaluate(() => history.back());
  await expect(page).toHaveURL(/\/people$/);
  expect(seen.map((d) => d.message)).toEqual([LEAVE]);

  // An editor opened but not changed is nothing to lose.
  await go(page, "/me");
  await page.getByRole("button", { name: "Edit purpose" }).click();
  await expect(page.getByRole("form", { name: "Purpose" })).toBeVisible();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "People" }).click();
  await expect(page).toHaveURL(/\/people$/);

  // Saved: the text is safe, so leaving does not ask.
  await go(page, "/me");
  const saved = `Saved impact ${Date.now()}`;
  const purpose = await editPurpose(page, saved);
  await purpose.getByRole("button", { name: "Save purpose" }).click();
  await expect(purpose).toBeHidden();
  await expect(page.getByText(saved, { exact: true })).toBeVisible();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "People" }).click();
  await expect(page).toHaveURL(/\/people$/);
  await page.reload();
  expect(seen.map((d) => d.message)).toEqual([LEAVE]);
  await close();
});

test("a search box or a filter with something typed in it leaves without a question", async ({ browser }) => {
  const maya = await signedIn(browser, "maya@acme.example");
  const seen = dialogs(maya.page, (d) => d.dismiss());
  await go(maya.page, "/people");
  await maya.page.getByRole("search").getByLabel("Search by name, title or team").fill("Jonah");
  await maya.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My growth" }).click();
  await expect(maya.page).toHaveURL(/\/me$/);

  await go(maya.page, "/team");
  const filters = maya.page.getByRole("form", { name: "Sort and filter" });
  await filters.getByLabel("Sort by").selectOption("name");
  await maya.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "People" }).click();
  await expect(maya.page).toHaveURL(/\/people$/);
  await maya.page.reload();
  expect(seen).toEqual([]);
  await maya.close();
});

test("the stuck message, a talking point and a controlled form (settings) ask too", async ({ browser }) => {
  const eli = await signedIn(browser, "eli@acme.example");
  const eliDialogs = dialogs(eli.page, (d) => d.dismiss());
  await go(eli.page, "/me");
  const stuck = eli.page.getByRole("form", { name: "I feel stuck" });
  await stuck.getByLabel("What's going on? (optional)").fill("Same tickets every sprint");
  await eli.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "People" }).click();
  await expect.poll(() => eliDialogs.map((d) => d.message)).toEqual([LEAVE]);
  await expect(eli.page).toHaveURL(/\/me$/);
  await expect(stuck.getByLabel("What's going on? (optional)")).toHaveValue("Same tickets every sprint");
  // Emptied again: nothing to lose.
  await stuck.getByLabel("What's going on? (optional)").fill("");
  await eli.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "People" }).click();
  await expect(eli.page).toHaveURL(/\/people$/);
  expect(eliDialogs).toHaveLength(1);
  await eli.close();

  const maya = await signedIn(browser, "maya@acme.example");
  const mayaDialogs = dialogs(maya.page, (d) => d.dismiss());
  await go(maya.page, `/one-on-ones/${await nextMeetingOf(eliId)}`);
  const add = maya.page.getByRole("form", { name: "Add a talking point" });
  await add.getByLabel("New talking point").fill("Rotation into the data team?");
  await maya.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Team" }).click();
  await expect.poll(() => mayaDialogs.map((d) => d.message)).toEqual([LEAVE]);
  // Added: the field is empty again and leaving does not ask.
  await add.getByRole("button", { name: "Add", exact: true }).click();
  await expect(maya.page.getByRole("list", { name: "Talking points" })).toContainText("Rotation into the data team?");
  await expect(add.getByLabel("New talking point")).toHaveValue("");
  await maya.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Team" }).click();
  await expect(maya.page).toHaveURL(/\/team/);
  expect(mayaDialogs).toHaveLength(1);
  await maya.close();

  // Settings' fields are controlled (React keeps their defaults in step): the form says itself that it changed.
  const ada = await signedIn(browser, "ada@acme.example");
  const adaDialogs = dialogs(ada.page, (d) => d.dismiss());
  await go(ada.page, "/settings");
  const settings = ada.page.getByRole("form", { name: "Radar thresholds" });
  const notice = settings.getByLabel("Role notice (months)");
  const was = await notice.inputValue();
  await notice.fill(String(Number(was) + 1));
  await ada.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "People" }).click();
  await expect.poll(() => adaDialogs.map((d) => d.message)).toEqual([LEAVE]);
  await expect(ada.page).toHaveURL(/\/settings$/);
  // Put back as it was: nothing changed, nothing to ask.
  await notice.fill(was);
  await ada.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "People" }).click();
  await expect(ada.page).toHaveURL(/\/people$/);
  expect(adaDialogs).toHaveLength(1);
  await ada.close();
});

// A picked person lives in a hidden field, whose default follows its value: picking someone and nothing else used
// to leave without a word (session 20's note).
test("a new connection with only a colleague picked asks before leaving; the pick removed again does not", async ({ browser }) => {
  const eli = await signedIn(browser, "eli@acme.example");
  const seen = dialogs(eli.page, (d) => d.dismiss());
  await go(eli.page, "/me");
  await eli.page.getByRole("button", { name: "Add a connection" }).first().click();
  const form = eli.page.getByRole("form", { name: "New connection" });
  const who = form.getByRole("combobox", { name: "Person in the organization" });
  await who.fill("nadi");
  await form.getByRole("option", { name: /Nadia Petrova/ }).click();
  await expect(form.getByRole("group", { name: "Person in the organization" })).toContainText("Nadia Petrova");
  const nav = eli.page.getByRole("navigation", { name: "Main" });
  await nav.getByRole("link", { name: "People" }).click();
  await expect.poll(() => seen.map((d) => d.message)).toEqual([LEAVE]);
  await expect(eli.page).toHaveURL(/\/me$/);
  await expect(form.getByRole("group", { name: "Person in the organization" })).toContainText("Nadia Petrova");

  // Changed back to nobody: the search box is empty again, nothing to lose.
  await form.getByRole("button", { name: "Change person in the organization" }).click();
  await expect(who).toHaveValue("");
  await nav.getByRole("link", { name: "People" }).click();
  await expect(eli.page).toHaveURL(/\/people$/);
  expect(seen).toHaveLength(1);
  await eli.close();
});
