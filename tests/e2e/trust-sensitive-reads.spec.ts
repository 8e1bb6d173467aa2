import { expect, test } from "@playwright/test";
import { signInHttp } from "../helpers/http";
import { signIn } from "./support/auth";
import { personIdOf, userIdOf, withE2eSql } from "./support/db";
import { resetDemoData } from "./support/reset";

/**
 * Reads of sensitive records by someone other than the employee are audited:
 * one event per page view or API call (never the text), none for the
 * employee's own reads, and admins see them labelled in /admin/audit — but
 * only what ACCESS.md lets admins know: a stuck signal kept from HR leaves no
 * trace, and a pulse event says whose answers were opened, not how many.
 */

test.beforeAll(async () => {
  await resetDemoData();
});
test.afterAll(async () => {
  await resetDemoData();
});

const readEvents = (actor: string) =>
  withE2eSql(
    async (sql) =>
      (await sql<{ action: string; target_id: string | null; meta: { via: string; ids?: string[] } }[]>`
        select action, target_id, meta from audit_events
         where actor_user_id = ${actor} and action in ('stuck_signal.read', 'pulse.read') order by created_at`) as { action: string; target_id: string | null; meta: { via: string; ids?: string[] } }[],
  );

test("a manager's views of a stuck signal and of pulse answers are audited once per view; the employee's own are not", async ({ baseURL, page }) => {
  const [mayaUser, eliUser, eli, gus] = await Promise.all([userIdOf("maya@acme.example"), userIdOf("eli@acme.example"), personIdOf("eli@acme.example"), personIdOf("gus@acme.example")]);
  const meeting = await withE2eSql(async (sql) => (await sql<{ id: string }[]>`select id from meetings where report_id = ${eli} and status = 'scheduled'`)[0]!.id);
  const maya = await signInHttp(baseURL!, "maya@acme.example");
  for (const url of ["/signals", `/people/${eli}`, `/one-on-ones/${meeting}`, "/api/v1/stuck-signals", `/api/v1/people/${eli}/check-ins`, "/team"]) {
    expect((await maya.fetch(url)).status, url).toBe(200);
  }
  const summarize = async () =>
    (await readEvents(mayaUser)).map((e) => `${e.action} ${e.meta.via} ${e.target_id === gus ? "gus" : e.target_id === eli ? "eli" : e.target_id}`).sort();
  // The person page, the 1:1 prep brief and the API: Eli's pulse. Gus kept his signal from HR, so listing it
  // (/signals, the API) leaves nothing in the admins' log. The /team banner (a count) is not a read.
  expect(await summarize()).toEqual(["pulse.read api eli", "pulse.read page eli", "pulse.read page eli"]);
  // Once his signal includes HR, admins may know of it, and of who read it.
  await withE2eSql((sql) => sql`update stuck_signals set include_hr = true where person_id = ${gus}`);
  for (const url of ["/signals", "/api/v1/stuck-signals"]) expect((await maya.fetch(url)).status, url).toBe(200);
  expect(await summarize()).toEqual(["pulse.read api eli", "pulse.read page eli", "pulse.read page eli", "stuck_signal.read api gus", "stuck_signal.read page gus"]);
  const events = await readEvents(mayaUser);
  const signalText = await withE2eSql(async (sql) => (await sql<{ message: string }[]>`select message from stuck_signals where person_id = ${gus}`)[0]!.message);
  for (const e of events) {
    if (e.action === "stuck_signal.read") expect(e.meta.ids?.length).toBeGreaterThan(0);
    else expect(e.meta).toEqual({ via: e.meta.via }); // whose answers were opened, not how many
    expect(JSON.stringify(e)).not.toContain(signalText);
  }

  // Eli reading his own pulse and 1:1: nothing recorded.
  const eliHttp = await signInHttp(baseURL!, "eli@acme.example");
  for (const url of ["/me", `/one-on-ones/${meeting}`, `/api/v1/people/${eli}/check-ins`, "/api/v1/me/stuck-signals"]) expect((await eliHttp.fetch(url)).status, url).toBe(200);
  expect(await readEvents(eliUser)).toEqual([]);

  // Ada finds them in the audit log under a readable label.
  await signIn(page, "ada@acme.example", { to: "/admin/audit" });
  await page.getByLabel("Action").selectOption({ label: "Viewed someone's pulse answers" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/action=pulse\.read/);
  const rows = page.getByRole("table", { name: "Audit events, newest first" }).getByRole("row");
  await expect(rows).toHaveCount(4); // header + 3 events
  await expect(rows.nth(1)).toContainText("Maya Manager");
  await expect(rows.nth(1)).toContainText("Viewed someone's pulse answers");
});

test("a person page that answers 404 records no view of the person's pulse answers", async ({ baseURL }) => {
  const [danaUser, maya] = await Promise.all([userIdOf("dana@acme.example"), personIdOf("maya@acme.example")]);
  const dana = await signInHttp(baseURL!, "dana@acme.example");
  // Dana manages Maya: opening her page shows, and logs, her pulse answers.
  expect((await dana.fetch(`/people/${maya}`)).status).toBe(200);
  const pulseReads = async () => (await readEvents(danaUser)).filter((e) => e.action === "pulse.read" && e.target_id === maya);
  expect(await pulseReads()).toHaveLength(1);
  // Maya deactivated, her page is a 404 to anyone but an admin: nothing was shown, so nothing is logged as viewed.
  await withE2eSql((sql) => sql`update memberships set deactivated_at = now() where id = ${maya}`);
  expect((await dana.fetch(`/people/${maya}`)).status).toBe(404);
  expect(await pulseReads()).toHaveLength(1);
});
