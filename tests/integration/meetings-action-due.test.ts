/**
 * An action item agreed in a 1:1 is due from the viewer's today on: a due date already past is almost always a
 * mistyped year, and would be overdue from the start. "Today" is the viewer's calendar day (the form sends it,
 * believed within a day of UTC's); an item whose date has since passed stays editable without moving it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { actionItems } from "@/db/schema";
import { addActionItem, DUE_IN_PAST, updateActionItem } from "@/lib/meetings/action-items";
import { scheduleMeeting } from "@/lib/meetings/schedule";
import { setupTestDb, teardownTestDb } from "../helpers/db";
import { personId, viewerFor } from "../helpers/viewers";

let db: Db;
beforeAll(async () => {
  db = await setupTestDb({ demo: true });
});
afterAll(teardownTestDb);

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe("an action item's due date", () => {
  it("is from the viewer's today on, at creation and when it is changed; an unchanged past date stays editable", async () => {
    const maya = await viewerFor(db, "maya@acme.example");
    const eli = await personId(db, "eli@acme.example");
    const now = new Date();
    const m = await scheduleMeeting(db, maya, eli, { scheduledAt: new Date(now.getTime() + 3 * 86_400_000) }, now);

    await expect(addActionItem(db, maya, m.id, { body: "Typo year", ownerId: eli, dueOn: "2025-12-01" })).rejects.toMatchObject({ status: 422, fields: { dueOn: [DUE_IN_PAST] } });
    await expect(addActionItem(db, maya, m.id, { body: "Yesterday", ownerId: eli, dueOn: day(-2), today: day(-1) })).rejects.toMatchObject({ status: 422 });
    // The viewer's today, a day behind UTC's, is theirs to pick (and no day claimed means UTC's).
    expect((await addActionItem(db, maya, m.id, { body: "Their today", ownerId: eli, dueOn: day(-1), today: day(-1) })).dueOn).toBe(day(-1));
    const item = await addActionItem(db, maya, m.id, { body: "Due today", ownerId: eli, dueOn: day(0) });
    expect(item.dueOn).toBe(day(0));
    await expect(addActionItem(db, maya, m.id, { body: "Claims a day far off", ownerId: eli, dueOn: day(-1), today: day(-30) })).rejects.toMatchObject({ status: 422 });

    // Its date passes (as dates do): rewording it without moving the date is fine; moving it into the past is not.
    await db.update(actionItems).set({ dueOn: day(-10) }).where(eq(actionItems.id, item.id));
    const reworded = await updateActionItem(db, maya, item.id, { body: "Due a while ago", dueOn: day(-10), version: item.version });
    expect(reworded.body).toBe("Due a while ago");
    await expect(updateActionItem(db, maya, item.id, { dueOn: day(-5), version: reworded.version })).rejects.toMatchObject({ status: 422, fields: { dueOn: [DUE_IN_PAST] } });
    expect((await updateActionItem(db, maya, item.id, { dueOn: day(7), version: reworded.version })).dueOn).toBe(day(7));
  });
});
