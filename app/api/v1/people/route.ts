import { z } from "zod";
import { apiRoute, notAllowed, readQuery } from "@/lib/http/api";
import { listPeopleForApi } from "@/lib/people/api-people";

const query = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  q: z.string().max(100).optional(),
});

/** GET /api/v1/people?page&limit&q — the people the viewer may see (policy applied in the domain function); with `q`, a directory search. */
export const GET = apiRoute(async ({ req, viewer, db }) => {
  const q = readQuery(req, query);
  return listPeopleForApi(db, viewer, q);
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = notAllowed(["GET"]);
