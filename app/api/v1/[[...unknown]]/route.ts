import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/api";

/**
 * Any /api/v1 address that is not a route of the API: the API's JSON error
 * shape (404 not_found), where Next.js would answer with its HTML 404 page.
 * Reads and writes nothing, so it needs no session: an unknown address is
 * unknown to everyone. Next.js matches every real route before this catch-all.
 */
function unknownAddress(): Response {
  return errorResponse(new AppError(404, "not_found", "There is no such address in the Reignite API. See the API section of the README."));
}

export const GET = unknownAddress;
export const POST = unknownAddress;
export const PUT = unknownAddress;
export const PATCH = unknownAddress;
export const DELETE = unknownAddress;
