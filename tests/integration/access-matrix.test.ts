/**
 * The access matrix, cell by cell, against the policy module with real
 * relationships in a real database. (The same matrix is checked through the
 * HTTP entry points by the e2e access suite.)
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { AppError } from "@/lib/errors";
import { authorize, authorizeOrg, type Action, type Context } from "@/lib/policy";
import type { Viewer } from "@/lib/auth/viewer-type";
import { setupTestDb, teardownTestDb } from "../helpers/db";
import { ACTORS, MATRIX, MATRIX_RESOURCES, allCells, type Actor, type MatrixAction, type MatrixResource, type Outcome } from "../access/matrix";
import { buildAccessFixture, type AccessFixture } from "../access/fixture";

let db: Db;
let fx: AccessFixture;
beforeAll(async () => {
  db = await setupTestDb({ demo: true });
  fx = await buildAccessFixture(db);
});
afterAll(teardownTestDb);

async function outcomeOf(fn: () => Promise<unknown> | unknown): Promise<Outcome> {
  try {
    await fn();
    return "allow";
  } catch (e) {
    if (e instanceof AppError && [401, 403, 404].includes(e.status)) return e.status as Outcome;
    throw e;
  }
}

/** Asks the real policy gate about one cell, with the context taken from the real records. */
async function decide(resource: MatrixResource, action: MatrixAction, actor: Actor): Promise<Outcome> {
  const viewer: Viewer | null = fx.viewers[actor] ?? null;
  const a = action as Action;
  if (resource === "orgAdmin" || resource === "auditLog") {
    // Org-level records are addressed only through the viewer's own organization:
    // another organization's admin can never name Acme's settings or audit log.
    if (viewer && viewer.orgId !== fx.orgId) return 404;
    return outcomeOf(() => authorizeOrg(viewer, resource, a));
  }
  const ctx: Context = {};
  let policyResource = resource as Exclude<MatrixResource, "stuckSignalShared">;
  if (resource === "meeting" || resource === "privateNote") {
    const former = actor === "formerManager";
    ctx.viewerIsMeetingManager = !!viewer && viewer.personId === (former ? fx.viewers.formerManager!.personId : fx.viewers.manager!.personId);
    ctx.viewerIsAuthor = ctx.viewerIsMeetingManager; // both private notes are written by their meeting's manager
  }
  if (resource === "stuckSignal" || resource === "stuckSignalShared") {
    policyResource = "stuckSignal";
    ctx.includeSkipLevel = ctx.includeHr = resource === "stuckSignalShared";
  }
  return outcomeOf(() => authorize(db, viewer, policyResource as never, a, fx.eli, ctx));
}

describe("access matrix (policy module, real relationships)", () => {
  it("has a row for every resource, action and actor in the registry", () => {
    for (const { resource, action, actor } of allCells()) {
      expect(MATRIX[resource][actor][action], `${resource}.${action}.${actor}`).toBeDefined();
    }
  });

  it("every cell holds", async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const { resource, action, actor } of allCells()) {
      const expected = MATRIX[resource][actor][action]!;
      const got = await decide(resource, action, actor);
      checked++;
      if (got !== expected) failures.push(`${resource}.${action} as ${actor}: expected ${expected}, got ${got}`);
    }
    console.log(`[access-matrix] policy: ${checked} cells checked (${Object.keys(MATRIX_RESOURCES).length} resources × actions × ${ACTORS.length} actors)`);
    expect(failures).toEqual([]);
  });

  it("a manager change takes effect at once: the new manager gains access, the former loses it", async () => {
    const { memberships } = await import("@/db/schema");
    const { eq } = await import("drizzle-orm");
    const omar = fx.viewers.formerManager!;
    await db.update(memberships).set({ managerId: omar.personId }).where(eq(memberships.id, fx.eli));
    expect(await outcomeOf(() => authorize(db, omar, "plan", "write", fx.eli))).toBe("allow");
    expect(await outcomeOf(() => authorize(db, fx.viewers.manager!, "plan", "read", fx.eli))).toBe(404);
    await db.update(memberships).set({ managerId: fx.viewers.manager!.personId }).where(eq(memberships.id, fx.eli));
    expect(await outcomeOf(() => authorize(db, omar, "plan", "read", fx.eli))).toBe(404);
    expect(await outcomeOf(() => authorize(db, fx.viewers.manager!, "plan", "write", fx.eli))).toBe("allow");
  });
});
