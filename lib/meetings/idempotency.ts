import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { idempotencyKeys } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer-type";
import { badRequest } from "@/lib/errors";

/**
 * `Idempotency-Key` for creates: the same key from the same user yields the
 * first created resource (loaded again through `load`, which re-checks
 * access) instead of a second row.
 */
export async function idempotent<T extends { id: string }>(
  db: Db,
  viewer: Viewer,
  key: string | null,
  resourceType: string,
  create: () => Promise<T>,
  load: (id: string) => Promise<T>,
): Promise<T> {
  if (!key) return create();
  if (key.length > 200) throw badRequest("Idempotency-Key is too long.");
  const where = and(eq(idempotencyKeys.orgId, viewer.orgId), eq(idempotencyKeys.userId, viewer.userId), eq(idempotencyKeys.key, key));
  const [seen] = await db.select().from(idempotencyKeys).where(where);
  if (seen) {
    if (seen.resourceType !== resourceType) throw badRequest("This Idempotency-Key was used for another kind of request.");
    return load(seen.resourceId);
  }
  const created = await create();
  const [row] = await db
    .insert(idempotencyKeys)
    .values({ orgId: viewer.orgId, userId: viewer.userId, key, resourceType, resourceId: created.id })
    .onConflictDoNothing()
    .returning();
  if (!row) {
    // A concurrent request with the same key won: answer with its resource. (Ours stays; rare, and never lost data.)
    const [winner] = await db.select().from(idempotencyKeys).where(where);
    if (winner) return load(winner.resourceId);
  }
  return created;
}
