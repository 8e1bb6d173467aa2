import { apiRoute, notAllowed, readJson, readQuery } from "@/lib/http/api";
import { deleteAgendaItem, moveAgendaItem, updateAgendaItem } from "@/lib/meetings/agenda";
import { agendaPatchSchema } from "@/lib/meetings/schemas";
import { deleteInput } from "@/lib/plan/schemas";

/** body / done (with the `version` read: 428 without it, 409 when stale) and `move: "up" | "down"` (needs no version). */
export const PATCH = apiRoute<{ id: string }>(async ({ req, params, viewer, db }) => {
  const { move, version, ...rest } = await readJson(req, agendaPatchSchema);
  if (move) await moveAgendaItem(db, viewer, params.id, move);
  // The schema requires `version` whenever body or done is given.
  if ((rest.body !== undefined || rest.done !== undefined) && version !== undefined) return updateAgendaItem(db, viewer, params.id, { ...rest, version });
  return { ok: true };
});

/** Deletes; `?version=` (required: 428 without it) guards against deleting a talking point changed meanwhile (409 with the current item). */
export const DELETE = apiRoute<{ id: string }>(async ({ req, params, viewer, db }) => {
  const { version } = readQuery(req, deleteInput);
  await deleteAgendaItem(db, viewer, params.id, { version });
  return undefined;
});

export const { GET, POST, PUT, OPTIONS } = notAllowed(["PATCH", "DELETE"]);
