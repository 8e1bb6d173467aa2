import { apiRoute, notAllowed, readJson } from "@/lib/http/api";
import { addGoalUpdate } from "@/lib/plan";
import { goalUpdateCreate } from "@/lib/plan/schemas";

/** Adds a dated progress update (with an optional progress %) to a goal. */
export const POST = apiRoute<{ id: string }>(async ({ req, params, viewer, db }) => {
  const input = await readJson(req, goalUpdateCreate);
  return addGoalUpdate(db, viewer, params.id, input);
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = notAllowed(["POST"]);
