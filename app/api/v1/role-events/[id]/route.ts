import { z } from "zod";
import { apiRoute, notAllowed, readJson, readQuery } from "@/lib/http/api";
import { deleteRoleEvent, getRoleEvent, updateRoleEvent } from "@/lib/people/role-events";
import { roleEventPatch } from "@/lib/people/schemas";
import { versionNumber } from "@/lib/http/version-field";

export const GET = apiRoute<{ id: string }>(async ({ params, viewer, db }) => getRoleEvent(db, viewer, params.id));

/** PATCH carries the `version` that was read; 409 with the current event when it changed since. */
export const PATCH = apiRoute<{ id: string }>(async ({ req, params, viewer, db }) => {
  const patch = await readJson(req, roleEventPatch);
  return updateRoleEvent(db, viewer, params.id, patch);
});

const del = z.object({ version: versionNumber(z.number().int().positive().optional()) });

export const DELETE = apiRoute<{ id: string }>(async ({ req, params, viewer, db }) => {
  const { version } = readQuery(req, del);
  await deleteRoleEvent(db, viewer, params.id, version);
  return undefined;
});

export const { POST, PUT } = notAllowed(["GET", "PATCH", "DELETE"]);
