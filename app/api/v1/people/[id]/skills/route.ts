import { apiRoute, notAllowed, readJson } from "@/lib/http/api";
import { listSkills, createSkill } from "@/lib/plan";
import { skillCreate } from "@/lib/plan/schemas";

export const GET = apiRoute<{ id: string }>(async ({ params, viewer, db }) => listSkills(db, viewer, params.id));

export const POST = apiRoute<{ id: string }>(async ({ req, params, viewer, db }) => {
  const input = await readJson(req, skillCreate);
  return createSkill(db, viewer, params.id, input);
});

export const { PUT, PATCH, DELETE, OPTIONS } = notAllowed(["GET", "POST"]);
