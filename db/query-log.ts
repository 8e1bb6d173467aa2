import { AsyncLocalStorage } from "node:async_hooks";
import type { Logger } from "drizzle-orm/logger";

/**
 * Counts SQL statements per unit of work (a request in bench mode, a block in
 * tests) so "queries per page" can be measured and asserted not to grow with
 * team size.
 */
export const queryCounter = new AsyncLocalStorage<{ count: number; statements: string[] }>();

export const queryLogger: Logger = {
  logQuery(query: string) {
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
