import { apiRoute, notAllowed, readJson } from "@/lib/http/api";
import { idempotent } from "@/lib/meetings/idempotency";
import { createNote, getNote } from "@/lib/meetings/notes";
import { noteCreateSchema } from "@/lib/meetings/schemas";

/** `visibility: "private"` notes are seen by their author alone. */
export const POST = apiRoute<{ id: string }>(async ({ req, params, viewer, db }) => {
  const input = await readJson(req, noteCreateSchema);
  return idempotent(db, viewer, req.headers.get("idempotency-key"), "note",
    () => createNote(db, viewer, params.id, input),
    (id) => getNote(db, viewer, id),
    { meeting: params.id, input },
  );
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = notAllowed(["POST"]);
