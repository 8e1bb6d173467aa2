import { apiRoute, notAllowed } from "@/lib/http/api";
import { withdrawSignal } from "@/lib/stuck/signals";

/** The employee withdraws their own signal. */
export const POST = apiRoute<{ id: string }>(async ({ params, viewer, db }) => Response.json(await withdrawSignal(db, viewer, params.id), { status: 200 }));

export const { GET, PUT, PATCH, DELETE, OPTIONS } = notAllowed(["POST"]);
