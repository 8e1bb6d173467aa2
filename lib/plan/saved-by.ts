import "server-only";
import { sql, type Table } from "drizzle-orm";
import { rows, type Db } from "@/db/client";
import type { Viewer } from "@/lib/auth/viewer-type";
import type { SavedBy } from "@/lib/saved-by";

/**
 * Who saved a plan row last, for a refused save (409) to name: the viewer (so it was their other tab or window), a
 * member of the organization by name, or unknown. Read only when a save is refused. Anyone who may write a plan
 * reads its authors' names on it already (updates, wins), so naming them tells nothing new.
 */
export async function planSavedBy(db: Db, viewer: Viewer, table: Table, id: string, column: "updated_by" | "author_id" = "updated_by"): Promise<SavedBy> {
  const [row] = rows<{ by: string | null; name: string | null }>(
    await db.execute(sql`
      SELECT t.${sql.identifier(column)} AS by, u.name
        FROM ${table} t
        LEFT JOIN memberships m ON m.id = t.${sql.identifier(column)} AND m.org_id = ${viewer.orgId}
        LEFT JOIN users u ON u.id = m.user_id
       WHERE t.id = ${id} AND t.org_id = ${viewer.orgId}`),
  );
  if (row?.by && row.by === viewer.personId) return { you: true };
  return { you: false, name: row?.name || null };
}

/** "Maya Manager changed this goal meanwhile." in the words of who it was; `what` starts lower case ("this goal"). */
export function changedMeanwhile(by: SavedBy, what: string): string {
  if (by.you) return `You changed ${what} in another tab or window meanwhile.`;
  if (by.name) return `${by.name} changed ${what} meanwhile.`;
  return `${what.charAt(0).toUpperCase()}${what.slice(1)} was changed meanwhile, in another window or by someone else.`;
}
