import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { getDb, type Db } from "@/db/client";
import { getViewer, type Viewer } from "@/lib/auth/viewer";
import { assertStorableText, notFound, toAppError, unauthenticated } from "@/lib/errors";
import { GONE_FROM_PAGE } from "./gone-from-page";

/** What every server action returns to its form: success, or a message plus per-field errors. */
export type ActionState<T = undefined> =
  | { ok: true; data?: T; message?: string }
  | { ok: false; error: string; code?: string; fields?: Record<string, string[]>; extra?: Record<string, unknown> }
  | null;

/**
 * Runs a server action body with the viewer and database, turning expected
 * errors into ActionState. Authentication is checked here; each action still
 * asks the policy module about the resource it touches. Redirects pass through.
 */
export async function runAction<T>(fn: (ctx: { viewer: Viewer; db: Db }) => Promise<T>): Promise<ActionState<T>> {
  try {
    const viewer = await getViewer();
    if (!viewer) throw unauthenticated();
    const db = await getDb();
    const data = await fn({ viewer, db });
    return { ok: true, data };
  } catch (err) {
    unstable_rethrow(err);
    const e = toAppError(err);
    if (e.code === "internal") console.error("[action] unexpected error", err);
    // Every form that edits or deletes a row sends the version it was rendered with; one that does not is our bug,
    // and the person can only reload (the API's wording asks a client to send what it read).
    if (e.code === "version_required") return { ok: false, error: "This form did not say which version it was changing, so nothing was saved. Reload the page and try again.", code: e.code, fields: e.fields };
    return { ok: false, error: e.code === "not_found" && e.message === notFound().message ? GONE_FROM_PAGE : e.message, code: e.code, fields: e.fields, extra: e.extra };
  }
}

export { GONE_FROM_PAGE };

/**
 * A server action's form argument as it arrived. Actions are callable by id
 * with any serializable value where the form goes (a replayed or forged
 * request); anything but FormData reads as an empty form, so validation
 * answers instead of `.get` throwing a 500.
 */
export function asFormData(value: unknown): FormData {
  return value instanceof FormData ? value : new FormData();
}

/** Parses FormData (or a plain object) with a zod schema; throws a 422 AppError with every field's message. */
export function parseInput<S extends z.ZodType>(schema: S, input: FormData | Record<string, unknown>): z.infer<S> {
  const obj = input instanceof FormData ? formToObject(input) : input;
  const parsed = schema.safeParse(obj);
  if (!parsed.success) throw toAppError(parsed.error);
  assertStorableText(parsed.data);
  return parsed.data;
}

function formToObject(fd: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of fd.entries()) {
    if (k.startsWith("$ACTION")) continue;
    if (typeof v !== "string") continue;
    if (k in out) {
      const prev = out[k];
      out[k] = Array.isArray(prev) ? [...prev, v] : [prev, v];
    } else out[k] = v;
  }
  return out;
}
