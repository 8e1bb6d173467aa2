import { expect, test } from "@playwright/test";
import { go, signedIn } from "./support/auth";
import { personIdOf, withE2eSql } from "./support/db";
import { resetDemoData } from "./support/reset";
import { holdScripts } from "./support/slow-scripts";

// Large organizations: past 100 teams /org's filter is typed, and a page link outlives the list it was made for.
test("a typed /org team that matches nobody, or a page past the end, never reads as an empty organization", async ({ browser }) => {
  const ada = await signedIn(browser, "ada@acme.example");
  await go(ada.page, "/org?team=platfrom");
  await expect(ada.page.getByText("No one is in a team named “platfrom”")).toBeVisible();
  await expect(ada.page.getByText("No people here yet")).toHaveCount(0);
  await expect(ada.page.getByRole("link", { name: /^Show team/ })).toHaveCount(0); // no team is named like it
  await ada.page.getByRole("link", { name: "Show all teams" }).click();
  await expect(ada.page).toHaveURL(/\/org$/);
  await expect(ada.page.getByRole("link", { name: "Eli Employee" })).toBeVisible();

  // Typed in other capitals: the team it means is offered, not silently assumed.
  await go(ada.page, "/org?team=platform%20");
  await expect(ada.page.getByText("Did you mean “Platform”?")).toBeVisible();
  await ada.page.getByRole("link", { name: "Show team “Platform”" }).click();
  await expect(ada.page).toHaveURL(/\/org\?team=Platform/);
  await expect(ada.page.getByRole("heading", { name: "Radar: Platform" })).toBeVisible();
  await expect(ada.page.getByRole("link", { name: "Eli Employee" })).toBeVisible();

  await go(ada.page, "/org?page=999");
  await expect(ada.page.getByText(/people · page (\d+) of \1$/)).toBeVisible();
  await expect(ada.page.getByText("No people here yet")).toHaveCount(0);

  await go(ada.page, "/people?page=999");
  await expect(ada.page.getByText(/people · page (\d+) of \1$/)).toBeVisible();
  await expect(ada.page.getByText("No people yet")).toHaveCount(0);
  await ada.close();
});

test("a 1:1 list page past the end shows the last page; every page knows a 1:1 is already scheduled", async ({ browser }) => {
  await resetDemoData(); // Eli with Maya and two years of 1:1s, one scheduled (other specs move him to Omar)
  const eli = await signedIn(browser, "eli@acme.example");
  await go(eli.page, "/me/one-on-ones?page=999");
  await expect(eli.page).toHaveURL(/\/me\/one-on-ones\?page=\d+$/);
  const last = Number(new URL(eli.page.url()).searchParams.get("page"));
  expect(last).toBeGreaterThan(1);
  await expect(eli.page.getByText("No 1:1s yet")).toHaveCount(0);
  await expect(eli.page.getByRole("list", { name: "1:1 meetings" }).getByRole("listitem").first()).toBeVisible();
  // The scheduled 1:1 is listed on page 1 only; this page still offers "another" one, a cadence after it, at its
  // weekday and hour (it offered a cadence from the minute the page opened).
  await expect(eli.page.getByRole("heading", { name: "Schedule another 1:1" })).toBeVisible();
  const eliId = await personIdOf("eli@acme.example");
  const { at, days } = await withE2eSql(async (sql) => {
    const [r] = await sql<{ at: Date; days: number }[]>`select mt.scheduled_at as at, coalesce(m.cadence_days, o.default_cadence_days) as days
      from meetings mt join memberships m on m.id = mt.report_id join organizations o on o.id = m.org_id
      where mt.report_id = ${eliId} and mt.status = 'scheduled' order by mt.scheduled_at desc limit 1`;
    return r!;
  });
  const next = new Date(at.getTime() + days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  const local = `${next.getFullYear()}-${pad(next.getMonth() + 1)}-${pad(next.getDate())}T${pad(next.getHours())}:${pad(next.getMinutes())}`;
  await expect(eli.page.getByLabel("Date and time")).toHaveValue(local);
  await eli.close();
});

// Past 200 members the manager is a search box, not a select. On a slow connection Ada types a name before the page's
// script has run: the box keeps it, and once the script runs it is searched without another key.
test("in a large organization a manager's name typed before the page's script ran is searched", async ({ browser }) => {
  await withE2eSql(
    (sql) => sql`
      WITH u AS (
        INSERT INTO users (email, name)
        SELECT 'filler' || i || '@acme.example', 'Filler Person ' || i FROM generate_series(1, 201) i
        RETURNING id)
      INSERT INTO memberships (org_id, user_id, title, team)
      SELECT (SELECT id FROM organizations WHERE slug = 'acme'), u.id, 'Filler', 'Filler team' FROM u`,
  );
  const ada = await signedIn(browser, "ada@acme.example");
  try {
    const scripts = await holdScripts(ada.page);
    await ada.page.goto("/admin/people", { waitUntil: "domcontentloaded" });
    const form = ada.page.getByRole("form", { name: "Invite someone" });
    const manager = form.getByRole("combobox", { name: "Manager" });
    await manager.pressSequentially("Maya");
    scripts.release();
    await ada.page.waitForLoadState("networkidle");
    await scripts.done();
    await expect(manager).toHaveValue("Maya");
    const matches = form.getByRole("listbox", { name: "Manager: matches" });
    await expect(matches.getByRole("option", { name: /^Maya Manager/ })).toBeVisible();
    await expect(matches.getByRole("option")).toHaveCount(1);
    await manager.press("Enter");
    await expect(form.getByRole("group", { name: "Manager" })).toContainText("Maya Manager");
    await expect(form.locator('input[type="hidden"][name="managerId"]')).toHaveValue(await personIdOf("maya@acme.example"));
  } finally {
    await ada.close();
    await withE2eSql((sql) => sql`DELETE FROM users WHERE email LIKE 'filler%@acme.example'`);
  }
});
