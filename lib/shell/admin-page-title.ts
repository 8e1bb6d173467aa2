import "server-only";
import type { Metadata } from "next";
import { getViewer } from "@/lib/auth/viewer";
import { decideAccess } from "@/lib/policy/rules";

/**
 * The title of a page only admins may open. Anyone else gets the app's 404, and its tab should read like every other
 * 404 ("Reignite"), not "Org insights · Reignite" over "We couldn't find that page" (the page's static title stayed).
 */
export function adminPageTitle(title: string): () => Promise<Metadata> {
  return async () => {
    const viewer = await getViewer();
    const admin = !!viewer && decideAccess("orgAdmin", "read", { sameOrg: true, self: false, manager: false, skipLevel: false, admin: viewer.role === "admin" }) === "allow";
    return admin ? { title } : {};
  };
}
