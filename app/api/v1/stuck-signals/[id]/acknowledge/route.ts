import { apiRoute, notAllowed, readJson } from "@/lib/http/api";
import { stuckAckSchema } from "@/lib/meetings/schemas";
import { acknowledgeSignal } from "@/lib/stuck/signals";

export const POST = apiRoute<{ id: string }>(async ({ req, params, viewer, db }) => {
  const input = await readJson(req, stuckAckSchema);
  return Response.json(await acknowledgeSignal(db, viewer, params.id, input), { status: 200 });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = notAllowed(["POST"]);
