import { z } from "zod";
import { apiRoute, notAllowed, readJson } from "@/lib/http/api";
import { pulseTrend, submitPulse } from "@/lib/pulse/checkins";
import { pulseSchema } from "@/lib/meetings/schemas";

/** The person's pulse check-ins (self and manager), oldest first. */
// A HEAD sends no answers, so it is not logged as a read of them.
export const GET = apiRoute<{ id: string }>(async ({ req, params, viewer, db }) => ({ items: await pulseTrend(db, viewer, params.id, 52, req.method === "HEAD" ? false : "api") }));

/** Only the employee writes their own pulse, once per ISO week (409 on a second try). */
export const POST = apiRoute<{ id: string }>(async ({ req, params, viewer, db }) => {
  const input = await readJson(req, pulseSchema.extend({ comment: z.string().trim().max(2000).optional() }));
  return submitPulse(db, viewer, params.id, input);
});

export const { PUT, PATCH, DELETE, OPTIONS } = notAllowed(["GET", "POST"]);
