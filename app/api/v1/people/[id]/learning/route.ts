import { apiRoute, notAllowed, readJson } from "@/lib/http/api";
import { listLearning, createLearning } from "@/lib/plan";
import { learningCreate } from "@/lib/plan/schemas";

export const GET = apiRoute<{ id: string }>(async ({ params, viewer, db }) => listLearning(db, viewer, params.id));

export const POST = apiRoute<{ id: string }>(async ({ req, params, viewer, db }) => {
  const input = await readJson(req, learningCreate);
  return createLearning(db, viewer, params.id, input);
});

export const { PUT, PATCH, DELETE, OPTIONS } = notAllowed(["GET", "POST"]);
