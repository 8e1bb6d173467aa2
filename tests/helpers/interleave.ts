import type { Db } from "@/db/client";

/**
 * A `Db` that runs `meanwhile` (against the real database) right after the first `select` it answers, before the
 * caller sees the rows: another person's write landing between a function's read and its version-guarded write.
 * Only the first select is intercepted; everything else passes straight through.
 */
export function changeAfterFirstRead(db: Db, meanwhile: () => Promise<unknown>): Db {
  let fired = false;
  const wrapChain = (builder: object): object =>
    new Proxy(builder, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (prop === "then" && typeof value === "function") {
          return (resolve: (v: unknown) => unknown, reject: (e: unknown) => unknown) =>
            (value as (a: (v: unknown) => unknown, b: (e: unknown) => unknown) => Promise<unknown>)
              .call(target, async (rows: unknown) => {
                if (!fired) {
                  fired = true;
                  await meanwhile();
                }
                return rows;
              }, reject)
              .then(resolve, reject);
        }
        if (typeof value !== "function") return value;
        return (...args: unknown[]) => {
          const out = (value as (...a: unknown[]) => unknown).apply(target, args);
          return out === target || (out && typeof out === "object" && "then" in out) ? wrapChain(out as object) : out;
        };
      },
    });
  return new Proxy(db, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (prop === "select" && !fired && typeof value === "function") {
        return (...args: unknown[]) => wrapChain((value as (...a: unknown[]) => object).apply(target, args));
      }
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
