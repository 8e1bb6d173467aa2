import { expect, test } from "@playwright/test";
import { go, signedIn } from "./support/auth";
import { resetDemoData } from "./support/reset";

test.beforeAll(async () => {
  await resetDemoData();
});

test("the weekly pulse names each unanswered question itself (no browser bubble), and focus goes to the thanks once sent", async ({ browser }) => {
  const fatima = await signedIn(browser, "fatima@acme.example", { width: 390, height: 844 });
  const page = fatima.page;
  await go(page, "/me");
  const form = page.getByRole("form", { name: "Weekly pulse" });
  const questions = form.getByRole("radiogroup");
  await expect(questions).toHaveCount(5);
  // Two answered, three left out: the browser's "Please select one of these options" stopped the send before.
  await questions.nth(0).getByRole("radio").nth(2).check();
  await questions.nth(2).getByRole("radio").nth(3).check();
  await form.getByRole("button", { name: "Send pulse" }).click();
  await expect(form.getByRole("alert")).toHaveText("Some fields need attention.");
  for (const i of [1, 3, 4]) {
    await expect(questions.nth(i)).toHaveAttribute("aria-invalid", "true");
    await expect(questions.nth(i)).toHaveAccessibleDescription("Choose 1 to 5.");
  }
  await expect(questions.nth(0)).not.toHaveAttribute("aria-invalid", "true");
  // Focus is at the first question still to answer; the answers given are kept.
  await expect(questions.nth(1).getByRole("radio").first()).toBeFocused();
  await expect(questions.nth(0).getByRole("radio").nth(2)).toBeChecked();
  await expect(questions.nth(2).getByRole("radio").nth(3)).toBeChecked();

  for (const i of [1, 3, 4]) await questions.nth(i).getByRole("radio").nth(1).check();
  await form.getByRole("button", { name: "Send pulse" }).click();
  const thanks = page.getByText("You have answered this week’s pulse");
  await expect(thanks).toBeVisible();
  await expect(thanks).toBeFocused();
  // What she sent stays readable this week (a second tab's answers are refused; the score alone said nothing).
  await expect(page.getByRole("heading", { name: "Your answers this week" })).toBeVisible();
  const sent = page.locator("dl", { has: page.getByText("How motivated have you felt at work this week?") }).getByRole("definition");
  await expect(sent).toHaveText(["3 of 5", "2 of 5", "4 of 5", "2 of 5", "2 of 5"]);
  await expect(page.getByRole("term").first()).toHaveText("How motivated have you felt at work this week?");
  await fatima.close();
});

test("the pulse says who reads the answers: the manager by name, or only the person when they have no manager", async ({ browser }) => {
  // Gina (Globex's admin, at the top) read "Only you and your manager see your answers" with no manager to read them.
  const eli = await signedIn(browser, "eli@acme.example");
  await go(eli.page, "/me");
  await expect(eli.page.getByText("Only you and your manager see your answers: Maya Manager now, and whoever manages you later.")).toBeVisible();
  await eli.close();
  const gina = await signedIn(browser, "gina@globex.example");
  await go(gina.page, "/me");
  await expect(gina.page.getByText(/Only you see your answers for now: you have no active manager on record\./)).toBeVisible();
  await expect(gina.page.getByText(/Only you and your manager/)).toHaveCount(0);
  await gina.close();
});
