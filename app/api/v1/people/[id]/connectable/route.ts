import { z } from "zod";
import { apiRoute, notAllowed, readQuery } from "@/lib/http/api";
import { searchConnectable } from "@/lib/plan";

const query = z.object({
  q: z.string().max(100).default(""),
  limit: z.coerce.number().int().min(1).max(20).default(8),
});

/** GET /api/v1/people/:id/connectable?q= — members one may link to this person's plan as a connection (for the picker). */
export const GET = apiRoute<{ id: string }>(async ({ req, params, viewer, db }) => {
  const { q, limit } = readQuery(req, query);
  return { items: await searchConnectable(db, viewer, params.id, q, limit) };
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = notAllowed(["GET"]);
