/**
 * Reading page query strings (`searchParams`) safely: values come straight
 * from the URL, so they may be arrays, non-numbers, Infinity, fractions or
 * carry NUL characters PostgreSQL cannot store. Pages use these instead of
 * `Number(...)` / raw strings so a hostile URL shows page 1 or "no match"
 * rather than a server error.
 */
type Param = string | string[] | undefined;

const first = (v: Param): string | undefined => (Array.isArray(v) ? v[0] : v);

/** A 1-based page number: a whole number from 1 to `max`; anything else is 1. */
export function pageParam(v: Param, max = 10_000): number {
  const s = first(v)?.trim();
  if (!s || !/^\d{1,9}$/.test(s)) return 1;
  return Math.min(Math.max(1, Number(s)), max);
}

/** Free text (a search, a team name): the first value without NUL characters, at most `max` characters; "" when absent. */
export function textParam(v: Param, max = 100): string {
  return (first(v) ?? "").replace(/\u0000/g, "").slice(0, max);
}
