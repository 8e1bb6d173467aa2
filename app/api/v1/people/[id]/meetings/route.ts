import { z } from "zod";
import { apiRoute, notAllowed, readJson, readQuery } from "@/lib/http/api";
import { idempotent } from "@/lib/meetings/idempotency";
import { getMeetingDetail, meetingJson } from "@/lib/meetings/detail";
import { scheduleSchema } from "@/lib/meetings/schemas";
import { listMeetings, scheduleMeeting } from "@/lib/meetings/schedule";

/** A person's 1:1s, paginated: the manager sees the pair's, the employee all of their own (see listMeetings). */
export const GET = apiRoute<{ id: string }>(async ({ req, params, viewer, db }) => {
  const { page } = readQuery(req, z.object({ page: z.coerce.number().int().min(1).max(10_000).optional() }));
  return listMeetings(db, viewer, params.id, { page });
});

export const POST = apiRoute<{ id: string }>(async ({ req, params, viewer, db }) => {
  const input = await readJson(req, scheduleSchema);
  return idempotent(
    db,
    viewer,
    req.headers.get("idempotency-key"),
    "meeting",
    async () => meetingJson(await getMeetingDetail(db, viewer, (await scheduleMeeting(db, viewer, params.id, input)).id)),
    async (id) => meetingJson(await getMeetingDetail(db, viewer, id)),
    { person: params.id, input },
  );
});

export const { PUT, PATCH, DELETE, OPTIONS } = notAllowed(["GET", "POST"]);
