/**
 * The growth & meaning check-in is saved with the meeting: when Maya and Eli
 * fill it in at the same time, the later save gets a conflict that names who
 * saved first (or says it was you, in another tab), shows the saved answers
 * and keeps what was typed — nothing is overwritten.
 */
import { expect, test, type Browser, type Page } from "@playwright/test";
import postgres from "postgres";
import { signIn } from "./support/auth";
import { e2eDatabaseUrl, resetDemoData } from "./support/reset";

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
  await signIn(page, email);
  await page.goto(`/one-on-ones/${meetingId}`);
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
