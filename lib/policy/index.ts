import "server-only";
import type { Db } from "@/db/client";
import type { Viewer } from "@/lib/auth/viewer-type";
import { AppError, forbidden, notFound, unauthenticated } from "@/lib/errors";
import { audit } from "@/lib/audit/log";
import { decideAccess, type Action, type Context, type Relation, type Resource } from "./rules";
import { relationTo } from "./relation";

export * from "./rules";
export { relationTo, isUuid } from "./relation";

/**
 * The gate every server action and route handler passes before it reads or
 * writes: throws 401 without a viewer, 404 when the viewer may not see the
 * resource, 403 when they may see it but not do this. Returns the relation so
 * callers can shape what they return (e.g. which flags to include).
 */
export async function authorize(
  db: Db,
  viewer: Viewer | null,
  resource: Resource,
  action: Action,
  personId: string,
  ctx: Context = {},
): Promise<Relation> {
  if (!viewer) throw unauthenticated();
  const rel = await relationTo(db, viewer, personId);
  enforce(viewer, resource, action, rel, ctx, personId);
  return rel;
}

/** Like authorize, when the relation is already known (e.g. loaded with the row). */
export function enforce(
  viewer: Viewer,
  resource: Resource,
  action: Action,
  rel: Relation,
  ctx: Context = {},
  personId?: string,
): void {
  const d = decideAccess(resource, action, rel, ctx);
  if (d === "allow") return;
  if (rel.sameOrg) {
    // Permission denials are audited (fire and forget: never blocks the answer). One on a stuck signal says only who
    // was refused: admins read this log, and "refused Gus's signal", or even "refused a stuck signal" right after an
    // admin moved Gus, tells them Gus has one, which a signal kept from HR must not (ACCESS.md: nothing may let a
    // viewer infer what the table denies them).
    const entry = resource === "stuckSignal" ? { targetType: null, targetId: null, meta: { decision: d } } : { targetType: resource, targetId: personId ?? null, meta: { action, decision: d } };
    void audit({ orgId: viewer.orgId, actorUserId: viewer.userId, action: "permission.denied", ...entry }).catch(() => {});
  }
  throw d === "not_found" ? notFound() : forbidden();
}

/** Org-level resources (settings, members, audit log): no employee involved. */
export function authorizeOrg(viewer: Viewer | null, resource: "orgAdmin" | "auditLog", action: Action): Viewer {
  if (!viewer) throw unauthenticated();
  const rel: Relation = { sameOrg: true, self: false, manager: false, skipLevel: false, admin: viewer.role === "admin" };
  const d = decideAccess(resource, action, rel);
  if (d !== "allow") throw d === "not_found" ? notFound() : forbidden();
  return viewer;
}

export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw unauthenticated();
  return viewer;
}

export { AppError };
