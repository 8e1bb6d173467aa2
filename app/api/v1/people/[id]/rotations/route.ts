import { apiRoute, notAllowed, readJson } from "@/lib/http/api";
import { createRotation, listRotations } from "@/lib/people/rotations";
import { rotationInput } from "@/lib/people/schemas";

export const GET = apiRoute<{ id: string }>(async ({ params, viewer, db }) => ({ items: await listRotations(db, viewer, params.id) }));

export const POST = apiRoute<{ id: string }>(async ({ req, params, viewer, db }) => {
  const input = await readJson(req, rotationInput);
  return createRotation(db, viewer, params.id, input);
});

export const { PUT, PATCH, DELETE, OPTIONS } = notAllowed(["GET", "POST"]);
