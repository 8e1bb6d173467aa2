import "server-only";
import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { idempotencyKeys } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer-type";
import { AppError, badRequest } from "@/lib/errors";

const PENDING = "";

/**
 * `Idempotency-Key` for creates: the same key from the same user yields the
 * first created resource (loaded again through `load`, which re-checks
 * access) and never a second row. The key is reserved before the create, so
 * two concurrent requests with one key cannot both create; the loser gets 409
 * while the first is still running. `request` (the target and the parsed
 * input) is remembered as a hash: the same key sent with a different request
 * is a client's mistake, answered 422, not the first request's 201 (which
 * silently never created the second item).
 */
export async function idempotent<T extends { id: string }>(
  db: Db,
  viewer: Viewer,
  key: string | null,
  resourceType: string,
  create: () => Promise<T>,
  load: (id: string) => Promise<T>,
  request: unknown = null,
): Promise<T> {
  if (!key) return create();
  const requestHash = createHash("sha256").update(JSON.stringify(request ?? null)).digest("base64url");
  if (key.length > 200) throw badRequest("Idempotency-Key is too long (at most 200 characters).");
  const where = and(eq(idempotencyKeys.orgId, viewer.orgId), eq(idempotencyKeys.userId, viewer.userId), eq(idempotencyKeys.key, key));
  const [reserved] = await db
    .insert(idempotencyKeys)
    .values({ orgId: viewer.orgId, userId: viewer.userId, key, resourceType, resourceId: PENDING, requestHash })
    .onConflictDoNothing()
    .returning();
  if (!reserved) {
    const [seen] = await db.select().from(idempotencyKeys).where(where);
    if (!seen) throw new AppError(409, "conflict", "Retry the request.");
    if (seen.resourceType !== resourceType) throw badRequest("This Idempotency-Key was used for another kind of request.");
    if (seen.requestHash && seen.requestHash !== requestHash) {
      throw new AppError(422, "validation_failed", "This Idempotency-Key was already used for a different request: send a new key with each new request.");
    }
    if (seen.resourceId === PENDING) throw new AppError(409, "conflict", "A request with this Idempotency-Key is still being processed. Retry shortly.");
    return load(seen.resourceId);
  }
  try {
    const created = await create();
    await db.update(idempotencyKeys).set({ resourceId: created.id }).where(where);
    return created;
  } catch (err) {
    // Nothing was created: free the key so the client can retry with it.
    await db.delete(idempotencyKeys).where(where);
    throw err;
  }
}
