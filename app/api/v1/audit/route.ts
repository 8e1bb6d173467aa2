import { apiRoute, notAllowed, readQuery } from "@/lib/http/api";
import { auditFilterSchema, listAuditEvents } from "@/lib/audit/query";

/**
 * GET /api/v1/audit?action=&actor=&person=&from=&to=&cursor= — one page (50) of the
 * organization's audit log, newest first, for admins (404 for anyone else).
 * `actor` is a user id, `person` a membership id. `nextCursor` fetches the next page.
 */
export const GET = apiRoute(async ({ req, viewer, db }) => listAuditEvents(db, viewer, readQuery(req, auditFilterSchema)));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = notAllowed(["GET"]);
