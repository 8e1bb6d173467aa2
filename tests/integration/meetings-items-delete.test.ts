/** Deleting 1:1 items: version-guarded for talking points and action items, and never across organizations. */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { actionItems, agendaItems, meetings } from "@/db/schema";
import { addActionItem, deleteActionItem, updateActionItem } from "@/lib/meetings/action-items";
import { addAgendaItem, deleteAgendaItem, updateAgendaItem } from "@/lib/meetings/agenda";
import { setupTestDb, teardownTestDb } from "../helpers/db";
import { viewerFor } from "../helpers/viewers";

let db: Db;
beforeAll(async () => {
  db = await setupTestDb({ demo: true });
});
afterAll(teardownTestDb);

describe("deleteActionItem", () => {
  it("refuses a stale version with the row as saved now, deletes with the current one, and is a 404 for another organization", async () => {
    const maya = await viewerFor(db, "maya@acme.example");
    const eli = await viewerFor(db, "eli@acme.example");
    const [m] = await db.select().from(meetings).where(and(eq(meetings.reportId, eli.personId), eq(meetings.status, "scheduled")));
    const item = await addActionItem(db, maya, m!.id, { body: "Added by mistake", ownerId: eli.personId });
    const ticked = await updateActionItem(db, eli, item.id, { done: true });

    await expect(deleteActionItem(db, maya, item.id, { version: item.version })).rejects.toMatchObject({ status: 409, extra: { current: { id: item.id, version: ticked.version } } });
    expect(await db.select().from(actionItems).where(eq(actionItems.id, item.id))).toHaveLength(1);

    const gina = await viewerFor(db, "gina@globex.example");
    await expect(deleteActionItem(db, gina, item.id)).rejects.toMatchObject({ status: 404 });

    await deleteActionItem(db, maya, item.id, { version: ticked.version });
    expect(await db.select().from(actionItems).where(eq(actionItems.id, item.id))).toHaveLength(0);
    await expect(deleteActionItem(db, eli, item.id)).rejects.toMatchObject({ status: 404 });
  });
});

describe("deleteAgendaItem", () => {
  it("refuses a stale version with the wording saved now, deletes with the current one or without a version, and is a 404 for another organization", async () => {
    const maya = await viewerFor(db, "maya@acme.example");
    const eli = await viewerFor(db, "eli@acme.example");
    const [m] = await db.select().from(meetings).where(and(eq(meetings.reportId, eli.personId), eq(meetings.status, "scheduled")));
    const item = await addAgendaItem(db, maya, m!.id, { body: "Career path" });
    const reworded = await updateAgendaItem(db, maya, item.id, { body: "Career path: the staff role", version: item.version });

    // Eli's stale page still shows the first wording.
    const err = await deleteAgendaItem(db, eli, item.id, { version: item.version }).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 409, extra: { current: { id: item.id, body: "Career path: the staff role", version: reworded.version } } });
    expect((err as Error).message).toContain("it now reads “Career path: the staff role”");
    expect(await db.select().from(agendaItems).where(eq(agendaItems.id, item.id))).toHaveLength(1);

    const gina = await viewerFor(db, "gina@globex.example");
    await expect(deleteAgendaItem(db, gina, item.id, { version: reworded.version })).rejects.toMatchObject({ status: 404 });

    await deleteAgendaItem(db, eli, item.id, { version: reworded.version });
    expect(await db.select().from(agendaItems).where(eq(agendaItems.id, item.id))).toHaveLength(0);
    // Deleted meanwhile: a 404, not a conflict.
    await expect(deleteAgendaItem(db, maya, item.id, { version: reworded.version })).rejects.toMatchObject({ status: 404 });

    // An API client that sends no version deletes what is there (documented in the README's API section).
    const other = await addAgendaItem(db, eli, m!.id, { body: "Conference talk" });
    await deleteAgendaItem(db, maya, other.id);
    expect(await db.select().from(agendaItems).where(eq(agendaItems.id, other.id))).toHaveLength(0);
  });
});
