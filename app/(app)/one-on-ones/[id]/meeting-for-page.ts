import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { requirePageViewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { loadMeeting } from "@/lib/meetings/access";

/**
 * The 1:1 as its page reads it (authorized for reading), once per request: the page and its title ("1:1 with Eli
 * Employee · Reignite") both need it, and the title must not cost a statement of its own. Denied or missing: 404.
 */
export const meetingForPage = cache(async (id: string) => {
  const viewer = await requirePageViewer();
  const db = await getDb();
  try {
    return { viewer, db, access: await loadMeeting(db, viewer, id, "read") };
  } catch (e) {
    if (e instanceof AppError && e.status === 404) notFound();
    throw e;
  }
});
