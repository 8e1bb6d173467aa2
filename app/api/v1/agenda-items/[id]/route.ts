import { apiRoute, notAllowed, readJson, readQuery } from "@/lib/http/api";
import { deleteAgendaItem, moveAgendaItem, updateAgendaItem } from "@/lib/meetings/agenda";
import { agendaPatchSchema } from "@/lib/meetings/schemas";
import { deleteInput } from "@/lib/plan/schemas";

/** body / done (version-checked) and `move: "up" | "down"`. */
export const PATCH = apiRoute<{ id: string }>(async ({ req, params, viewer, db }) => {
  const { move, ...rest } = await readJson(req, agendaPatchSchema);
  if (move) await moveAgendaItem(db, viewer, params.id, move);
  if (rest.body !== undefined || rest.done !== undefined) return updateAgendaItem(db, viewer, params.id, rest);
  return { ok: true };
});

/** Deletes; `?version=` guards against deleting a talking point changed meanwhile (409 with the current item), as for action items. */
export const DELETE = apiRoute<{ id: string }>(async ({ req, params, viewer, db }) => {
  const { version } = readQuery(req, deleteInput);
  await deleteAgendaItem(db, viewer, params.id, { version });
  return undefined;
});

export const { GET, POST, PUT } = notAllowed(["PATCH", "DELETE"]);
