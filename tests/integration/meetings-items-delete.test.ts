/** Deleting 1:1 items: version-guarded for talking points and action items, and never across organizations. */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { actionItems, agendaItems, meetings } from "@/db/schema";
import { addActionItem, deleteActionItem, updateActionItem } from "@/lib/meetings/action-items";
import { addAgendaItem, deleteAgendaItem, moveAgendaItem, updateAgendaItem } from "@/lib/meetings/agenda";
import { setupTestDb, teardownTestDb } from "../helpers/db";
import { changeAfterFirstRead } from "../helpers/interleave";
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
    const ticked = await updateActionItem(db, eli, item.id, { done: true, version: item.version });

    await expect(deleteActionItem(db, maya, item.id, { version: item.version })).rejects.toMatchObject({ status: 409, extra: { current: { id: item.id, version: ticked.version } } });
    expect(await db.select().from(actionItems).where(eq(actionItems.id, item.id))).toHaveLength(1);

    const gina = await viewerFor(db, "gina@globex.example");
    await expect(deleteActionItem(db, gina, item.id, { version: ticked.version })).rejects.toMatchObject({ status: 404 });

    await deleteActionItem(db, maya, item.id, { version: ticked.version });
    expect(await db.select().from(actionItems).where(eq(actionItems.id, item.id))).toHaveLength(0);
    await expect(deleteActionItem(db, eli, item.id, { version: ticked.version })).rejects.toMatchObject({ status: 404 });
  });
});

describe("deleteAgendaItem", () => {
  it("refuses a stale version with the wording saved now, deletes with the current one, and is a 404 for another organization", async () => {
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

  });
});

describe("reordering talking points", () => {
  it("is no content change: a reword and a delete from a page loaded before the move both go through", async () => {
    const maya = await viewerFor(db, "maya@acme.example");
    const eli = await viewerFor(db, "eli@acme.example");
    const [m] = await db.select().from(meetings).where(and(eq(meetings.reportId, eli.personId), eq(meetings.status, "scheduled")));
    const first = await addAgendaItem(db, maya, m!.id, { body: "Build cache" });
    const second = await addAgendaItem(db, eli, m!.id, { body: "Conference budget" });
    const third = await addAgendaItem(db, eli, m!.id, { body: "Rotation to platform" });
    // Eli's page is loaded now; Maya then moves the last point up twice (every point changes position).
    await moveAgendaItem(db, maya, third.id, "up");
    await moveAgendaItem(db, maya, third.id, "up");
    const order = async () => (await db.select().from(agendaItems).where(eq(agendaItems.meetingId, m!.id)).orderBy(agendaItems.position)).map((a) => a.id);
    expect((await order()).slice(-3)).toEqual([third.id, first.id, second.id]);

    // From that page Eli rewords one point and deletes another: nobody changed their content.
    const reworded = await updateAgendaItem(db, eli, first.id, { body: "Build cache: the remote tier", version: first.version });
    expect(reworded.body).toBe("Build cache: the remote tier");
    await deleteAgendaItem(db, eli, second.id, { version: second.version });
    expect(await db.select().from(agendaItems).where(eq(agendaItems.id, second.id))).toHaveLength(0);
    // The reword still guards the content: Maya's page from before it is refused.
    await expect(deleteAgendaItem(db, maya, first.id, { version: first.version })).rejects.toMatchObject({ status: 409 });
    expect((await order()).slice(-2)).toEqual([third.id, first.id]);
  });
});

describe("a change landing between the read and the guarded write", () => {
  it("is answered with the item as saved after that change, not as first read (action items: tick and delete; talking points: edit)", async () => {
    const maya = await viewerFor(db, "maya@acme.example");
    const eli = await viewerFor(db, "eli@acme.example");
    const [m] = await db.select().from(meetings).where(and(eq(meetings.reportId, eli.personId), eq(meetings.status, "scheduled")));

    const action = await addActionItem(db, maya, m!.id, { body: "Book the design review", ownerId: eli.personId });
    const rewordMeanwhile = (n: number) =>
      changeAfterFirstRead(db, () => updateActionItem(db, eli, action.id, { body: `Book the design review (${n})`, version: action.version + n - 1 }));
    await expect(deleteActionItem(rewordMeanwhile(1), maya, action.id, { version: action.version })).rejects.toMatchObject({
      status: 409,
      extra: { current: { body: "Book the design review (1)", version: action.version + 1 } },
    });
    await expect(updateActionItem(rewordMeanwhile(2), maya, action.id, { done: true, version: action.version + 1 })).rejects.toMatchObject({
      status: 409,
      extra: { current: { body: "Book the design review (2)", version: action.version + 2 } },
    });

    const point = await addAgendaItem(db, maya, m!.id, { body: "Conference talk" });
    const sneaky = changeAfterFirstRead(db, () => updateAgendaItem(db, eli, point.id, { body: "Conference talk: the CFP is due", version: point.version }));
    await expect(updateAgendaItem(sneaky, maya, point.id, { done: true, version: point.version })).rejects.toMatchObject({
      status: 409,
      extra: { current: { body: "Conference talk: the CFP is due", version: point.version + 1 } },
    });
    // Deleted between the read and the write: a 404, as for any item already gone.
    const gone = await addActionItem(db, maya, m!.id, { body: "Duplicate", ownerId: eli.personId });
    const deletedMeanwhile = changeAfterFirstRead(db, () => deleteActionItem(db, eli, gone.id, { version: gone.version }));
    await expect(updateActionItem(deletedMeanwhile, maya, gone.id, { done: true, version: gone.version })).rejects.toMatchObject({ status: 404 });
  });
});
