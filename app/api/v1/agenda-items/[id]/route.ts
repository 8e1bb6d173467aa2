import { apiRoute, notAllowed, readJson } from "@/lib/http/api";
import { deleteAgendaItem, moveAgendaItem, updateAgendaItem } from "@/lib/meetings/agenda";
import { agendaPatchSchema } from "@/lib/meetings/schemas";

/** body / done (version-checked) and `move: "up" | "down"`. */
export const PATCH = apiRoute<{ id: string }>(async ({ req, params, viewer, db }) => {
  const { move, ...rest } = await readJson(req, agendaPatchSchema);
  if (move) await moveAgendaItem(db, viewer, params.id, move);
  if (rest.body !== undefined || rest.done !== undefined) return updateAgendaItem(db, viewer, params.id, rest);
  return { ok: true };
});

export const DELETE = apiRoute<{ id: string }>(async ({ params, viewer, db }) => {
  await deleteAgendaItem(db, viewer, params.id);
});

export const { GET, POST, PUT } = notAllowed(["PATCH", "DELETE"]);
