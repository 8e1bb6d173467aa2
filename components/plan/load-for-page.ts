import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import type { Viewer } from "@/lib/auth/viewer-type";
import { AppError } from "@/lib/errors";
import { getPlan } from "@/lib/plan";

/**
 * Loads a plan for a page: a denied or missing plan renders the 404 page, like any missing record. Once per request
 * (React's cache, keyed by the viewer read once per request too): the page and its title both need it.
 */
export const loadPlanForPage = cache(async (viewer: Viewer, personId: string) => {
  const db = await getDb();
  try {
    return await getPlan(db, viewer, personId);
  } catch (err) {
    if (err instanceof AppError && (err.status === 404 || err.status === 403)) notFound();
    throw err;
  }
});
