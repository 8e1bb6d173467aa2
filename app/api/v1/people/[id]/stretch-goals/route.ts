import { apiRoute, notAllowed, readJson } from "@/lib/http/api";
import { listGoals, createGoal } from "@/lib/plan";
import { goalCreate } from "@/lib/plan/schemas";

export const GET = apiRoute<{ id: string }>(async ({ params, viewer, db }) => listGoals(db, viewer, params.id));

export const POST = apiRoute<{ id: string }>(async ({ req, params, viewer, db }) => {
  const input = await readJson(req, goalCreate);
  return createGoal(db, viewer, params.id, input);
});

export const { PUT, PATCH, DELETE, OPTIONS } = notAllowed(["GET", "POST"]);
