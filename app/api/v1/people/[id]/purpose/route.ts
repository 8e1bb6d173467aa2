import { apiRoute, notAllowed, readJson } from "@/lib/http/api";
import { getPurpose, savePurpose } from "@/lib/plan";
import { purposeInput } from "@/lib/plan/schemas";

/** The current purpose statement and its history (newest first). */
export const GET = apiRoute<{ id: string }>(async ({ params, viewer, db }) => getPurpose(db, viewer, params.id));

/** Saves a new statement (history is kept). `version` is the one you edited (0 if none yet; 428 without it); 409 when someone saved since. */
export const PUT = apiRoute<{ id: string }>(async ({ req, params, viewer, db }) => {
  const input = await readJson(req, purposeInput);
  return savePurpose(db, viewer, params.id, input);
});

export const { POST, PATCH, DELETE, OPTIONS } = notAllowed(["GET", "PUT"]);
