/** Deleting 1:1 items: version-guarded for action items, and never across organizations. */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { actionItems, meetings } from "@/db/schema";
import { addActionItem, deleteActionItem, updateActionItem } from "@/lib/meetings/action-items";
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
