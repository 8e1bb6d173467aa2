/**
 * Calls server actions directly, by id and outside their page, as a browser
 * (or an attacker replaying one) would: POST to a page that hosts the action
 * with `Next-Action: <id>`, the app's Origin, and the body React's client
 * encodes (encodeReply): a text/plain JSON array of the arguments, or — when
 * an argument is FormData — multipart form data whose field "0" holds the
 * argument array (FormData referenced as "$K<n>") and whose fields "_<n>_<name>"
 * hold that FormData's entries. The action's return value (ActionState) is read
 * back from the React Server Components response.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { HttpSession } from "./http";

export type ManifestAction = { id: string; filename: string; exportedName: string; pages: string[] };

/** The build's server actions: `.next/server/server-reference-manifest.json`. */
export function readActionManifest(root = process.cwd()): ManifestAction[] {
  const file = path.join(root, ".next/server/server-reference-manifest.json");
  const m = JSON.parse(readFileSync(file, "utf8")) as { node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }> };
  return Object.entries(m.node).map(([id, v]) => ({
    id,
    filename: v.filename,
    exportedName: v.exportedName,
    pages: Object.keys(v.workers).filter((w) => w.startsWith("app/")),
  }));
}

/** "app/(app)/people/[id]/page" → "/people/<id>" with the given segment values. */
export function pagePath(worker: string, params: Record<string, string> = {}): string {
  const segs = worker
    .replace(/^app\//, "")
    .replace(/\/?page$/, "")
    .split("/")
    .filter((s) => s && !/^\(.*\)$/.test(s))
    .map((s) => {
      const m = /^\[(.+)\]$/.exec(s);
      if (!m) return s;
      const v = params[m[1]!];
      if (!v) throw new Error(`No value for [${m[1]}] in ${worker}`);
      return v;
    });
  return "/" + segs.join("/");
}

/** A FormData argument, as a form would post it. */
export type FormArg = { form: Record<string, string> };
export type ActionArg = FormArg | string | number | boolean | null;

const isForm = (a: ActionArg): a is FormArg => typeof a === "object" && a !== null && "form" in a;

/** The request body React's encodeReply produces for these arguments. */
export function encodeActionArgs(args: ActionArg[]): { body: string | FormData; contentType?: string } {
  if (!args.some(isForm)) return { body: JSON.stringify(args), contentType: "text/plain;charset=UTF-8" };
  const fd = new FormData();
  let next = 1;
  const root = args.map((a) => {
    if (!isForm(a)) return a;
    const n = next++;
    for (const [k, v] of Object.entries(a.form)) fd.append(`_${n}_${k}`, v);
    return `$K${n.toString(16)}`;
  });
  fd.append("0", JSON.stringify(root));
  return { body: fd }; // fetch sets multipart/form-data with its boundary
}

export type ActionResult = {
  status: number;
  /** The action's return value, when the response carried one. */
  value: unknown;
  /** `x-action-redirect` target (a redirect() inside the action), or a Location header. */
  redirect: string | null;
  text: string;
};

/** Parses an RSC response's rows ("<hex id>:<json>") and resolves the action result (root.a). */
export function parseActionResponse(text: string): unknown {
  const rows = new Map<string, string>();
  for (const line of text.split("\n")) {
    const m = /^([0-9a-f]+):(.*)$/.exec(line);
    if (m) rows.set(m[1]!, m[2]!);
  }
  const parse = (id: string): unknown => {
    const raw = rows.get(id);
    if (raw === undefined) return undefined;
    try {
      return JSON.parse(raw);
    } catch {
      return undefined;
    }
  };
  const root = parse("0") as { a?: unknown } | undefined;
  if (!root || !("a" in root)) return undefined;
  const resolve = (v: unknown): unknown => {
    if (typeof v === "string") {
      if (v === "$undefined") return undefined;
      const ref = /^\$@?([0-9a-f]+)$/.exec(v);
      if (ref) return resolve(parse(ref[1]!));
      return v.startsWith("$$") ? v.slice(1) : v;
    }
    if (Array.isArray(v)) return v.map(resolve);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolve(x)]));
    return v;
  };
  return resolve(root.a);
}

/** Calls a server action by id at `page` with the session's cookies. */
export async function callServerAction(client: HttpSession, actionId: string, page: string, args: ActionArg[]): Promise<ActionResult> {
  const { body, contentType } = encodeActionArgs(args);
  const headers: Record<string, string> = {
    "Next-Action": actionId,
    Origin: new URL(client.baseURL).origin,
    Accept: "text/x-component",
  };
  if (contentType) headers["Content-Type"] = contentType;
  const res = await client.fetch(page, { method: "POST", headers, body });
  const text = await res.text();
  const actionRedirect = res.headers.get("x-action-redirect");
  const redirect = actionRedirect ? actionRedirect.split(";")[0]! : res.headers.get("location");
  const isRsc = (res.headers.get("content-type") ?? "").includes("text/x-component");
  return { status: res.status, value: isRsc ? parseActionResponse(text) : undefined, redirect, text };
}

/** Maps an action's outcome to the matrix vocabulary: "allow", 401, 403, 404, or a description of anything else. */
export function actionOutcome(r: ActionResult): "allow" | 401 | 403 | 404 | string {
  if (r.redirect) {
    const to = new URL(r.redirect, "http://x").pathname;
    return to === "/login" ? 401 : "allow"; // e.g. scheduling redirects to the new 1:1
  }
  if (r.status !== 200) return `HTTP ${r.status}`;
  const v = r.value as { ok?: boolean; code?: string; error?: string } | null | undefined;
  if (!v || typeof v !== "object") return `no action state (${String(v)})`;
  if (v.ok) return "allow";
  const map: Record<string, 401 | 403 | 404> = { unauthenticated: 401, forbidden: 403, not_found: 404 };
  return map[v.code ?? ""] ?? `${v.code}: ${v.error}`;
}
