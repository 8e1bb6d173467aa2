import { z } from "zod";

const DIGITS = /^\s*\d+\s*$/;

/**
 * The version an edit was based on, as JSON sends it (a number) or as a form
 * does (its digits). Nothing else: `z.coerce.number()` would read `true` and
 * `[1]` as 1 and "" as 0, so a malformed body could pass as a real version.
 * Blank and missing are left to `inner` (optional or not).
 */
export function versionNumber<T extends z.ZodType>(inner: T) {
  return z.preprocess((v) => (v === "" || v === null ? undefined : typeof v === "string" && DIGITS.test(v) ? Number(v) : v), inner);
}

/** The largest version a row can have: versions are PostgreSQL integers. */
export const MAX_VERSION = 2_147_483_647;

/** A required version ≥ 1, with one message for a missing or malformed one. */
export const requiredVersion = versionNumber(z.number({ error: "The version you edited is missing." }).int().positive().max(MAX_VERSION, "That version does not exist."));
