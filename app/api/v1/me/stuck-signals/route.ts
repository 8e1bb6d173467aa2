import { apiRoute, notAllowed, readJson } from "@/lib/http/api";
import { idempotent } from "@/lib/meetings/idempotency";
import { stuckRaiseSchema } from "@/lib/meetings/schemas";
import { getSignal, listVisibleSignals, raiseSignal } from "@/lib/stuck/signals";

export const GET = apiRoute(async ({ viewer, db }) => ({ items: await listVisibleSignals(db, viewer, { personId: viewer.personId }) }));

/** Raise "I feel stuck": the manager always sees it; skip-level and HR admins only if included. */
export const POST = apiRoute(async ({ req, viewer, db }) => {
  const input = await readJson(req, stuckRaiseSchema);
  return idempotent(db, viewer, req.headers.get("idempotency-key"), "stuck_signal", () => raiseSignal(db, viewer, input), (id) => getSignal(db, viewer, id), { input });
});

export const { PUT, PATCH, DELETE, OPTIONS } = notAllowed(["GET", "POST"]);
