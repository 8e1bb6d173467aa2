/**
 * Ids are UUIDs, and PostgreSQL reads `CFCA44E7-…` and `cfca44e7-…` as the same one, but code that compares ids
 * as strings (is this me? is this the meeting's manager?) does not. So an id from outside (a path, a route
 * parameter) is brought to the lower case PostgreSQL itself writes before anything compares it: with an upper-case
 * copy of his own id, a person was a stranger to himself (404 on his own plan) and an admin could pass "you cannot
 * deactivate yourself".
 */
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuidText(v: string): boolean {
  return UUID_RE.test(v);
}

/** The id as PostgreSQL writes it when it is a UUID; anything else as it is. */
export function canonicalId(v: string): string {
  return UUID_RE.test(v) ? v.toLowerCase() : v;
}

/** A path with each segment that is a UUID in lower case (`/people/CFCA…/plan` → `/people/cfca…/plan`). */
export function withCanonicalIds(pathname: string): string {
  return pathname
    .split("/")
    .map((seg) => canonicalId(seg))
    .join("/");
}

/** Route parameters with their UUIDs in lower case. */
export function canonicalParams<P extends Record<string, string>>(params: P): P {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) out[k] = typeof v === "string" ? canonicalId(v) : v;
  return out as P;
}
