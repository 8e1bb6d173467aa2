import { z } from "zod";
import { installValidationMessages } from "./validation-messages";
import { isVersionMissingIssue } from "./http/version-field";

installValidationMessages();

export type ErrorCode =
  | "bad_request"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "version_required"
  | "validation_failed"
  | "rate_limited"
  | "method_not_allowed"
  | "unsupported_media_type"
  | "unavailable"
  | "internal";

/**
 * The one error type the app throws on purpose. It knows its HTTP status and a
 * message that is safe to show a user; anything else that escapes is an
 * internal error and is reported without details.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string[]>,
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = (what = "Not found") => new AppError(404, "not_found", what);
export const forbidden = (msg = "You are not allowed to do that.") => new AppError(403, "forbidden", msg);
export const unauthenticated = () => new AppError(401, "unauthenticated", "Please sign in.");
export const conflict = (msg: string, extra?: Record<string, unknown>) => new AppError(409, "conflict", msg, undefined, extra);
/** 400, or 422 when the refusal is at a field: as zod's, so an API client reads every field error the same way. */
export const badRequest = (msg: string, fields?: Record<string, string[]>) =>
  fields ? new AppError(422, "validation_failed", msg, fields) : new AppError(400, "bad_request", msg);

/** 428: an edit or delete of an existing row came without the version it was based on (see requiredVersion). */
export const VERSION_REQUIRED_MESSAGE =
  "This change must carry the version it was based on, so it cannot overwrite or delete a change made meanwhile: send the `version` you read (from the GET) and try again.";

export function validationError(err: z.ZodError): AppError {
  const flat = z.flattenError(err);
  const fields: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(flat.fieldErrors as Record<string, string[] | undefined>)) {
    if (v && v.length) fields[k] = v;
  }
  if (flat.formErrors.length) fields._form = flat.formErrors;
  // A missing version outranks the other fields' errors (which still come along): without it no version of the
  // request can be accepted, whatever else is fixed.
  if (err.issues.some(isVersionMissingIssue)) return new AppError(428, "version_required", VERSION_REQUIRED_MESSAGE, fields);
  return new AppError(422, "validation_failed", "Some fields need attention.", fields);
}

/**
 * Invisible format characters (zero-width space and joiners, word joiner, BOM, soft hyphen) and nothing visible.
 * Only spaces is left to the schemas (a note may be a blank line; a required name is trimmed and refused there).
 */
const INVISIBLE_ONLY = /^[\s\p{Cf}]*\p{Cf}[\s\p{Cf}]*$/u;

/**
 * PostgreSQL text cannot hold U+0000 (it fails the query with 22021), so input
 * carrying a NUL character anywhere is refused as invalid (422) before it
 * reaches the database. So is a value made only of invisible characters,
 * which `trim()` keeps: it saved as a talking point or a name nobody can see
 * (an empty row, an empty label for screen readers). Checks the parsed input:
 * unknown keys were stripped.
 */
export function assertStorableText(value: unknown): void {
  const fields: Record<string, string[]> = {};
  const walk = (v: unknown, field: string, depth: number) => {
    if (depth > 20) return;
    if (typeof v === "string") {
      if (v.includes("\u0000")) fields[field] = ["Remove the invisible NUL character (U+0000)."];
      // Half of a character (a lone UTF-16 surrogate) cannot be stored: PostgreSQL's UTF-8 would save "�" in its place.
      else if (!v.isWellFormed()) fields[field] = ["This holds a broken character (half of an emoji or symbol): remove it, or type it again."];
      else if (INVISIBLE_ONLY.test(v)) fields[field] = ["This holds only invisible characters: type some visible text, or leave it empty."];
    } else if (Array.isArray(v)) {
      for (const item of v) walk(item, field, depth + 1);
    } else if (v && typeof v === "object" && !(v instanceof Date)) {
      for (const [k, item] of Object.entries(v)) walk(item, depth === 0 ? k : field, depth + 1);
      for (const k of Object.keys(v)) if (k.includes("\u0000")) fields._form = ["Remove the invisible NUL character (U+0000)."];
    }
  };
  walk(value, "_form", 0);
  if (Object.keys(fields).length) throw new AppError(422, "validation_failed", "Some fields need attention.", fields);
}

/** The `code`s along an error's `cause` chain (drizzle wraps the driver's error). */
function* errorCodes(err: unknown): Generator<string> {
  const seen = new Set<unknown>();
  for (let e: unknown = err; e && typeof e === "object" && !seen.has(e); e = (e as { cause?: unknown }).cause) {
    seen.add(e);
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") yield code;
  }
}

const UNAVAILABLE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "CONNECT_TIMEOUT", "CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED", "57P01", "57P03", "08006", "08001", "08003"]);

/** True for errors meaning "the database cannot be reached right now". */
export function isDbUnavailable(err: unknown): boolean {
  for (const code of errorCodes(err)) if (UNAVAILABLE_CODES.has(code)) return true;
  return false;
}

/** A deadlock or serialization failure: PostgreSQL rolled the whole transaction back, and running it again can succeed. */
export function isTransientTxFailure(err: unknown): boolean {
  for (const code of errorCodes(err)) if (code === "40P01" || code === "40001") return true;
  return false;
}

/** PostgreSQL's numeric_value_out_of_range: a value too large for its column. */
function isOutOfRange(err: unknown): boolean {
  for (const code of errorCodes(err)) if (code === "22003") return true;
  return false;
}

export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof z.ZodError) return validationError(err);
  if (isDbUnavailable(err)) return new AppError(503, "unavailable", "Reignite is temporarily unavailable. Please try again in a moment.");
  // Two saves about one person at the same instant can deadlock (the radar facts
  // of a person are updated by both): PostgreSQL rolls one back whole, so
  // nothing was half-saved, and trying again succeeds.
  if (isTransientTxFailure(err)) return conflict("Someone else was saving a change for this person at the same moment. Nothing was saved; please try again.");
  // A number the schemas let through that a column cannot hold (a version of 2^31, say): the client's input, not our failure.
  if (isOutOfRange(err)) return new AppError(422, "validation_failed", "A number in the request is out of range.");
  return new AppError(500, "internal", "Something went wrong on our side.");
}

export function errorBody(e: AppError) {
  return { error: { code: e.code, message: e.message, ...(e.fields ? { fields: e.fields } : {}), ...(e.extra ?? {}) } };
}
