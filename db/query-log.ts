import { AsyncLocalStorage } from "node:async_hooks";
import type { Logger } from "drizzle-orm/logger";

/**
 * Counts SQL statements per unit of work (a request in bench mode, a block in
 * tests) so "queries per page" can be measured and asserted not to grow with
 * team size.
 */
export const queryCounter = new AsyncLocalStorage<{ count: number; statements: string[] }>();

/**
 * Bench mode only (REIGNITE_BENCH_TOKEN set): a process-wide count of every
 * statement, read by `npm run bench` through GET /api/bench/queries around a
 * few sequential requests. Per-request AsyncLocalStorage does not survive the
 * hop from proxy to page render, a global counter does. Kept on globalThis so
 * every bundle layer of the server shares one counter.
 */
const benchEnabled = (process.env.REIGNITE_BENCH_TOKEN ?? "").length >= 24;
const g = globalThis as unknown as { __reigniteQueryTotal?: number };

export function benchQueryTotal(): number | null {
  return benchEnabled ? (g.__reigniteQueryTotal ?? 0) : null;
}

export const queryLogger: Logger = {
  logQuery(query: string) {
    if (benchEnabled) g.__reigniteQueryTotal = (g.__reigniteQueryTotal ?? 0) + 1;
    const store = queryCounter.getStore();
    if (store) {
      store.count += 1;
      if (store.statements.length < 200) store.statements.push(query);
    }
  },
};

export async function countQueries<T>(fn: () => Promise<T>): Promise<{ result: T; count: number; statements: string[] }> {
  const store = { count: 0, statements: [] as string[] };
  const result = await queryCounter.run(store, fn);
  return { result, count: store.count, statements: store.statements };
}
