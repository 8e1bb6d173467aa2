import { expect, test } from "@playwright/test";
import { go, signedIn } from "./support/auth";
import { nextMeetingOf, personIdOf } from "./support/db";
import { resetDemoData } from "./support/reset";

// Nothing here changes the 1:1: every question is answered "no".
let meetingId: string;

test.beforeAll(async () => {
  await resetDemoData();
  meetingId = await nextMeetingOf(await personIdOf("eli@acme.example"));
});

test("Reschedule and Cancel open one at a time under the header; the title stays where it was; focus goes in and back", async ({ browser }) => {
  const maya = await signedIn(browser, "maya@acme.example", { width: 1280, height: 800 });
  const page = maya.page;
  await go(page, `/one-on-ones/${meetingId}`);
  const title = page.getByRole("heading", { level: 1, name: "1:1 with Eli Employee" });
  const before = (await title.boundingBox())!;
  const reschedule = page.getByRole("button", { name: "Reschedule" });
  const cancel = page.getByRole("button", { name: "Cancel 1:1…" });
  const rescheduleForm = page.getByRole("form", { name: "Reschedule" });
  const cancelForm = page.getByRole("form", { name: "Cancel this 1:1" });

  await reschedule.click();
  await expect(page.getByLabel("New date and time")).toBeFocused();
  expect((await title.boundingBox())!.y).toBe(before.y);
  // Under the header, as wide as it: not squeezed into the buttons' column.
  const panel = (await rescheduleForm.boundingBox())!;
  expect(panel.y).toBeGreaterThan(before.y + before.height);
  expect(panel.x).toBeLessThanOrEqual(before.x + 1);

  // Opening Cancel closes Reschedule: never "Yes, cancel it" right above "Save new time".
  await cancel.click();
  await expect(cancelForm.getByRole("button", { name: "Yes, cancel it" })).toBeFocused();
  await expect(rescheduleForm).toHaveCount(0);
  await expect(reschedule).toHaveAttribute("aria-expanded", "false");
  await expect(cancel).toHaveAttribute("aria-expanded", "true");
  expect((await title.boundingBox())!.y).toBe(before.y);
  await page.keyboard.press("Escape");
  await expect(cancelForm).toHaveCount(0);
  await expect(cancel).toBeFocused();

  // And the other way round; Escape in the date field closes it and hands focus back to Reschedule.
  await cancel.click();
  await reschedule.click();
  await expect(cancelForm).toHaveCount(0);
  await expect(page.getByLabel("New date and time")).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(rescheduleForm).toHaveCount(0);
  await expect(reschedule).toBeFocused();
  // The button toggles its panel, as aria-expanded says.
  await reschedule.click();
  await expect(reschedule).toHaveAttribute("aria-expanded", "true");
  await reschedule.click();
  await expect(rescheduleForm).toHaveCount(0);
  await expect(reschedule).toBeFocused();
  await maya.close();
});

test("Mark held asks first, and a 1:1 days ahead says it would be recorded as held today; “Not yet” and Escape change nothing", async ({ browser }) => {
  const maya = await signedIn(browser, "maya@acme.example", { width: 390, height: 844 });
  const page = maya.page;
  await go(page, `/one-on-ones/${meetingId}`);
  const markHeld = page.getByRole("button", { name: "Mark held…" });
  const question = page.getByRole("form", { name: "Mark this 1:1 held" });
  // One key press used to hold it at once.
  await markHeld.focus();
  await page.keyboard.press("Enter");
  await expect(question.getByRole("button", { name: "Yes, it took place" })).toBeFocused();
  await expect(question).toContainText(/This 1:1 is set for .+, in \d+ (days|weeks)\. Marked held now, it is recorded as held today\./);
  await expect(question).toContainText("Its open talking points and action items move to the next 1:1. This can't be undone.");
  await expect(markHeld).toHaveAttribute("aria-expanded", "true");
  await question.getByRole("button", { name: "Not yet" }).click();
  await expect(question).toHaveCount(0);
  await expect(markHeld).toBeFocused();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Escape");
  await expect(question).toHaveCount(0);
  await expect(markHeld).toBeFocused();
  // Opening Cancel instead closes the question.
  await markHeld.click();
  await page.getByRole("button", { name: "Cancel 1:1…" }).click();
  await expect(question).toHaveCount(0);

  await page.reload();
  await expect(page.getByRole("heading", { level: 1 }).locator("xpath=following-sibling::p").getByText("Scheduled", { exact: true })).toBeVisible();
  await maya.close();
});
