import { apiRoute, notAllowed, readJson } from "@/lib/http/api";
import { notFound } from "@/lib/errors";
import { addAgendaItem } from "@/lib/meetings/agenda";
import { getMeetingDetail } from "@/lib/meetings/detail";
import { idempotent } from "@/lib/meetings/idempotency";
import { agendaCreateSchema } from "@/lib/meetings/schemas";

export const POST = apiRoute<{ id: string }>(async ({ req, params, viewer, db }) => {
  const input = await readJson(req, agendaCreateSchema);
  return idempotent(db, viewer, req.headers.get("idempotency-key"), "agenda_item",
    () => addAgendaItem(db, viewer, params.id, input),
    async (id) => {
      const found = (await getMeetingDetail(db, viewer, params.id)).agenda.find((a) => a.id === id);
      if (!found) throw notFound();
      return found;
    },
    { meeting: params.id, input },
  );
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = notAllowed(["POST"]);
