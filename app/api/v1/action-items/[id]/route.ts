import { apiRoute, readJson } from "@/lib/http/api";
import { updateActionItem } from "@/lib/meetings/action-items";
import { actionPatchSchema } from "@/lib/meetings/schemas";

export const PATCH = apiRoute<{ id: string }>(async ({ req, params, viewer, db }) => {
  const input = await readJson(req, actionPatchSchema);
  return updateActionItem(db, viewer, params.id, input);
});
