import { apiRoute, notAllowed } from "@/lib/http/api";
import { listVisibleSignalsPage } from "@/lib/stuck/signals";

/**
 * The signals the viewer may see: their own and those addressed to them, every open one first, then the most
 * recent others; at most 200, and `more: true` when there are more than that.
 */
export const GET = apiRoute(async ({ viewer, db }) => listVisibleSignalsPage(db, viewer, { audit: "api" }));

export const { POST, PUT, PATCH, DELETE } = notAllowed(["GET"]);
