import { apiRoute, notAllowed } from "@/lib/http/api";
import { listVisibleSignals } from "@/lib/stuck/signals";

/** Every signal the viewer may see: their own and those addressed to them. */
export const GET = apiRoute(async ({ viewer, db }) => ({ items: await listVisibleSignals(db, viewer, { audit: "api" }) }));

export const { POST, PUT, PATCH, DELETE } = notAllowed(["GET"]);
