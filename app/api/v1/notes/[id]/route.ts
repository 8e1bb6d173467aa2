import { apiRoute, notAllowed, readJson, readQuery } from "@/lib/http/api";
import { deleteNote, getNote, updateNote } from "@/lib/meetings/notes";
import { notePatchSchema } from "@/lib/meetings/schemas";
import { deleteInput } from "@/lib/plan/schemas";

export const GET = apiRoute<{ id: string }>(async ({ params, viewer, db }) => getNote(db, viewer, params.id));

/** Carries the version it read; 409 with `current` (text and version) when someone saved in between. */
export const PATCH = apiRoute<{ id: string }>(async ({ req, params, viewer, db }) => {
  const input = await readJson(req, notePatchSchema);
  return updateNote(db, viewer, params.id, input);
});

/** `?version=` is the version read (428 without it); 409 with `current` and `savedBy` when someone saved in between. */
export const DELETE = apiRoute<{ id: string }>(async ({ req, params, viewer, db }) => {
  const { version } = readQuery(req, deleteInput);
  await deleteNote(db, viewer, params.id, { version });
  return undefined;
});

export const { POST, PUT, OPTIONS } = notAllowed(["GET", "PATCH", "DELETE"]);
