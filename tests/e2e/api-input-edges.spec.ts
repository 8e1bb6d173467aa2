import { expect, test } from "@playwright/test";
import { signInHttp } from "../helpers/http";
import { signIn } from "./support/auth";
import { personIdOf, withE2eSql } from "./support/db";
import { resetDemoData } from "./support/reset";

/**
 * Inputs at the edges that used to slip through: an id in upper case (a stranger to oneself), a PATCH with nothing
 * to change (a new version, and "new learning" on the radar), half of an emoji (saved as "�").
 */
test.beforeAll(async () => {
  await resetDemoData();
});

test("Eli follows a link to his own growth plan with his id in upper case, and it is his own", async ({ page, baseURL }) => {
  const eli = await personIdOf("eli@acme.example");
  await signIn(page, "eli@acme.example");
  await page.goto(`/people/${eli.toUpperCase()}/plan`);
  // Upper-case ids go to the lower-case address, which for his own plan is "My growth".
  await expect(page).toHaveURL(/\/me$/);
  await expect(page).toHaveTitle(/^My growth/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hi, Eli");

  const api = await signInHttp(baseURL!, "eli@acme.example");
  const res = await api.fetch(`/api/v1/people/${eli.toUpperCase()}/plan`);
  expect(res.status).toBe(200);
  expect(((await res.json()) as { canEdit: boolean }).canEdit).toBe(true);
});

test("a PATCH with only the version is refused with a JSON 422, and the item keeps its version", async ({ baseURL }) => {
  const eli = await personIdOf("eli@acme.example");
  const [item] = await withE2eSql((sql) => sql<{ id: string; version: number }[]>`SELECT id, version FROM learning_items WHERE person_id = ${eli} AND status <> 'planned' ORDER BY created_at LIMIT 1`);
  const api = await signInHttp(baseURL!, "eli@acme.example");
  const res = await api.fetch(`/api/v1/learning/${item!.id}`, { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify({ version: item!.version }) });
  expect(res.status).toBe(422);
  const body = (await res.json()) as { error: { fields?: Record<string, string[]> } };
  expect(body.error.fields?._form?.join(" ")).toMatch(/Nothing to change/);
  const [after] = await withE2eSql((sql) => sql<{ version: number }[]>`SELECT version FROM learning_items WHERE id = ${item!.id}`);
  expect(after!.version).toBe(item!.version);
});

test("half of an emoji in a talking point is refused at the field, and the talking point keeps its words", async ({ baseURL }) => {
  const eli = await personIdOf("eli@acme.example");
  const [point] = await withE2eSql(
    (sql) => sql<{ id: string; version: number; body: string }[]>`SELECT a.id, a.version, a.body FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id
                                                                  WHERE m.report_id = ${eli} AND m.status = 'scheduled' ORDER BY m.scheduled_at LIMIT 1`,
  );
  const api = await signInHttp(baseURL!, "eli@acme.example");
  // JSON.stringify writes a lone surrogate as the escape "\ud800", as a client would send it.
  const res = await api.fetch(`/api/v1/agenda-items/${point!.id}`, { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify({ version: point!.version, body: "Rotation? \ud83d" }) });
  expect(res.status).toBe(422);
  expect(((await res.json()) as { error: { fields?: Record<string, string[]> } }).error.fields?.body?.join(" ")).toMatch(/broken character/);
  const [after] = await withE2eSql((sql) => sql<{ body: string }[]>`SELECT body FROM agenda_items WHERE id = ${point!.id}`);
  expect(after!.body).toBe(point!.body);
});

test("a HEAD request reads nothing out, so it records no export or sensitive read; a GET does", async ({ baseURL }) => {
  const eli = await personIdOf("eli@acme.example");
  const count = (action: string) =>
    withE2eSql(async (sql) => Number((await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM audit_events WHERE action = ${action}`)[0]!.n));
  // A signal Gus also sent to HR: the kind whose reading is recorded (lib/audit/sensitive-reads.ts).
  const gus = await personIdOf("gus@acme.example");
  await withE2eSql((sql) => sql`insert into stuck_signals (org_id, person_id, message, include_skip_level, include_hr, status)
    select org_id, id, 'Read by HEAD and GET', false, true, 'open' from memberships where id = ${gus}`);
  const asEli = await signInHttp(baseURL!, "eli@acme.example");
  const asMaya = await signInHttp(baseURL!, "maya@acme.example");
  const before = { exported: await count("plan.exported"), pulse: await count("pulse.read"), stuck: await count("stuck_signal.read") };

  const head = [
    await asEli.fetch(`/api/v1/people/${eli}/plan?format=csv`, { method: "HEAD" }),
    await asMaya.fetch(`/api/v1/people/${eli}/check-ins`, { method: "HEAD" }),
    await asMaya.fetch("/api/v1/stuck-signals", { method: "HEAD" }),
  ];
  expect(head.map((r) => r.status)).toEqual([200, 200, 200]);
  expect(head[0]!.headers.get("content-disposition")).toMatch(/^attachment; filename="reignite-plan-eli-employee-/);
  expect({ exported: await count("plan.exported"), pulse: await count("pulse.read"), stuck: await count("stuck_signal.read") }).toEqual(before);

  // The same reads with GET are recorded, one each: the counts above would have moved.
  await asEli.fetch(`/api/v1/people/${eli}/plan?format=csv`);
  await asMaya.fetch(`/api/v1/people/${eli}/check-ins`);
  await asMaya.fetch("/api/v1/stuck-signals");
  await expect.poll(async () => ({ exported: await count("plan.exported"), pulse: await count("pulse.read"), stuck: await count("stuck_signal.read") })).toEqual({
    exported: before.exported + 1,
    pulse: before.pulse + 1,
    stuck: before.stuck + 1,
  });
  await withE2eSql((sql) => sql`delete from stuck_signals where message = 'Read by HEAD and GET'`);
});
