import { apiRoute, notAllowed, readJson } from "@/lib/http/api";
import { getPurpose, savePurpose } from "@/lib/plan";
import { purposeInput } from "@/lib/plan/schemas";

/** The current purpose statement and its history (newest first). */
export const GET = apiRoute<{ id: string }>(async ({ params, viewer, db }) => getPurpose(db, viewer, params.id));

/** Saves a new statement (history is kept). Send `version` (the one you edited, 0 if none) to get 409 on a concurrent save. */
export const PUT = apiRoute<{ id: string }>(async ({ req, params, viewer, db }) => {
  const input = await readJson(req, purposeInput);
  return savePurpose(db, viewer, params.id, input);
});

export const { POST, PATCH, DELETE } = notAllowed(["GET", "PUT"]);
