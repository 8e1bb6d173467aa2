import { apiRoute, notAllowed } from "@/lib/http/api";
import { getPersonForApi } from "@/lib/people/api-people";

/** GET /api/v1/people/{id}: 404 unless the viewer may see the person's directory entry. */
export const GET = apiRoute<{ id: string }>(async ({ params, viewer, db }) => getPersonForApi(db, viewer, params.id));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = notAllowed(["GET"]);
