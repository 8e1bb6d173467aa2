import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { requirePageViewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { getDirectoryEntry } from "@/lib/people/directory";
import { relationTo } from "@/lib/policy/relation";
import { decideAccess } from "@/lib/policy/rules";

/**
 * The viewer's relation to the person, once per request: the page decides what it reads by it, and the title needs
 * the directory entry it allows. Someone the viewer may not see is a 404.
 */
export const relationForPage = cache(async (id: string) => {
  const viewer = await requirePageViewer();
  const db = await getDb();
  const rel = await relationTo(db, viewer, id);
  if (decideAccess("directory", "read", rel) !== "allow") notFound();
  return { viewer, db, rel };
});

/** The person's directory entry, once per request: the page shows it, and the title names them without a statement of its own. */
export const entryForPage = cache(async (id: string) => {
  const { viewer, db, rel } = await relationForPage(id);
  try {
    return await getDirectoryEntry(db, viewer, id, rel);
  } catch (e) {
    if (e instanceof AppError && e.status === 404) notFound();
    throw e;
  }
});
