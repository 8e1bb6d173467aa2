import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agendaItems, type AgendaItem } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer-type";
import { conflict, notFound } from "@/lib/errors";
import { isUuid } from "@/lib/policy";
import { assertTakesOpenItems, loadMeeting } from "./access";

export type AgendaItemDto = {
  id: string;
  body: string;
  position: number;
  done: boolean;
  authorId: string | null;
  suggestionKey: string | null;
  carriedFromMeetingId: string | null;
  version: number;
};

export function agendaDto(a: AgendaItem): AgendaItemDto {
  return {
    id: a.id,
    body: a.body,
    position: a.position,
    done: a.done,
    authorId: a.authorId,
    suggestionKey: a.suggestionKey,
    carriedFromMeetingId: a.carriedFromMeetingId,
    version: a.version,
  };
}

export async function addAgendaItem(
  db: Db,
  viewer: Viewer,
  meetingId: string,
  input: { body: string; suggestionKey?: string | null },
): Promise<AgendaItemDto> {
  const { meeting } = await loadMeeting(db, viewer, meetingId, "write");
  await assertTakesOpenItems(db, meeting, "talking point");
  const [row] = await db
    .insert(agendaItems)
    .values({
      orgId: viewer.orgId,
      meetingId: meeting.id,
      authorId: viewer.personId,
      body: input.body,
      suggestionKey: input.suggestionKey ?? null,
      position: sql`(select coalesce(max(position), 0) + 1 from agenda_items where org_id = ${viewer.orgId} and meeting_id = ${meeting.id})`,
    })
    .returning();
  return agendaDto(row!);
}

async function loadItem(db: Db, viewer: Viewer, id: string): Promise<AgendaItem> {
  if (!isUuid(id)) throw notFound();
  const [item] = await db.select().from(agendaItems).where(and(eq(agendaItems.id, id), eq(agendaItems.orgId, viewer.orgId)));
  if (!item) throw notFound();
  return item;
}

/** Edits text or ticks an item off; `version` (required) guards against overwriting someone else's edit. */
export async function updateAgendaItem(
  db: Db,
  viewer: Viewer,
  id: string,
  input: { body?: string; done?: boolean; version: number },
): Promise<AgendaItemDto> {
  const item = await loadItem(db, viewer, id);
  const { meeting } = await loadMeeting(db, viewer, item.meetingId, "write");
  if (input.done === false && item.done) await assertTakesOpenItems(db, meeting, "talking point");
  const [row] = await db
    .update(agendaItems)
    .set({
      ...(input.body !== undefined ? { body: input.body } : {}),
      ...(input.done !== undefined ? { done: input.done } : {}),
      version: sql`${agendaItems.version} + 1`,
      updatedAt: new Date(),
    })
    .where(and(eq(agendaItems.id, id), eq(agendaItems.orgId, viewer.orgId), eq(agendaItems.version, input.version)))
    .returning();
  if (row) return agendaDto(row);
  // Re-read: the row read above may itself predate the change that refused this write. Deleted meanwhile is a 404.
  const [now] = await db.select().from(agendaItems).where(and(eq(agendaItems.id, id), eq(agendaItems.orgId, viewer.orgId)));
  if (!now) throw notFound();
  throw conflict("This talking point was changed meanwhile, in another window or by the other person.", { current: agendaDto(now) });
}

/** Moves an item one place up or down by swapping positions with its neighbour. */
export async function moveAgendaItem(db: Db, viewer: Viewer, id: string, direction: "up" | "down"): Promise<void> {
  const item = await loadItem(db, viewer, id);
  await loadMeeting(db, viewer, item.meetingId, "write");
  await db.transaction(async (tx) => {
    // Two people reordering at once take turns on the meeting's row, and each reads the order the
    // other left (locking the items instead would hand back their new positions in the old order).
    await tx.execute(sql`SELECT 1 FROM meetings WHERE id = ${item.meetingId} AND org_id = ${viewer.orgId} FOR NO KEY UPDATE`);
    const list = await tx
      .select({ id: agendaItems.id, position: agendaItems.position })
      .from(agendaItems)
      .where(and(eq(agendaItems.orgId, viewer.orgId), eq(agendaItems.meetingId, item.meetingId)))
      .orderBy(agendaItems.position, agendaItems.createdAt);
    const i = list.findIndex((x) => x.id === id);
    const j = direction === "up" ? i - 1 : i + 1;
    if (i < 0 || j < 0 || j >= list.length) return;
    const order = list.map((x) => x.id);
    [order[i], order[j]] = [order[j]!, order[i]!];
    // Renumber the whole list: positions stay dense even after carry-over appends. One statement for all moved rows.
    // The version stays: it guards the item's content (wording, tick), and a reorder changes none of it, so a
    // reword, tick or delete from a page loaded before the move still goes through (it was refused as "changed
    // meanwhile" while moves counted). Two reorders stay safe without it: they take turns on the meeting's row
    // above, and each renumbers from the order the other committed.
    const moved = order.flatMap((itemId, n) => (list.find((x) => x.id === itemId)!.position === n + 1 ? [] : [sql`(${itemId}::uuid, ${n + 1}::int)`]));
    if (!moved.length) return;
    await tx.execute(sql`
      UPDATE agenda_items a SET position = v.position, updated_at = now()
        FROM (VALUES ${sql.join(moved, sql`, `)}) AS v(id, position)
       WHERE a.id = v.id AND a.org_id = ${viewer.orgId} AND a.meeting_id = ${item.meetingId}`);
  });
}

/**
 * Deletes a talking point. The version the person saw guards against deleting one the other person reworded
 * (or ticked off, or carried to the next 1:1) meanwhile, which a stale tab otherwise removed unseen; 409 with the
 * item as saved now. Reordering does not count (see moveAgendaItem).
 */
export async function deleteAgendaItem(db: Db, viewer: Viewer, id: string, input: { version: number }): Promise<void> {
  const item = await loadItem(db, viewer, id);
  await loadMeeting(db, viewer, item.meetingId, "write");
  const [gone] = await db
    .delete(agendaItems)
    .where(and(eq(agendaItems.id, id), eq(agendaItems.orgId, viewer.orgId), eq(agendaItems.version, input.version)))
    .returning({ id: agendaItems.id });
  if (gone) return;
  // Deleted meanwhile (by the other person or another tab) is a 404, as for a tick; changed meanwhile is the conflict.
  const [now] = await db.select().from(agendaItems).where(and(eq(agendaItems.id, id), eq(agendaItems.orgId, viewer.orgId)));
  if (!now) throw notFound();
  throw conflict(`This talking point was changed meanwhile, in another window or by the other person, so it was not deleted: it now reads “${now.body}”.`, { current: agendaDto(now) });
}
