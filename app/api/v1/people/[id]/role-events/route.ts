import { apiRoute, notAllowed, readJson } from "@/lib/http/api";
import { createRoleEvent, listRoleEvents } from "@/lib/people/role-events";
import { roleEventInput } from "@/lib/people/schemas";

export const GET = apiRoute<{ id: string }>(async ({ params, viewer, db }) => ({ items: await listRoleEvents(db, viewer, params.id) }));

export const POST = apiRoute<{ id: string }>(async ({ req, params, viewer, db }) => {
  const input = await readJson(req, roleEventInput);
  return createRoleEvent(db, viewer, params.id, input);
});

export const { PUT, PATCH, DELETE, OPTIONS } = notAllowed(["GET", "POST"]);
