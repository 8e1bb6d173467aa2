import { apiRoute, notAllowed, readJson, readQuery } from "@/lib/http/api";
import { deleteActionItem, updateActionItem } from "@/lib/meetings/action-items";
import { actionPatchSchema } from "@/lib/meetings/schemas";
import { deleteInput } from "@/lib/plan/schemas";

export const PATCH = apiRoute<{ id: string }>(async ({ req, params, viewer, db }) => {
  const input = await readJson(req, actionPatchSchema);
  return updateActionItem(db, viewer, params.id, input);
});

/** Deletes; `?version=` (required: 428 without it) is the version read, and a stale one answers 409 with the current row. */
export const DELETE = apiRoute<{ id: string }>(async ({ req, params, viewer, db }) => {
  const { version } = readQuery(req, deleteInput);
  await deleteActionItem(db, viewer, params.id, { version });
  return undefined;
});

export const { GET, POST, PUT, OPTIONS } = notAllowed(["PATCH", "DELETE"]);
