import { apiRoute, notAllowed, readJson, readQuery } from "@/lib/http/api";
import { updateSkill, deleteSkill } from "@/lib/plan";
import { deleteInput, skillPatch } from "@/lib/plan/schemas";

/** Partial update; `version` is required and a stale one answers 409 with the current row. */
export const PATCH = apiRoute<{ id: string }>(async ({ req, params, viewer, db }) => {
  const input = await readJson(req, skillPatch);
  return updateSkill(db, viewer, params.id, input);
});

/** Deletes; `?version=` (required: 428 without it) is the version read, and a stale one answers 409 with the current row. */
export const DELETE = apiRoute<{ id: string }>(async ({ req, params, viewer, db }) => {
  const { version } = readQuery(req, deleteInput);
  await deleteSkill(db, viewer, params.id, version);
  return undefined;
});

export const { GET, POST, PUT, OPTIONS } = notAllowed(["PATCH", "DELETE"]);
