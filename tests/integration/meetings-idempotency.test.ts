import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { agendaItems, idempotencyKeys, meetings } from "@/db/schema";
import { addAgendaItem } from "@/lib/meetings/agenda";
import { idempotent } from "@/lib/meetings/idempotency";
import { setupTestDb, teardownTestDb } from "../helpers/db";
import { viewerFor } from "../helpers/viewers";

let db: Db;
beforeAll(async () => {
  db = await setupTestDb({ demo: true });
});
afterAll(teardownTestDb);

describe("Idempotency-Key on creates", () => {
  it("the same key from the same user creates one row and returns it again; a failed create frees the key", async () => {
    const maya = await viewerFor(db, "maya@acme.example");
    const hiro = await viewerFor(db, "hiro@acme.example");
    const [m] = await db.select().from(meetings).where(and(eq(meetings.reportId, hiro.personId), eq(meetings.status, "scheduled")));
    const create = () => addAgendaItem(db, maya, m!.id, { body: "Once only" });
    const load = async (id: string) => {
      const [a] = await db.select().from(agendaItems).where(eq(agendaItems.id, id));
      return { id: a!.id, body: a!.body };
    };
    const a = await idempotent(db, maya, "k1", "agenda_item", create, load);
    const b = await idempotent(db, maya, "k1", "agenda_item", create, load);
    expect(b.id).toBe(a.id);
    expect(await db.select().from(agendaItems).where(and(eq(agendaItems.meetingId, m!.id), eq(agendaItems.body, "Once only")))).toHaveLength(1);
    // Another user with the same key is independent.
    const c = await idempotent(db, hiro, "k1", "agenda_item", () => addAgendaItem(db, hiro, m!.id, { body: "Once only" }), load);
    expect(c.id).not.toBe(a.id);
    // A failing create does not burn the key.
    await expect(idempotent(db, maya, "k2", "agenda_item", () => addAgendaItem(db, maya, "00000000-0000-4000-8000-000000000000", { body: "x" }), load)).rejects.toMatchObject({ status: 404 });
    expect(await db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, "k2"))).toHaveLength(0);
    await expect(idempotent(db, maya, "k1", "note", create, load)).rejects.toMatchObject({ status: 400 });
  });

  it("the same key with a different request is refused (422), not answered with the first request's result", async () => {
    const maya = await viewerFor(db, "maya@acme.example");
    const hiro = await viewerFor(db, "hiro@acme.example");
    const [m] = await db.select().from(meetings).where(and(eq(meetings.reportId, hiro.personId), eq(meetings.status, "scheduled")));
    const load = async (id: string) => ({ id });
    const add = (body: string) => () => addAgendaItem(db, maya, m!.id, { body });
    const first = await idempotent(db, maya, "k3", "agenda_item", add("Conference budget"), load, { meeting: m!.id, input: { body: "Conference budget" } });
    // The retry of the same request: the first result again.
    expect((await idempotent(db, maya, "k3", "agenda_item", add("Conference budget"), load, { meeting: m!.id, input: { body: "Conference budget" } })).id).toBe(first.id);
    // Another request under the same key: refused, and nothing created.
    await expect(idempotent(db, maya, "k3", "agenda_item", add("Rotation idea"), load, { meeting: m!.id, input: { body: "Rotation idea" } })).rejects.toMatchObject({
      status: 422,
      message: expect.stringContaining("different request"),
    });
    expect(await db.select().from(agendaItems).where(and(eq(agendaItems.meetingId, m!.id), eq(agendaItems.body, "Rotation idea")))).toHaveLength(0);
  });
});
