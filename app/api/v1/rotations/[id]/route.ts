import { apiRoute, notAllowed, readJson, readQuery } from "@/lib/http/api";
import { deleteRotation, getRotation, updateRotation } from "@/lib/people/rotations";
import { rotationPatch, versionOnly } from "@/lib/people/schemas";

export const GET = apiRoute<{ id: string }>(async ({ params, viewer, db }) => getRotation(db, viewer, params.id));

/** PATCH carries `version`; moving to active/done writes the rotation's role events in the same transaction. */
export const PATCH = apiRoute<{ id: string }>(async ({ req, params, viewer, db }) => {
  const patch = await readJson(req, rotationPatch);
  return updateRotation(db, viewer, params.id, patch);
});


/** `?version=` is required (428 without it); a stale one answers 409 with the current rotation. */
export const DELETE = apiRoute<{ id: string }>(async ({ req, params, viewer, db }) => {
  const { version } = readQuery(req, versionOnly);
  await deleteRotation(db, viewer, params.id, version);
  return undefined;
});

export const { POST, PUT, OPTIONS } = notAllowed(["GET", "PATCH", "DELETE"]);
