import { apiRoute, notAllowed, readJson } from "@/lib/http/api";
import { listWins, createWin } from "@/lib/plan";
import { winCreate } from "@/lib/plan/schemas";

export const GET = apiRoute<{ id: string }>(async ({ params, viewer, db }) => listWins(db, viewer, params.id));

export const POST = apiRoute<{ id: string }>(async ({ req, params, viewer, db }) => {
  const input = await readJson(req, winCreate);
  return createWin(db, viewer, params.id, input);
});

export const { PUT, PATCH, DELETE, OPTIONS } = notAllowed(["GET", "POST"]);
