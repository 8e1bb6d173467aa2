/**
 * One rule dates a role change wherever it is recorded (lib/people/role-dates.ts):
 * the CSV import refused a role start date in the future or before the
 * person's latest role event, while the person page's form and the API took
 * both. A correction of an existing event's date may still go before later
 * events (that is how history is fixed), never into the future.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { roleEvents } from "@/db/schema";
import { readImportCsv } from "@/lib/people/csv-rows";
import { createRoleEvent, listRoleEvents, updateRoleEvent } from "@/lib/people/role-events";
import { roleDateProblem } from "@/lib/people/role-dates";
import { formatDate } from "@/lib/radar/format";
import { setupTestDb, teardownTestDb } from "../helpers/db";
import { personId, viewerFor } from "../helpers/viewers";

let db: Db;
beforeAll(async () => {
  db = await setupTestDb({ demo: true });
});
afterAll(teardownTestDb);

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const scope = (effectiveOn: string, today?: string) => ({ type: "scope_change" as const, effectiveOn, description: "Owns the release train", newTitle: null, newTeam: null, today });

async function latestOf(orgId: string, person: string): Promise<string> {
  const evs = await db.select({ on: roleEvents.effectiveOn }).from(roleEvents).where(and(eq(roleEvents.orgId, orgId), eq(roleEvents.personId, person)));
  return evs.map((e) => e.on).sort().at(-1)!;
}

describe("dating a role change", () => {
  it("refuses a future date at the date field, as the import does, and writes nothing", async () => {
    const maya = await viewerFor(db, "maya@acme.example");
    const eli = await personId(db, "eli@acme.example");
    const before = await listRoleEvents(db, maya, eli);
    const future = day(3);
    await expect(createRoleEvent(db, maya, eli, scope(future, day(0)))).rejects.toMatchObject({
      status: 422,
      fields: { effectiveOn: [`${formatDate(future)} is in the future: record a role change once it has happened (today or earlier).`] },
    });
    // Without the browser's day (an API client), tomorrow in UTC is someone's today: only later is refused.
    await expect(createRoleEvent(db, maya, eli, scope(day(2)))).rejects.toMatchObject({ status: 422 });
    expect(await listRoleEvents(db, maya, eli)).toEqual(before);
    // The import refuses the same date for the same reason.
    const csv = readImportCsv(`email,name,title,role start date\neli@acme.example,Eli,Engineer,${future}\n`, day(0));
    expect(csv.rows[0]!.errors).toEqual([`Role start date ${future} is in the future.`]);
    expect(roleDateProblem(future, { today: day(0), latest: null })).toEqual({ kind: "future", on: future });
  });

  it("refuses a new change dated before the latest role event; on that day or later is fine", async () => {
    const maya = await viewerFor(db, "maya@acme.example");
    const eli = await personId(db, "eli@acme.example");
    const latest = await latestOf(maya.orgId, eli);
    const earlier = new Date(Date.parse(`${latest}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    await expect(createRoleEvent(db, maya, eli, scope(earlier, day(0)))).rejects.toMatchObject({
      status: 422,
      fields: { effectiveOn: [expect.stringContaining(`${formatDate(earlier)} is before the latest role event (${formatDate(latest)})`)] },
    });
    expect((await createRoleEvent(db, maya, eli, scope(latest, day(0)))).effectiveOn).toBe(latest);
  });

  it("records an earlier change for the history when the writer says so: listed in its place, time in role unchanged, never in the future", async () => {
    const maya = await viewerFor(db, "maya@acme.example");
    const fatima = await personId(db, "fatima@acme.example");
    const latest = await latestOf(maya.orgId, fatima);
    const radarLatest = async () => (await db.execute(sql`select role_latest::text as on from radar_facts where person_id = ${fatima}`)) as unknown as { on: string }[];
    expect((await radarLatest())[0]!.on).toBe(latest);
    const past = day(-2000);
    // Without saying so, the refusal names the way to record it.
    await expect(createRoleEvent(db, maya, fatima, { ...scope(past, day(0)), type: "title_change", newTitle: "Junior Engineer", description: "" })).rejects.toMatchObject({
      status: 422,
      fields: { effectiveOn: [expect.stringContaining('tick "An earlier change, for the history"')] },
    });
    const backfilled = await createRoleEvent(db, maya, fatima, { ...scope(past, day(0)), type: "title_change", newTitle: "Junior Engineer", description: "", earlier: true });
    expect(backfilled.effectiveOn).toBe(past);
    const timeline = await listRoleEvents(db, maya, fatima);
    expect(timeline.at(-1)?.id).toBe(backfilled.id); // oldest last: in its place, not on top
    expect((await radarLatest())[0]!.on).toBe(latest); // time in role still runs from the latest event
    // Never into the future, said so or not.
    await expect(createRoleEvent(db, maya, fatima, { ...scope(day(4), day(0)), earlier: true })).rejects.toMatchObject({ status: 422, fields: { effectiveOn: [expect.stringContaining("is in the future")] } });
  });

  it("an edit corrects history: an older event may move before later ones, but not into the future", async () => {
    const ada = await viewerFor(db, "ada@acme.example");
    const hiro = await personId(db, "hiro@acme.example");
    const first = await createRoleEvent(db, ada, hiro, scope(day(0), day(0)));
    const second = await createRoleEvent(db, ada, hiro, { ...scope(day(0), day(0)), description: "Leads the incident review" });
    // "That was two years ago": the first event goes back behind everything else.
    const fixed = await updateRoleEvent(db, ada, first.id, { version: first.version, effectiveOn: day(-730) });
    expect(fixed.effectiveOn).toBe(day(-730));
    await expect(updateRoleEvent(db, ada, second.id, { version: second.version, effectiveOn: day(5), today: day(0) })).rejects.toMatchObject({
      status: 422,
      fields: { effectiveOn: [expect.stringContaining("is in the future")] },
    });
    // Another field of an event keeps its date whatever it is.
    expect((await updateRoleEvent(db, ada, second.id, { version: second.version, description: "Leads incident reviews" })).effectiveOn).toBe(day(0));
  });
});
