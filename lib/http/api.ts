import "server-only";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { getDb, type Db } from "@/db/client";
import { getViewer, type Viewer } from "@/lib/auth/viewer";
import { AppError, assertStorableText, errorBody, toAppError, unauthenticated } from "@/lib/errors";
import { canonicalParams } from "./canonical-ids";

const MAX_BODY_BYTES = 256 * 1024;
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

type Ctx<P> = { req: NextRequest; params: P; viewer: Viewer; db: Db };

/**
 * Wraps a JSON API route handler: same-origin check for state-changing
 * requests, authentication, and one error shape. Handlers call the policy
 * module themselves (authorization depends on the resource they load).
 */
export function apiRoute<P extends Record<string, string> = Record<string, never>>(
  handler: (ctx: Ctx<P>) => Promise<unknown>,
) {
  return async (req: NextRequest, context: { params: Promise<P> }): Promise<Response> => {
    try {
      assertSameOrigin(req);
      const viewer = await getViewer();
      if (!viewer) throw unauthenticated();
      const db = await getDb();
      const params = canonicalParams((await context?.params) ?? ({} as P));
      const result = await handler({ req, params, viewer, db });
      if (result instanceof Response) {
        result.headers.set("Cache-Control", "no-store");
        return result;
      }
      const status = req.method === "POST" && result !== undefined ? 201 : result === undefined ? 204 : 200;
      if (status === 204) return new Response(null, { status, headers: { "Cache-Control": "no-store" } });
      return Response.json(result, { status, headers: { "Cache-Control": "no-store" } });
    } catch (err) {
      return errorResponse(err);
    }
  };
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];

/**
 * Handlers for the methods a route does not have, for the route to export
 * (`export const { PUT, DELETE } = notAllowed(["GET", "POST"])`): 405 with the
 * API's JSON error shape and `Allow`, where Next.js would answer an empty 405.
 */
export function notAllowed(allow: readonly Method[]): Record<Method | "OPTIONS", () => Response> {
  const handler = () => {
    const res = errorResponse(new AppError(405, "method_not_allowed", `This address takes ${allow.join(", ")}.`));
    res.headers.set("Allow", allow.join(", "));
    return res;
  };
  // Next's own OPTIONS answer lists every exported method, these 405 handlers included: this one lists what works.
  const options = () => new Response(null, { status: 204, headers: { Allow: [...allow, ...(allow.includes("GET") ? ["HEAD"] : []), "OPTIONS"].join(", ") } });
  return { ...(Object.fromEntries(METHODS.map((m) => [m, handler])) as Record<Method, () => Response>), OPTIONS: options };
}

export function errorResponse(err: unknown): Response {
  const e = toAppError(err);
  if (e.status >= 500 && e.code === "internal") console.error("[api] unexpected error", err);
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (e.status === 429 && typeof e.extra?.retryAfter === "number") headers["Retry-After"] = String(e.extra.retryAfter);
  if (e.status === 503) headers["Retry-After"] = "5";
  return Response.json(errorBody(e), { status: e.status, headers });
}

/**
 * Cross-site requests never change state. A browser always sends Origin on a
 * cross-origin POST (including "simple" text/plain ones); non-browser clients
 * send none and still need a valid session cookie.
 */
export function assertSameOrigin(req: Request): void {
  if (SAFE_METHODS.has(req.method)) return;
  const origin = req.headers.get("origin");
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  if (origin) {
    let originHost: string | null = null;
    try {
      originHost = new URL(origin).host;
    } catch {
      originHost = null;
    }
    if (!originHost || originHost !== host) throw new AppError(403, "forbidden", "Cross-origin request refused.");
  } else if (req.headers.get("sec-fetch-site") === "cross-site") {
    throw new AppError(403, "forbidden", "Cross-origin request refused.");
  }
}

/** Reads and validates a JSON body: 415 unless JSON, 413 when too large, 400 when malformed, 422 when invalid (including NUL characters). */
export async function readJson<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) {
    throw new AppError(415, "unsupported_media_type", "Send the body as application/json.");
  }
  const text = await req.text();
  if (text.length > MAX_BODY_BYTES) throw new AppError(413, "bad_request", "The request body is too large.");
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new AppError(400, "bad_request", "The request body is not valid JSON.");
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw toAppError(parsed.error);
  assertStorableText(parsed.data);
  return parsed.data;
}

/** Validates query-string parameters with a zod schema. */
export function readQuery<S extends z.ZodType>(req: NextRequest, schema: S): z.infer<S> {
  const obj = Object.fromEntries(req.nextUrl.searchParams.entries());
  const parsed = schema.safeParse(obj);
  if (!parsed.success) throw toAppError(parsed.error);
  assertStorableText(parsed.data);
  return parsed.data;
}
