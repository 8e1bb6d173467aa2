/**
 * First-load JavaScript per route, gzip-compressed, from the chunk lists that
 * Next 16 (Turbopack) writes to .next/diagnostics/route-bundle-stats.json.
 * The baseline is what every route of the app loads (the chunks common to all
 * routes: framework, runtime, root layout) — what a hello-world page would
 * load — so no extra page has to ship in the product for the comparison.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

type RouteStats = { route: string; firstLoadUncompressedJsBytes: number; firstLoadChunkPaths: string[] };

export type BundleReport = {
  baselineGzipKb: number;
  baselineChunks: number;
  routes: Record<string, { gzipKb: number; rawKb: number; chunks: number }>;
};

export function bundleReport(root = process.cwd()): BundleReport | null {
  const file = path.join(root, ".next", "diagnostics", "route-bundle-stats.json");
  if (!existsSync(file)) return null;
  const stats = JSON.parse(readFileSync(file, "utf8")) as RouteStats[];
  const sizes = new Map<string, number>();
  const gz = (chunk: string) => {
    let s = sizes.get(chunk);
    if (s === undefined) {
      s = gzipSync(readFileSync(path.join(root, chunk)), { level: 9 }).length;
      sizes.set(chunk, s);
    }
    return s;
  };
  const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
  const routes: BundleReport["routes"] = {};
  for (const r of stats) {
    routes[r.route] = {
      gzipKb: kb(r.firstLoadChunkPaths.reduce((a, c) => a + gz(c), 0)),
      rawKb: kb(r.firstLoadUncompressedJsBytes),
      chunks: r.firstLoadChunkPaths.length,
    };
  }
  const pages = stats.filter((r) => !r.route.startsWith("/api") && r.route !== "/_not-found");
  const common = pages.reduce<string[] | null>(
    (acc, r) => (acc === null ? [...r.firstLoadChunkPaths] : acc.filter((c) => r.firstLoadChunkPaths.includes(c))),
    null,
  ) ?? [];
  return { baselineGzipKb: kb(common.reduce((a, c) => a + gz(c), 0)), baselineChunks: common.length, routes };
}
