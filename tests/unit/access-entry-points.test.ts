/**
 * The entry-point registry is complete: every exported method of every
 * app/api/v1 route file has a matrix mapping (or a classification with a
 * reason), nothing registered is stale, and every matrix cell has at least one
 * HTTP entry point. (Server actions are checked against the build's manifest
 * by tests/e2e/access-matrix.spec.ts.)
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLASSIFIED, ENTRIES, METHODS, ROUTES, registeredRouteKeys, routeOfFile } from "../access/entry-points";
import { MATRIX_RESOURCES } from "../access/matrix";

const root = path.resolve(__dirname, "../..");

function routeFiles(dir = "app/api/v1"): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? routeFiles(`${dir}/${d.name}`) : d.name === "route.ts" ? [`${dir}/${d.name}`] : [],
  );
}

/** "GET /api/v1/people/[id]" for every HTTP method a route file exports. */
function routesOnDisk(): string[] {
  return routeFiles().flatMap((f) => {
    const src = readFileSync(path.join(root, f), "utf8");
    return METHODS.filter((m) => new RegExp(`export\\s+(const|async\\s+function|function)\\s+${m}\\b`).test(src)).map((m) => `${m} ${routeOfFile(f)}`);
  });
}

describe("access entry-point registry", () => {
  it("maps every API route method to matrix cells or a classified reason", () => {
    const onDisk = routesOnDisk();
    expect(onDisk.length).toBeGreaterThan(40);
    const known = registeredRouteKeys();
    const missing = onDisk.filter((k) => !known.has(k));
    expect(missing, `API routes without an access-matrix entry (add them to tests/access/entry-points.ts)`).toEqual([]);
    const stale = [...known].filter((k) => !onDisk.includes(k));
    expect(stale, "registered routes that no longer exist").toEqual([]);
  });

  it("has no route registered twice and gives every classification a reason", () => {
    const keys = ROUTES.map((r) => `${r.method} ${r.route}${r.variant ? ` (${r.variant})` : ""}`);
    expect(keys.length).toBe(new Set(keys).size);
    for (const c of CLASSIFIED) expect(c.reason.length, c.key).toBeGreaterThan(10);
  });

  it("reaches every matrix cell through at least one HTTP entry point", () => {
    const covered = new Set(ENTRIES.flatMap((e) => e.cells.map((c) => `${c.resource}.${c.action}`)));
    const cells = Object.entries(MATRIX_RESOURCES).flatMap(([r, actions]) => actions.map((a) => `${r}.${a}`));
    expect(cells.filter((c) => !covered.has(c))).toEqual([]);
  });
});

describe("protected URL list of the trust spec", () => {
  it("names every signed-in page", async () => {
    const { PROTECTED_URLS } = await import("../e2e/support/protected-urls");
    const pages = (function walk(dir: string): string[] {
      return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((d) =>
        d.isDirectory() ? walk(`${dir}/${d.name}`) : d.name === "page.tsx" ? [dir] : [],
      );
    })("app/(app)");
    const patterns = pages.map((dir) => {
      const route = "/" + dir.replace(/^app\/\(app\)\/?/, "");
      return { route, re: new RegExp(`^${route.replace(/\[[^\]]+\]/g, "[^/]+").replace(/\/$/, "")}/?$`) };
    });
    expect(patterns.length).toBeGreaterThan(10);
    const missing = patterns.filter((p) => !PROTECTED_URLS.some((u) => u.kind === "page" && p.re.test(u.path))).map((p) => p.route);
    expect(missing, "pages missing from tests/e2e/support/protected-urls.ts").toEqual([]);
  });
});

describe("narrower entry points", () => {
  it("only ever narrow a cell (never allow what the matrix denies), and say why", async () => {
    const { MATRIX } = await import("../access/matrix");
    for (const e of ENTRIES) {
      if (!e.narrower) continue;
      expect(e.narrower.reason.length).toBeGreaterThan(20);
      for (const cell of e.cells) {
        for (const [actor, outcome] of Object.entries(e.narrower.actors)) {
          const matrix = MATRIX[cell.resource][actor as keyof (typeof MATRIX)["directory"]][cell.action];
          expect(outcome, `${cell.resource}.${cell.action} as ${actor}`).not.toBe("allow");
          expect(matrix, `${cell.resource}.${cell.action} as ${actor} is already denied by the matrix`).toBe("allow");
        }
      }
    }
  });
});
