import { z } from "zod";

const DIGITS = /^\s*\d+\s*$/;

/** Blank and missing read as absent; a form's digits as the number they spell. */
const normalize = (v: unknown) => (v === "" || v === null ? undefined : typeof v === "string" && DIGITS.test(v) ? Number(v) : v);

/**
 * The version an edit was based on, as JSON sends it (a number) or as a form
 * does (its digits). Nothing else: `z.coerce.number()` would read `true` and
 * `[1]` as 1 and "" as 0, so a malformed body could pass as a real version.
 * Blank and missing are left to `inner` (optional or not).
 */
export function versionNumber<T extends z.ZodType>(inner: T) {
  return z.preprocess(normalize, inner);
}

/** The largest version a row can have: versions are PostgreSQL integers. */
export const MAX_VERSION = 2_147_483_647;

/** What `fields.version` says when a request that edits or deletes a row leaves its version out. */
export const VERSION_MISSING = "Send the version you read (the record's `version`, as its GET returned it).";

/**
 * Marks a missing version as such, so the request is answered 428 Precondition
 * Required (`version_required`, lib/errors.ts) rather than an ordinary 422: the
 * client did nothing wrong in a field, it skipped the check that keeps it from
 * overwriting or deleting a change made meanwhile, and must read before it writes.
 */
export const versionRequiredIssue = { versionRequired: true } as const;

/** True for the issue a missing required version raises. */
export function isVersionMissingIssue(issue: z.core.$ZodIssue): boolean {
  return issue.code === "custom" && (issue.params as Record<string, unknown> | undefined)?.versionRequired === true;
}

/**
 * A required version: ≥ 1 (or ≥ 0 where 0 means "there was none yet", the purpose).
 * Missing or blank is the 428 above; anything that is not a whole number in range is a 422.
 */
export function requiredVersionFrom(min: 0 | 1) {
  return z.preprocess(
    (v, ctx) => {
      const n = normalize(v);
      if (n !== undefined) return n;
      ctx.addIssue({ code: "custom", message: VERSION_MISSING, params: versionRequiredIssue });
      return z.NEVER;
    },
    z
      .number({ error: "The version is a whole number." })
      .int("The version is a whole number.")
      .min(min, "That version does not exist.")
      .max(MAX_VERSION, "That version does not exist."),
  );
}

/** A required version ≥ 1: every edit and delete of an existing row carries one. */
export const requiredVersion = requiredVersionFrom(1);

/**
 * What an edit was based on where no version covers exactly what it replaces (a person's title and team, or their
 * manager: `memberships.version` also moves with access, deactivation and the other form on the same page, which
 * would refuse changes that overwrite nothing). Required like a version, and missing is the same 428: without it the
 * server cannot tell a change made meanwhile from one the client means to replace. Blank is a value here ("no
 * title", "no manager"), so only an absent field counts as missing.
 */
export function requiredBasis<T extends z.ZodType>(inner: T, message: string) {
  return z.preprocess((v, ctx) => {
    if (v !== undefined && v !== null) return v;
    ctx.addIssue({ code: "custom", message, params: versionRequiredIssue });
    return z.NEVER;
  }, inner);
}
