import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { preparedQuery } from "@/db/prepared";
import { notes, type Note } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer-type";
import { badRequest, conflict, notFound } from "@/lib/errors";
import { enforce, isUuid } from "@/lib/policy";
import { loadMeeting, type MeetingAccess } from "./access";
import { savedBy, savedMeanwhile, type SavedBy } from "./saved-by";

export type NoteDto = {
  id: string;
  meetingId: string;
  visibility: "shared" | "private";
  body: string;
  version: number;
  authorId: string;
  updatedAt: string;
};

export function noteDto(n: Note): NoteDto {
  return {
    id: n.id,
    meetingId: n.meetingId,
    visibility: n.visibility,
    body: n.body,
    version: n.version,
    authorId: n.authorId,
    updatedAt: n.updatedAt.toISOString(),
  };
}

/**
 * A private note is its author's alone, and only while the author is still a
 * participant (the former manager loses even his own old notes). Anything
 * else is 404, exactly like a note that does not exist.
 */
function enforcePrivate(viewer: Viewer, access: MeetingAccess, authorId: string, action: "read" | "write"): void {
  enforce(viewer, "privateNote", action, access.rel, {
    viewerIsAuthor: authorId === viewer.personId,
    viewerIsMeetingManager: access.meeting.managerId === viewer.personId,
  }, access.meeting.reportId);
}

/**
 * The 409 for a save that ran into another: the saved text, and who saved it.
 * A private note is written by its author alone, so a clash there is always
 * the viewer in another tab; nobody else is ever named for it.
 */
function noteConflict(viewer: Viewer, access: MeetingAccess, current: Note) {
  const by: SavedBy = current.visibility === "private" ? { you: true } : savedBy(viewer, access, current.updatedBy);
  return conflict(savedMeanwhile(by, "this note"), { current: noteDto(current), savedBy: by });
}

/** The notes of a meeting the viewer may read: all shared notes, and only their own private ones. */
/** On every 1:1 page: built once (db/prepared.ts). `ownPrivateOf` null loads shared notes only. */
const notesOfMeeting = preparedQuery("reignite_meeting_notes", (db, name) =>
  db
    .select()
    .from(notes)
    .where(
      and(
        eq(notes.orgId, sql.placeholder("orgId")),
        eq(notes.meetingId, sql.placeholder("meetingId")),
        sql`(${notes.visibility} = 'shared' OR ${notes.authorId} = ${sql.placeholder("ownPrivateOf")}::uuid)`,
      ),
    )
    .orderBy(asc(notes.createdAt))
    .prepare(name),
);

export async function listNotes(db: Db, viewer: Viewer, access: MeetingAccess): Promise<NoteDto[]> {
  const mayHavePrivate = access.rel.self || access.viewerIsManager;
  // Private notes of anyone else are never even loaded: only the viewer's own, and only when they may have one.
  const rowsFound = await notesOfMeeting(db).execute({ orgId: viewer.orgId, meetingId: access.meeting.id, ownPrivateOf: mayHavePrivate ? viewer.personId : null });
  return rowsFound
    .filter((n) => {
      if (n.visibility === "shared") return true;
      try {
        enforcePrivate(viewer, access, n.authorId, "read");
        return true;
      } catch {
        return false;
      }
    })
    .map(noteDto);
}

/**
 * Adds a note. With `onlyIfNone`, the page's single editor per section: when a
 * note of that kind (for private: by this author) exists already, answers 409
 * with its text so the editor can merge instead of creating a duplicate.
 */
export async function createNote(
  db: Db,
  viewer: Viewer,
  meetingId: string,
  input: { visibility: "shared" | "private"; body: string; onlyIfNone?: boolean },
): Promise<NoteDto> {
  const access = await loadMeeting(db, viewer, meetingId, "write");
  if (input.visibility === "private") enforcePrivate(viewer, access, viewer.personId, "write");
  else refuseSharedWithFormerManager(access);
  return db.transaction(async (tx) => {
    if (input.onlyIfNone) {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`note:${meetingId}:${input.visibility}`}))`);
      const [existing] = await tx
        .select()
        .from(notes)
        .where(
          and(
            eq(notes.orgId, viewer.orgId),
            eq(notes.meetingId, meetingId),
            eq(notes.visibility, input.visibility),
            ...(input.visibility === "private" ? [eq(notes.authorId, viewer.personId)] : []),
          ),
        )
        .orderBy(asc(notes.createdAt))
        .limit(1);
      if (existing) throw noteConflict(viewer, access, existing);
    }
    const [row] = await tx
      .insert(notes)
      .values({ orgId: viewer.orgId, meetingId, authorId: viewer.personId, updatedBy: viewer.personId, visibility: input.visibility, body: input.body })
      .returning();
    return noteDto(row!);
  });
}

async function loadNote(db: Db, viewer: Viewer, id: string, action: "read" | "write"): Promise<{ note: Note; access: MeetingAccess }> {
  if (!isUuid(id)) throw notFound();
  const [note] = await db.select().from(notes).where(and(eq(notes.id, id), eq(notes.orgId, viewer.orgId)));
  if (!note) throw notFound();
  // Reading the meeting first: a non-participant gets 404 for either kind.
  const access = await loadMeeting(db, viewer, note.meetingId, "read");
  if (note.visibility === "private") enforcePrivate(viewer, access, note.authorId, "read");
  if (action === "write") {
    await loadMeeting(db, viewer, note.meetingId, "write");
    if (note.visibility === "private") enforcePrivate(viewer, access, note.authorId, "write");
    else refuseSharedWithFormerManager(access);
  }
  return { note, access };
}

/**
 * A shared note is shared with the other person: on a 1:1 with a former manager, who can no longer open it, it is a
 * record kept as it was (the agenda and check-in there are closed too). The employee's private note stays theirs.
 */
function refuseSharedWithFormerManager(access: MeetingAccess): void {
  if (access.withFormerManager) {
    throw conflict(`${access.names.manager || "Your former manager"} is no longer your manager and no longer sees this 1:1, so its shared note is kept as it was. Write on a 1:1 with your current manager.`);
  }
}

export async function getNote(db: Db, viewer: Viewer, id: string): Promise<NoteDto> {
  return noteDto((await loadNote(db, viewer, id, "read")).note);
}

/**
 * Saves a note only if nobody saved it since `version` was read. The later of
 * two saves from the same version gets 409 with the current text, so the
 * editor can offer both texts to merge; nothing is silently overwritten.
 */
export async function updateNote(db: Db, viewer: Viewer, id: string, input: { body: string; version: number }): Promise<NoteDto> {
  const { note, access } = await loadNote(db, viewer, id, "write");
  if (input.body.length > 100_000) throw badRequest("The note is too long.", { body: ["Keep notes under 100,000 characters."] });
  const [row] = await db
    .update(notes)
    .set({ body: input.body, version: sql`${notes.version} + 1`, updatedBy: viewer.personId, updatedAt: new Date() })
    .where(and(eq(notes.id, note.id), eq(notes.orgId, viewer.orgId), eq(notes.version, input.version)))
    .returning();
  if (!row) {
    const [current] = await db.select().from(notes).where(and(eq(notes.id, note.id), eq(notes.orgId, viewer.orgId)));
    throw current ? noteConflict(viewer, access, current) : conflict("This note was deleted meanwhile.", { current: null });
  }
  return noteDto(row);
}

/**
 * Deletes a note only if nobody saved it since `version` was read, like a save: a delete from a stale page would
 * otherwise throw away the other person's text unseen. 409 with the note as saved now (and who saved it);
 * deleted meanwhile is a 404.
 */
export async function deleteNote(db: Db, viewer: Viewer, id: string, input: { version: number }): Promise<void> {
  const { note, access } = await loadNote(db, viewer, id, "write");
  const [gone] = await db
    .delete(notes)
    .where(and(eq(notes.id, note.id), eq(notes.orgId, viewer.orgId), eq(notes.version, input.version)))
    .returning({ id: notes.id });
  if (gone) return;
  const [current] = await db.select().from(notes).where(and(eq(notes.id, note.id), eq(notes.orgId, viewer.orgId)));
  if (!current) throw notFound();
  const by: SavedBy = current.visibility === "private" ? { you: true } : savedBy(viewer, access, current.updatedBy);
  const who = by.you ? "You saved this note in another tab or window" : by.name ? `${by.name} saved this note` : "This note was saved elsewhere";
  throw conflict(`${who} since you read it, so it was not deleted. Read it as saved now before deleting it.`, { current: noteDto(current), savedBy: by });
}
