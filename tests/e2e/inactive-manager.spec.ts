import { expect, test } from "@playwright/test";
import { go, signedIn } from "./support/auth";
import { nextMeetingOf, personIdOf } from "./support/db";
import { resetDemoData } from "./support/reset";

test.beforeAll(async () => {
  await resetDemoData();
});

test("Maya is deactivated: Ada is shown who needs a new manager, and Hiro's “I feel stuck” goes to HR instead of nobody", async ({ browser }) => {
  // Three people signed in, and Hiro's 1:1s, page and directory entry checked: close to the default minute on a busy machine.
  test.slow();
  const ada = await signedIn(browser, "ada@acme.example");
  await go(ada.page, "/people?q=Maya");
  await ada.page.getByRole("link", { name: "Maya Manager" }).click();
  await ada.page.getByRole("button", { name: "Deactivate…" }).click();
  // The confirmation says who is left without an active manager.
  await expect(ada.page.getByRole("form", { name: "Confirm deactivation" })).toContainText(
    "6 people report to them and will until you choose new managers: their 1:1s with Maya will not take place.",
  );
  await ada.page.getByRole("button", { name: "Yes, deactivate" }).click();
  await expect(ada.page.getByRole("button", { name: "Reactivate Maya Manager" })).toBeVisible();
  await go(ada.page, "/admin/people");
  const notice = ada.page.getByRole("list", { name: "6 people report to someone deactivated" });
  await expect(notice.getByRole("listitem").filter({ hasText: "Hiro Tanaka" })).toContainText("reported to Maya Manager");

  const hiro = await signedIn(browser, "hiro@acme.example");
  await go(hiro.page, "/me");
  await expect(hiro.page.getByText("Your manager on record is no longer active")).toBeVisible();
  const form = hiro.page.getByRole("form", { name: "I feel stuck" });
  await expect(form.getByText("(your manager, always)")).toHaveCount(0);
  const hr = form.getByRole("checkbox", { name: "HR / org admins" });
  await expect(hr).toBeChecked();
  // Unticked, it would reach nobody: said at the choice, and nothing is sent.
  await hr.uncheck();
  await form.getByLabel("What's going on? (optional)").fill("Same migrations for a year.");
  await form.getByRole("button", { name: "Send “I feel stuck”" }).click();
  await expect(form.locator("#stuck-hr-error")).toContainText("nobody would see this yet");
  await expect(form.getByLabel("What's going on? (optional)")).toHaveValue("Same migrations for a year.");
  await hr.check();
  await form.getByRole("button", { name: "Send “I feel stuck”" }).click();
  await expect(hiro.page.getByText("Waiting for a response")).toBeVisible();
  // His 1:1s page says why nothing can be scheduled, instead of offering a form the server would refuse.
  await go(hiro.page, "/me/one-on-ones");
  await expect(hiro.page.getByRole("status").filter({ hasText: "Maya Manager is no longer active in Reignite" })).toBeVisible();
  await expect(hiro.page.getByRole("heading", { name: /^Schedule/ })).toHaveCount(0);
  // His 1:1 still scheduled with Maya is not cancelled (a reactivation would bring it back), but does not read as upcoming.
  const upcoming = hiro.page.getByRole("list", { name: "1:1 meetings" }).getByRole("listitem").first();
  await expect(upcoming).toContainText("Won't take place");
  await expect(upcoming).toContainText("Maya Manager was deactivated, so this 1:1 will not take place");
  await expect(upcoming).not.toContainText("Scheduled");
  await upcoming.getByRole("link").click();
  await expect(hiro.page.getByRole("status").filter({ hasText: "Maya Manager was deactivated, so this 1:1 will not take place as things stand" })).toBeVisible();
  await expect(hiro.page.getByText("Scheduled · won't take place")).toBeVisible();
  await expect(hiro.page.getByRole("button", { name: "Mark held" })).toHaveCount(0);
  // The directory names her as deactivated, as text: Hiro could not open her page.
  await go(hiro.page, "/people?q=Hiro");
  await expect(hiro.page.getByRole("row").filter({ hasText: "Hiro Tanaka" })).toContainText("Maya Manager (deactivated)");
  await hiro.page.getByRole("link", { name: "Hiro Tanaka" }).click();
  await expect(hiro.page.getByText("reports to Maya Manager (deactivated)")).toBeVisible();
  await expect(hiro.page.getByRole("link", { name: "Maya Manager" })).toHaveCount(0);
  await hiro.close();

  // Gus had told Maya alone, before she was deactivated: his signal says nobody can read it yet, and what to do.
  const gus = await signedIn(browser, "gus@acme.example");
  await go(gus.page, "/me");
  await expect(gus.page.getByText("Waiting for a response")).toBeVisible();
  await expect(gus.page.getByRole("status").filter({ hasText: "nobody can read this yet" })).toContainText("withdraw it and send it again to HR / org admins");
  await gus.close();

  // Omar's reports are told as before.
  const kira = await signedIn(browser, "kira@acme.example");
  await go(kira.page, "/me");
  await expect(kira.page.getByText("Tell Omar Manager safely.")).toBeVisible();
  await expect(kira.page.getByRole("form", { name: "I feel stuck" }).getByRole("checkbox", { name: "Also HR / org admins" })).not.toBeChecked();
  await kira.close();

  await go(ada.page, "/signals");
  await expect(ada.page.getByRole("list", { name: "Open signals" })).toContainText("Hiro Tanaka");
  await ada.close();
});

test("Dana, with no manager, tells HR that she feels stuck; Gina, in an organization with no admin, is not offered a form that reaches nobody", async ({ browser }) => {
  const dana = await signedIn(browser, "dana@acme.example");
  await go(dana.page, "/me");
  await expect(dana.page.getByText("You have no manager on record, so tell HR / org admins safely.")).toBeVisible();
  const form = dana.page.getByRole("form", { name: "I feel stuck" });
  await expect(form.getByRole("checkbox", { name: "HR / org admins (always)" })).toBeChecked();
  await expect(form.getByRole("checkbox", { name: /managers above your manager/ })).toHaveCount(0);
  await form.getByLabel("What's going on? (optional)").fill("Directing the same roadmap for three years.");
  await form.getByRole("button", { name: "Send “I feel stuck”" }).click();
  await expect(dana.page.getByText("Waiting for a response")).toBeVisible();
  await expect(dana.page.getByText("Seen by: HR / org admins.")).toBeVisible();
  await dana.close();

  const ada = await signedIn(browser, "ada@acme.example");
  // Ada's home is /org: the signals sent to HR (Dana's, and Hiro's when the test above ran) wait for her there too.
  await go(ada.page, "/org");
  await expect(ada.page.getByRole("status").filter({ hasText: /^⚑\s*(1 person who feels|\d+ people who feel) stuck (is|are) waiting for your response/ })).toBeVisible();
  await ada.page.getByRole("link", { name: "Respond" }).click();
  await expect(ada.page.getByRole("list", { name: "Open signals" })).toContainText("Dana Director");
  await ada.close();

  const gina = await signedIn(browser, "gina@globex.example");
  await go(gina.page, "/me");
  await expect(gina.page.getByRole("heading", { name: /^Hi, Gina/ })).toBeVisible();
  await expect(gina.page.getByRole("heading", { name: "Feeling stuck?" })).toHaveCount(0);
  await gina.close();
});

test.describe("a manager change under an open page", () => {
  // Maya was deactivated above.
  test.beforeAll(async () => {
    await resetDemoData();
  });

  test("Ada gives Eli another manager while Maya has their 1:1 open: Maya's next change says what may have happened, not “Not found”", async ({ browser }) => {
    const eliId = await personIdOf("eli@acme.example");
    const meetingId = await nextMeetingOf(eliId);
    const maya = await signedIn(browser, "maya@acme.example");
    await go(maya.page, `/one-on-ones/${meetingId}`);
    await expect(maya.page.getByRole("heading", { name: "Prep brief" })).toBeVisible();

    const ada = await signedIn(browser, "ada@acme.example");
    await go(ada.page, `/people/${eliId}`);
    const change = ada.page.getByRole("form", { name: "Change manager" });
    await change.getByLabel("Manager").selectOption({ label: "Omar Manager" });
    await change.getByRole("button", { name: "Change manager" }).click();
    await expect(change.getByRole("status")).toBeVisible();
    await ada.close();

    const add = maya.page.getByRole("form", { name: "Add a talking point" });
    await add.getByLabel("New talking point").fill("Rotation into the platform team?");
    await add.getByRole("button", { name: "Add" }).click();
    await expect(maya.page.getByText("This is no longer here for you: it may have been deleted, or who reports to whom may have changed")).toBeVisible();
    await expect(maya.page.getByText(/^Not found\.?$/)).toHaveCount(0);
    // What she typed is still there to copy.
    await expect(add.getByLabel("New talking point")).toHaveValue("Rotation into the platform team?");
    // Her private note, saved as she types, says the same, and keeps the text.
    const note = maya.page.getByLabel("Private note (only you can see this)", { exact: true });
    await note.fill("Eli seemed flat about the migration work");
    await expect(maya.page.getByRole("alert").filter({ hasText: "What you typed is kept on this device." })).toContainText("This is no longer here for you");
    await expect(note).toHaveValue("Eli seemed flat about the migration work");
    await maya.page.reload();
    await expect(maya.page.getByRole("heading", { name: "We couldn't find that page" })).toBeVisible();
    await maya.close();
  });
});
