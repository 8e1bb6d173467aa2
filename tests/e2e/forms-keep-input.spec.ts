import { expect, test, type Browser } from "@playwright/test";
import { go, signedIn } from "./support/auth";
import { nextMeetingOf, personIdOf } from "./support/db";
import { expectNoSidewaysScroll } from "./support/layout";
import { resetDemoData } from "./support/reset";

/**
 * Forms keep what the person chose and typed after a server-side validation
 * error (React 19 resets a `<form action>` after every action, success or
 * not), user-written text wraps instead of widening the page, and keyboard
 * focus survives the controls it lands on.
 */

let eliId: string;
let meetingId: string;

test.beforeAll(async () => {
  await resetDemoData();
  eliId = await personIdOf("eli@acme.example");
  meetingId = await nextMeetingOf(eliId);
});

/** Eli, signed in on /me, raises "I feel stuck" through the form and sees it waiting. */
async function eliRaisesSignal(browser: Browser, words: string) {
  const eli = await signedIn(browser, "eli@acme.example");
  await go(eli.page, "/me");
  const raise = eli.page.getByRole("form", { name: "I feel stuck" });
  await raise.getByLabel("What's going on? (optional)").fill(`${words} ${Date.now()}`);
  await raise.getByRole("button", { name: "Send “I feel stuck”" }).click();
  await expect(eli.page.getByText("Waiting for a response")).toBeVisible();
  return eli;
}

test("acknowledging a signal: after an empty next step is refused the choice stays and the typed step is what is saved", async ({ browser }) => {
  const eli = await eliRaisesSignal(browser, "Forms QA");
  await eli.close();

  const maya = await signedIn(browser, "maya@acme.example");
  await go(maya.page, "/signals");
  const form = maya.page.getByRole("form", { name: "Acknowledge Eli Employee's signal" });
  await form.getByLabel("Something else").check();
  await form.getByRole("button", { name: "Acknowledge" }).click();
  await expect(form.getByText("Say in a few words what you will do next.")).toBeVisible();
  await expect(form.getByLabel("Something else")).toBeChecked();
  await expect(form.getByLabel("Talk in our next 1:1")).not.toBeChecked();

  // A second tab, opened before the answer: its acknowledgement is refused as hers, keeps what she typed, and offers
  // no Acknowledge that could only be refused again.
  const other = await maya.page.context().newPage();
  await go(other, "/signals");
  const stale = other.getByRole("form", { name: "Acknowledge Eli Employee's signal" });
  await stale.getByLabel("Something else").check();
  await stale.getByLabel("Describe the next step").fill("Shadow the SRE on-call for a week");

  await form.getByLabel("Describe the next step").fill("Pair with the data team for a sprint");
  await form.getByRole("button", { name: "Acknowledge" }).click();
  await expect(maya.page.getByRole("region", { name: "Earlier" })).toContainText("Next step: Pair with the data team for a sprint");

  await stale.getByRole("button", { name: "Acknowledge" }).click();
  await expect(stale.getByText("You already acknowledged it, in another tab or window. Next step Eli Employee sees: Pair with the data team for a sprint.")).toBeVisible();
  await expect(stale.getByLabel("Describe the next step")).toHaveValue("Shadow the SRE on-call for a week");
  await expect(stale.getByRole("button", { name: "Acknowledge" })).toHaveCount(0);
  await stale.getByRole("link", { name: "Show it under Earlier" }).click();
  await expect(other.getByRole("region", { name: "Earlier" })).toContainText("Next step: Pair with the data team for a sprint");
  await maya.close();
});

test("withdrawing from a page that still shows the signal waiting: Eli first hears that Maya answered, then withdraws it anyway", async ({ browser }) => {
  const eli = await eliRaisesSignal(browser, "Withdraw QA");

  const maya = await signedIn(browser, "maya@acme.example");
  await go(maya.page, "/signals");
  const form = maya.page.getByRole("form", { name: "Acknowledge Eli Employee's signal" });
  await form.getByLabel("Explore a rotation").check();
  await form.getByRole("button", { name: "Acknowledge" }).click();
  await expect(maya.page.getByRole("region", { name: "Earlier" })).toContainText("Next step: Explore a rotation");
  await maya.close();

  await eli.page.getByRole("button", { name: "Withdraw", exact: true }).click();
  const question = eli.page.getByText("Maya Manager acknowledged it meanwhile — next step: Explore a rotation. Withdraw it anyway?");
  await expect(question).toBeVisible();
  // The question comes before the button it asks about.
  expect((await question.boundingBox())!.y).toBeLessThan((await eli.page.getByRole("button", { name: "Withdraw anyway" }).boundingBox())!.y);
  await expect(eli.page.getByText("✓ Acknowledged")).toBeVisible();
  await eli.page.getByRole("button", { name: "Withdraw anyway" }).click();
  await expect(eli.page.getByText(/^You withdrew your last signal/)).toBeVisible();
  await eli.close();
});

test("acknowledging from a page that still shows the signal open: Maya hears that Eli withdrew it, and is offered it under Earlier", async ({ browser }) => {
  const eli = await eliRaisesSignal(browser, "Taken back");

  const maya = await signedIn(browser, "maya@acme.example");
  await go(maya.page, "/signals");
  const form = maya.page.getByRole("form", { name: "Acknowledge Eli Employee's signal" });
  await form.getByLabel("Explore a rotation").check();

  await eli.page.getByRole("button", { name: "Withdraw", exact: true }).click();
  await expect(eli.page.getByText(/^You withdrew your last signal/)).toBeVisible();
  await eli.close();

  // The refusal used to be a bare "This signal was withdrawn." with the card still open and Acknowledge still there.
  await form.getByRole("button", { name: "Acknowledge" }).click();
  await expect(form.getByText("Eli Employee withdrew this signal meanwhile: there is nothing to acknowledge. It is listed under Earlier.")).toBeVisible();
  await expect(form.getByRole("button", { name: "Acknowledge" })).toHaveCount(0);
  await form.getByRole("link", { name: "Show it under Earlier" }).click();
  await expect(maya.page.getByRole("region", { name: "Earlier" })).toContainText("Withdrawn");
  await expect(maya.page.getByRole("form", { name: "Acknowledge Eli Employee's signal" })).toHaveCount(0);
  await maya.close();
});

test("check-in answers say their limit, keep every answer after an error and mark the field that is too long", async ({ browser }) => {
  const maya = await signedIn(browser, "maya@acme.example");
  await go(maya.page, `/one-on-ones/${meetingId}`);
  const form = maya.page.getByRole("form", { name: "Growth and meaning check-in" });
  const meaningful = form.getByLabel("What felt meaningful?");
  const motions = form.getByLabel("What felt like going through the motions?");
  const learn = form.getByLabel("What do you want to learn next?");
  await expect(form.getByText("Up to 5,000 characters.").first()).toBeVisible();

  await motions.fill("Status meetings");
  await learn.fill("Stream processing");
  // Pasted over the limit: nothing is cut (a browser's maxlength cut a paste without a word); the counter says by
  // how much, and the server's limit answers at the field.
  const long = "a".repeat(5001);
  await meaningful.fill(long);
  await expect(meaningful).toHaveValue(long);
  await expect(meaningful).toHaveAccessibleDescription("5,001 of 5,000 characters: 1 too many.");
  await form.getByRole("button", { name: "Save check-in" }).click();
  await expect(meaningful).toHaveAttribute("aria-invalid", "true");
  await expect(meaningful).toHaveAccessibleDescription("Keep it to 5,000 characters or fewer (this is 5,001).");
  await expect(meaningful).toHaveValue(long);
  await expect(motions).toHaveValue("Status meetings");
  await expect(learn).toHaveValue("Stream processing");

  await meaningful.fill("Mentoring Ana");
  await form.getByRole("button", { name: "Save check-in" }).click();
  await expect(form.getByRole("status")).toHaveText("Check-in saved.");
  await maya.page.reload();
  await expect(form.getByLabel("What felt meaningful?")).toHaveValue("Mentoring Ana");
  await expect(form.getByLabel("What felt like going through the motions?")).toHaveValue("Status meetings");
  await maya.close();
});

test("adding an action item without text keeps the chosen owner and due date", async ({ browser }) => {
  const maya = await signedIn(browser, "maya@acme.example");
  await go(maya.page, `/one-on-ones/${meetingId}`);
  const form = maya.page.getByRole("form", { name: "Add an action item" });
  const owner = form.getByLabel("Owner");
  await owner.selectOption({ label: "Eli Employee" });
  const ownerId = await owner.inputValue();
  await form.getByLabel("Due").fill("2031-12-18");
  await form.getByRole("button", { name: "Add action item" }).click();
  await expect(form.getByText("Describe the action item.")).toBeVisible();
  await expect(owner).toHaveValue(ownerId);
  await expect(form.getByLabel("Due")).toHaveValue("2031-12-18");
  // A due date gone by is named under Due, and Owner stays level with it (bottom-aligned, the message pushed it down).
  await form.getByLabel("Action item").fill("Anything");
  await form.getByLabel("Due").fill("2020-01-06");
  await form.getByRole("button", { name: "Add action item" }).click();
  await expect(form.getByLabel("Due")).toHaveAttribute("aria-invalid", "true");
  expect(Math.abs((await owner.boundingBox())!.y - (await form.getByLabel("Due").boundingBox())!.y)).toBeLessThan(2);
  await form.getByLabel("Due").fill("2031-12-18");

  const body = `Draft the rotation proposal ${Date.now()}`;
  await form.getByLabel("Action item").fill(body);
  await form.getByRole("button", { name: "Add action item" }).click();
  await expect(maya.page.getByRole("list", { name: "Action items" })).toContainText(`${body}Eli Employee · due`);
  // A saved item starts the next one afresh.
  await expect(form.getByLabel("Action item")).toHaveValue("");
  await maya.close();
});

test("a talking point or action item pasted over its limit is kept whole and refused at the field, not cut to 500 characters", async ({ browser }) => {
  const maya = await signedIn(browser, "maya@acme.example");
  await go(maya.page, `/one-on-ones/${meetingId}`);
  const pasted = `${"Context from the retro. ".repeat(30)}End.`; // 724 characters
  const agenda = maya.page.getByLabel("New talking point");
  await agenda.fill(pasted);
  await expect(agenda).toHaveValue(pasted);
  await agenda.press("Enter");
  await expect(agenda).toHaveAccessibleDescription("Keep it to 500 characters or fewer (this is 724).");
  await expect(agenda).toHaveValue(pasted);
  await expect(maya.page.getByRole("list", { name: "Talking points" })).not.toContainText("End.");

  const form = maya.page.getByRole("form", { name: "Add an action item" });
  await form.getByLabel("Action item").fill(pasted);
  await form.getByRole("button", { name: "Add action item" }).click();
  await expect(form.getByLabel("Action item")).toHaveAccessibleDescription("Keep it to 500 characters or fewer (this is 724).");
  await expect(form.getByLabel("Action item")).toHaveValue(pasted);
  await maya.close();
});

test("planning a rotation that ends before it starts keeps every field and marks the end date", async ({ browser }) => {
  const maya = await signedIn(browser, "maya@acme.example");
  await go(maya.page, `/people/${eliId}`);
  await maya.page.getByRole("button", { name: "Plan a rotation" }).click();
  const form = maya.page.getByRole("form", { name: "Plan a rotation" });
  await form.getByLabel("Host team or project").fill("Data Platform");
  await form.getByLabel("Status").selectOption("active");
  await form.getByLabel("Start").fill("2026-11-30");
  await form.getByLabel("Planned end").fill("2026-11-01");
  await form.getByLabel("What they want to learn").fill("Streaming pipelines");
  await form.getByRole("button", { name: "Save rotation" }).click();

  const end = form.getByLabel("Planned end");
  await expect(end).toHaveAttribute("aria-invalid", "true");
  await expect(end).toHaveAccessibleDescription("The planned end is before the start.");
  await expect(form.getByLabel("Host team or project")).toHaveValue("Data Platform");
  await expect(form.getByLabel("Status")).toHaveValue("active");
  await expect(form.getByLabel("Start")).toHaveValue("2026-11-30");
  await expect(end).toHaveValue("2026-11-01");
  await expect(form.getByLabel("What they want to learn")).toHaveValue("Streaming pipelines");

  await end.fill("2026-12-20");
  await form.getByRole("button", { name: "Save rotation" }).click();
  await expect(maya.page.getByRole("list", { name: "Rotations" })).toContainText("Data Platform");
  await expect(form.getByLabel("Host team or project")).toHaveValue("");
  await maya.close();
});

test("inviting someone whose email is taken keeps what was typed", async ({ browser }) => {
  const ada = await signedIn(browser, "ada@acme.example");
  await go(ada.page, "/admin/people");
  const form = ada.page.getByRole("form", { name: "Invite someone" });
  await form.getByLabel("Email").fill("eli@acme.example");
  await form.getByLabel("Name").fill("Eli Again");
  await form.getByLabel("Title").fill("Engineer");
  await form.getByLabel("Team").fill("Payments");
  await form.getByRole("button", { name: /invitation/ }).click();
  await expect(form.getByRole("alert")).toBeVisible();
  await expect(form.getByLabel("Email")).toHaveValue("eli@acme.example");
  await expect(form.getByLabel("Name")).toHaveValue("Eli Again");
  await expect(form.getByLabel("Title")).toHaveValue("Engineer");
  await expect(form.getByLabel("Team")).toHaveValue("Payments");
  await ada.close();
});

for (const viewport of [{ width: 1280, height: 900 }, { width: 375, height: 800 }]) {
  test(`long unbroken text wraps on the 1:1 page at ${viewport.width} px and leaves the row's buttons in view`, async ({ browser }) => {
    const maya = await signedIn(browser, "maya@acme.example", viewport);
    await go(maya.page, `/one-on-ones/${meetingId}`);
    const url = `https://example.com/${"x".repeat(470)}${viewport.width}`;
    await maya.page.getByLabel("New talking point").fill(url);
    await maya.page.getByRole("button", { name: "Add", exact: true }).click();
    const agenda = maya.page.getByRole("list", { name: "Talking points" });
    await expect(agenda).toContainText(url);
    await maya.page.getByRole("form", { name: "Add an action item" }).getByLabel("Action item").fill(url);
    await maya.page.getByRole("button", { name: "Add action item" }).click();
    await expect(maya.page.getByRole("list", { name: "Action items" })).toContainText(url);

    await expectNoSidewaysScroll(maya.page, agenda.getByRole("button", { name: `Move up: ${url}` }));
    await expectNoSidewaysScroll(maya.page, maya.page.getByRole("checkbox", { name: `Mark done: ${url}` }));
    await maya.close();
  });
}

test("moving a talking point to the top with the keyboard keeps focus on its row", async ({ browser }) => {
  const maya = await signedIn(browser, "maya@acme.example");
  await go(maya.page, `/one-on-ones/${meetingId}`);
  const body = `Keyboard reorder ${Date.now()}`;
  for (const text of [`${body} (other)`, body]) {
    await maya.page.getByLabel("New talking point").fill(text);
    await maya.page.getByRole("button", { name: "Add", exact: true }).click();
    await expect(maya.page.getByRole("list", { name: "Talking points" })).toContainText(text);
  }
  const rows = maya.page.getByRole("list", { name: "Talking points" }).getByRole("listitem");
  // The row whose own "Move up" button names this talking point (the other one's text contains it too).
  const indexOfBody = () => rows.evaluateAll((lis, label) => lis.findIndex((li) => li.querySelector(`[aria-label="${label}"]`)), `Move up: ${body}`);
  await expect.poll(indexOfBody).toBeGreaterThan(0);

  const up = maya.page.getByRole("button", { name: `Move up: ${body}`, exact: true });
  // As fast as a person presses: the next press as soon as the row has moved, while the request may still be settling.
  await up.focus();
  for (let at = await indexOfBody(); at > 0; at--) {
    await maya.page.keyboard.press("Enter");
    await expect.poll(indexOfBody).toBe(at - 1);
  }
  // At the top: focus is still on this row's controls, never dropped to the page.
  await expect(up).toBeFocused();
  await expect(up).toHaveAttribute("aria-disabled", "true");
  await maya.page.keyboard.press("Enter");
  await maya.page.keyboard.press("Tab");
  await expect(maya.page.getByRole("button", { name: `Move down: ${body}`, exact: true })).toBeFocused();
  await expect(rows.first()).toContainText(body);

  // Moving down keeps focus too, though this row is the one the list moves.
  await maya.page.keyboard.press("Enter");
  await expect(rows.nth(1)).toContainText(body);
  await expect(maya.page.getByRole("button", { name: `Move down: ${body}`, exact: true })).toBeFocused();
  // Focus stays on the arrow, so the new place is said.
  await expect(maya.page.getByRole("status", { name: "Announcements" })).toHaveText(`Moved down: 2 of ${await rows.count()}.`);
  await maya.close();
});

test("rescheduling closes the form on success and leaves no stale message after closing it again or cancelling the 1:1", async ({ browser }) => {
  const maya = await signedIn(browser, "maya@acme.example");
  await go(maya.page, `/one-on-ones/${meetingId}`);
  const reschedule = maya.page.getByRole("button", { name: "Reschedule" });
  await reschedule.click();
  // Three weeks ahead whenever this runs (a fixed date passes; a time more than two years ahead is refused).
  const later = new Date(Date.now() + 21 * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  await maya.page.getByLabel("New date and time").fill(`${later.getFullYear()}-${pad(later.getMonth() + 1)}-${pad(later.getDate())}T10:30`);
  await maya.page.getByRole("button", { name: "Save new time" }).click();
  await expect(maya.page.getByRole("status").filter({ hasText: "Rescheduled." })).toBeVisible();
  await expect(maya.page.getByLabel("New date and time")).toBeHidden();
  await expect(reschedule).toHaveAttribute("aria-expanded", "false");

  await reschedule.click();
  await expect(maya.page.getByText("Rescheduled.")).toBeHidden();
  await maya.page.getByRole("form", { name: "Reschedule" }).getByRole("button", { name: "Close" }).click();
  await expect(maya.page.getByLabel("New date and time")).toBeHidden();
  await expect(maya.page.getByText("Rescheduled.")).toBeHidden();
  await expect(reschedule).toBeFocused();

  // A later change says what it did; nothing stale stays next to it.
  // Cancelling asks first; "Keep it" leaves everything as it was, focus back on the button.
  await maya.page.getByRole("button", { name: "Cancel 1:1…" }).click();
  const confirm = maya.page.getByRole("form", { name: "Cancel this 1:1" });
  await expect(confirm).toContainText("Cancel this 1:1? Its open talking points and action items move to the next one.");
  await expect(confirm.getByRole("button", { name: "Yes, cancel it" })).toBeFocused();
  await confirm.getByRole("button", { name: "Keep it" }).click();
  await expect(confirm).toBeHidden();
  await expect(maya.page.getByRole("button", { name: "Cancel 1:1…" })).toBeFocused();
  // Escape keeps it too.
  await maya.page.keyboard.press("Enter");
  await expect(confirm.getByRole("button", { name: "Yes, cancel it" })).toBeFocused();
  await maya.page.keyboard.press("Escape");
  await expect(confirm).toBeHidden();
  await expect(maya.page.getByRole("button", { name: "Cancel 1:1…" })).toBeFocused();
  await maya.page.getByRole("button", { name: "Cancel 1:1…" }).click();
  await confirm.getByRole("button", { name: "Yes, cancel it" }).click();
  await expect(maya.page.getByRole("status").filter({ hasText: "1:1 cancelled." })).toBeVisible();
  await expect(maya.page.getByText("Rescheduled.")).toBeHidden();
  await maya.close();
});

test("a date typed only in part is named at its field, not saved as no date", async ({ browser }) => {
  // The browser sends a date it cannot read (day and month typed, no year) as empty: the goal was saved without its
  // target date, and an action item's due date was cleared, without a word.
  const eli = await signedIn(browser, "eli@acme.example");
  await go(eli.page, "/me");
  const title = `Pair on the billing rewrite ${Date.now()}`;
  await eli.page.getByRole("button", { name: "Propose a stretch goal" }).first().click();
  const newGoal = eli.page.getByRole("form", { name: "New stretch goal" });
  await newGoal.getByLabel("Title").fill(title);
  const target = newGoal.getByLabel("Target date");
  await target.click();
  await target.pressSequentially("0612");
  expect(await target.evaluate((el: HTMLInputElement) => el.validity.badInput)).toBe(true);
  await newGoal.getByRole("button", { name: "Add goal" }).click();
  await expect(target).toHaveAccessibleDescription("That is not a whole date: give the day, month and year of a day that exists.");
  await expect(target).toHaveAttribute("aria-invalid", "true");
  await expect(target).toBeFocused();
  await expect(newGoal.getByLabel("Title")).toHaveValue(title);
  await eli.page.reload();
  await expect(eli.page.getByRole("article", { name: title })).toHaveCount(0);
  await eli.close();

  const maya = await signedIn(browser, "maya@acme.example");
  // Not `meetingId`: the rescheduling test before this one cancels it, and a cancelled 1:1 takes no new action items.
  await go(maya.page, `/one-on-ones/${await nextMeetingOf(eliId)}`);
  const body = `Book the demo room ${Date.now()}`;
  const add = maya.page.getByRole("form", { name: "Add an action item" });
  await add.getByLabel("Action item").fill(body);
  await add.getByLabel("Owner").selectOption({ label: "Maya Manager" });
  await add.getByLabel("Due").fill("2031-07-09");
  await add.getByRole("button", { name: "Add action item" }).click();
  const list = maya.page.getByRole("list", { name: "Action items" });
  await expect(list).toContainText(`${body}Maya Manager · due 9 Jul 2031`);
  await list.getByRole("button", { name: `Edit: ${body}`, exact: true }).click();
  const editor = maya.page.getByRole("form", { name: /^Edit the action item/ });
  const due = editor.getByLabel("Due");
  await due.fill("");
  await due.click();
  await due.pressSequentially("0811");
  await editor.getByRole("button", { name: "Save" }).click();
  await expect(due).toHaveAccessibleDescription("That is not a whole date: give the day, month and year of a day that exists.");
  await maya.page.reload();
  await expect(list).toContainText(`${body}Maya Manager · due 9 Jul 2031`);
  await maya.close();
});

test("a form sent after the session ended says to sign in and keeps what was typed", async ({ browser }) => {
  // The proxy sent the action's POST on to /login, whose page came back where the action's answer was due: the page
  // fell over ("Something went wrong") with the typing in it.
  const maya = await signedIn(browser, "maya@acme.example");
  // Not `meetingId`: the rescheduling test above cancels it, and a cancelled 1:1 takes no new talking points.
  await go(maya.page, `/one-on-ones/${await nextMeetingOf(eliId)}`);
  await maya.page.context().clearCookies();
  const text = `Ask about the platform guild ${Date.now()}`;
  const addForm = maya.page.getByRole("form", { name: "Add a talking point" });
  await addForm.getByLabel("New talking point").fill(text);
  await addForm.getByRole("button", { name: "Add" }).click();
  await expect(maya.page.getByRole("alert").filter({ hasText: "Please sign in." })).toBeVisible();
  await expect(addForm.getByLabel("New talking point")).toHaveValue(text);
  await expect(maya.page.getByText("Something went wrong")).toHaveCount(0);
  await maya.close();
});
