import { apiRoute, notAllowed, readJson } from "@/lib/http/api";
import { saveCheckIn } from "@/lib/meetings/checkin";
import { getMeetingDetail, meetingJson } from "@/lib/meetings/detail";
import { meetingPatchSchema } from "@/lib/meetings/schemas";
import { changeMeeting } from "@/lib/meetings/schedule";

/** The meeting as the viewer may see it: private notes only for their author. */
export const GET = apiRoute<{ id: string }>(async ({ params, viewer, db }) => meetingJson(await getMeetingDetail(db, viewer, params.id)));

/** `action`: reschedule (scheduledAt), hold, cancel, or checkIn (energy, meaningful, goingThroughMotions, learnNext); each with the meeting `version` read (428 without it). */
export const PATCH = apiRoute<{ id: string }>(async ({ req, params, viewer, db }) => {
  const input = await readJson(req, meetingPatchSchema);
  if (input.action === "checkIn") {
    const { action: _a, version, ...checkIn } = input;
    await saveCheckIn(db, viewer, params.id, { ...checkIn, version });
  } else {
    const change = input.action === "reschedule" ? { kind: "reschedule" as const, scheduledAt: input.scheduledAt } : { kind: input.action === "hold" ? ("hold" as const) : ("cancel" as const) };
    await changeMeeting(db, viewer, params.id, change, { version: input.version });
  }
  return meetingJson(await getMeetingDetail(db, viewer, params.id));
});

export const { POST, PUT, DELETE, OPTIONS } = notAllowed(["GET", "PATCH"]);
