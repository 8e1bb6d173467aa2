import type { Db } from "./client";
import { env } from "../lib/env";

/**
 * A drizzle query built once per database handle instead of on every call.
 * drizzle's query builder turns its tree into SQL text on every execution
 * (about 3–4% of the 1:1 page's server CPU in a profile under load); a
 * prepared query keeps the text and binds `sql.placeholder()` values.
 *
 * `build` receives the statement name to pass to `.prepare()`: a name makes
 * drizzle ask postgres.js for a named server-side prepared statement, so it is
 * withheld when DB_PREPARED_STATEMENTS=false (poolers that cannot keep them).
 */
export function preparedQuery<Q>(name: string, build: (db: Db, name: string) => Q): (db: Db) => Q {
  const built = new WeakMap<Db, Q>();
  return (db) => {
    let q = built.get(db);
    // drizzle types the name as required, but treats an undefined one as "unnamed" (its `_prepare(name?)`).
    if (!q) built.set(db, (q = build(db, (env().DB_PREPARED_STATEMENTS ? name : undefined) as string)));
    return q;
  };
}
