import type { Db } from "@/db/client";
import { isTransientTxFailure } from "@/lib/errors";

export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

const ATTEMPTS = 3;

/**
 * db.transaction, run again when PostgreSQL rolled it back for a deadlock or
 * a serialization failure. Writes about one person take turns on that
 * person's radar facts row (migration 0002), so two transactions that each
 * touch two people in opposite order can deadlock; PostgreSQL then aborts one
 * whole, and running it again succeeds. Only for callbacks whose every effect
 * goes through `tx` (a rollback undoes it all): nothing sent, logged outside
 * the transaction or counted in outer variables. After the last attempt the
 * error goes on (toAppError answers 409 "please try again").
 */
export async function transactionWithRetry<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(fn);
    } catch (err) {
      if (attempt >= ATTEMPTS || !isTransientTxFailure(err)) throw err;
      // A short random pause, so the two do not meet again at the same instant.
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * attempt));
    }
  }
}
