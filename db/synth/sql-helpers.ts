/**
 * Small builders for the set-based synth SQL: deterministic pseudo-random
 * numbers and ids from hashing (so the same seed gives the same organization),
 * and picking from phrase pools inside a statement.
 */

/** Session-local helpers (pg_temp): gone when the synth connection closes. */
export function tempFunctions(seed: number): string {
  const s = Math.trunc(seed);
  return `
    CREATE OR REPLACE FUNCTION pg_temp.r(k text) RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
      $$ SELECT ((hashtextextended(k, ${s}) & 1073741823)::float8 / 1073741824.0) $$;
    -- Shaped as a version-4 uuid (version nibble 4, variant 10xx), as gen_random_uuid() makes: the app's input
    -- checks (z.uuid()) refuse other shapes, so forms that send a synthetic person's id would all be refused.
    CREATE OR REPLACE FUNCTION pg_temp.as_v4(h text) RETURNS uuid LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
      $$ SELECT (substr(h, 1, 12) || '4' || substr(h, 14, 3)
                 || substr('89ab', (('x' || substr(h, 17, 1))::bit(4)::int & 3) + 1, 1) || substr(h, 18))::uuid $$;
    CREATE OR REPLACE FUNCTION pg_temp.uid(k text) RETURNS uuid LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
      $$ SELECT pg_temp.as_v4(md5('${s}:' || k)) $$;`;
}

/** A number in [0, 1) from a key expression and a salt naming what it decides. */
export function r(keyExpr: string, salt: string): string {
  return `pg_temp.r((${keyExpr})::text || ':${salt}')`;
}

/** A deterministic uuid for a row, from a key expression. */
export function uid(keyExpr: string): string {
  return `pg_temp.uid((${keyExpr})::text)`;
}

/** An integer in [min, max] (inclusive). */
export function rint(keyExpr: string, salt: string, min: number, max: number): string {
  return `(${min} + floor(${r(keyExpr, salt)} * ${max - min + 1})::int)`;
}

function lit(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

export function textArray(items: readonly string[]): string {
  return `ARRAY[${items.map(lit).join(",")}]::text[]`;
}

/** One item of a phrase pool, chosen by a random key. */
export function pick(items: readonly string[], keyExpr: string, salt: string): string {
  return `(${textArray(items)})[1 + floor(${r(keyExpr, salt)} * ${items.length})::int]`;
}

export const TOPICS = [
  "billing migration",
  "search relevance",
  "onboarding flow",
  "data pipeline",
  "quarterly planning",
  "incident review",
  "pricing page",
  "mobile release",
  "customer interviews",
  "API versioning",
  "cost dashboard",
  "hiring plan",
  "access reviews",
  "renewal process",
  "design system",
  "forecast model",
];

/** Fills {topic}, {first}, {peer} and {mgr} in a phrase. */
export function fillExpr(phraseExpr: string, keyExpr: string, firstExpr: string): string {
  return `replace(replace(replace(replace(${phraseExpr}, '{topic}', ${pick(TOPICS, keyExpr, "topic")}), '{first}', ${firstExpr}), '{peer}', ${pick(
    ["Ana", "Ben", "Kofi", "Lena", "Mateo", "Priya", "Wei", "Zoe"],
    keyExpr,
    "peer",
  )}), '{mgr}', 'your manager')`;
}
