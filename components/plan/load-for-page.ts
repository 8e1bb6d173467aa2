import "server-only";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import type { Viewer } from "@/lib/auth/viewer-type";
import { AppError } from "@/lib/errors";
import { connectablePeople, getPlan } from "@/lib/plan";

/** Loads a plan for a page (`directory: false` when the page does not offer the connection picker): a denied or missing plan renders the 404 page, like any missing record. */
export async function loadPlanForPage(viewer: Viewer, personId: string, opts: { directory?: boolean } = {}) {
  const db = await getDb();
  try {
    const result = await getPlan(db, viewer, personId);
    // The directory (every active member) is only for the connection picker on a manager's edit page.
    const directory = result.canEdit && opts.directory !== false ? await connectablePeople(db, viewer, personId) : [];
    return { ...result, directory };
  } catch (err) {
    if (err instanceof AppError && (err.status === 404 || err.status === 403)) notFound();
    throw err;
  }
}
