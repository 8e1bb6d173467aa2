import { apiRoute, notAllowed, readJson, readQuery } from "@/lib/http/api";
import { deleteRoleEvent, getRoleEvent, updateRoleEvent } from "@/lib/people/role-events";
import { roleEventPatch, versionOnly } from "@/lib/people/schemas";

export const GET = apiRoute<{ id: string }>(async ({ params, viewer, db }) => getRoleEvent(db, viewer, params.id));

/** PATCH carries the `version` that was read; 409 with the current event when it changed since. */
export const PATCH = apiRoute<{ id: string }>(async ({ req, params, viewer, db }) => {
  const patch = await readJson(req, roleEventPatch);
  return updateRoleEvent(db, viewer, params.id, patch);
});


/** `?version=` is required (428 without it); a stale one answers 409 with the current event. */
export const DELETE = apiRoute<{ id: string }>(async ({ req, params, viewer, db }) => {
  const { version } = readQuery(req, versionOnly);
  await deleteRoleEvent(db, viewer, params.id, version);
  return undefined;
});

export const { POST, PUT, OPTIONS } = notAllowed(["GET", "PATCH", "DELETE"]);
