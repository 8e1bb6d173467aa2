import { apiRoute, notAllowed } from "@/lib/http/api";
import { listVisibleSignalsPage } from "@/lib/stuck/signals";

/**
 * The signals the viewer may see: their own and those addressed to them, every open one first, then the most
 * recent others; at most 200, and `more: true` when there are more than that.
 */
// A HEAD sends no signals, so it is not logged as a read of them.
export const GET = apiRoute(async ({ req, viewer, db }) => listVisibleSignalsPage(db, viewer, { audit: req.method === "HEAD" ? false : "api" }));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = notAllowed(["GET"]);
