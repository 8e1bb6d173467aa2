import os from "node:os";

/**
 * Workers `npm start` runs: WEB_CONCURRENCY if it is a positive integer, else
 * the cores Node may use — but always one on the embedded database (no
 * DATABASE_URL): PGlite is one process's database, and two processes opening
 * its folder would corrupt it.
 */
export function workerCount(env = process.env, cores = os.availableParallelism()) {
  if (!env.DATABASE_URL) return 1;
  const raw = String(env.WEB_CONCURRENCY ?? "").trim();
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
  return Number.isInteger(n) && n > 0 ? n : cores;
}
