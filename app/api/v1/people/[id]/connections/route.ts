import { apiRoute, notAllowed, readJson } from "@/lib/http/api";
import { listConnections, createConnection } from "@/lib/plan";
import { connectionCreate } from "@/lib/plan/schemas";

export const GET = apiRoute<{ id: string }>(async ({ params, viewer, db }) => listConnections(db, viewer, params.id));

export const POST = apiRoute<{ id: string }>(async ({ req, params, viewer, db }) => {
  const input = await readJson(req, connectionCreate);
  return createConnection(db, viewer, params.id, input);
});

export const { PUT, PATCH, DELETE, OPTIONS } = notAllowed(["GET", "POST"]);
