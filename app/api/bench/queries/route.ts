import { timingSafeEqual } from "node:crypto";
import { benchQueryTotal } from "@/db/query-log";

export const dynamic = "force-dynamic";

const notFound = () => new Response("Not Found", { status: 404, headers: { "Cache-Control": "no-store" } });

/**
 * The benchmark's query counter: how many SQL statements this process has run.
 * Exists only when the server was started with REIGNITE_BENCH_TOKEN (≥ 24
 * characters; `npm run bench` generates one per run) AND the request carries the
 * same token; otherwise it is a plain 404, indistinguishable from no route.
 * It exposes one number, never a statement or a parameter, and which process
 * counted it: `npm start` runs one worker per core, each with its own counter,
 * and the bench adds them up. With `?heap` and a server started with
 * --expose-gc (the bench's), it also collects garbage and says how much heap
 * is still in use: the bench compares that before and after its load, which
 * is how a per-request leak shows (see lib/server/abort-reason-stack.ts).
 */
export function GET(req: Request) {
  const token = process.env.REIGNITE_BENCH_TOKEN ?? "";
  const total = benchQueryTotal();
  if (token.length < 24 || total === null) return notFound();
  const given = Buffer.from(req.headers.get("x-bench-token") ?? "");
  const want = Buffer.from(token);
  if (given.length !== want.length || !timingSafeEqual(given, want)) return notFound();
  const gc = (globalThis as { gc?: () => void }).gc;
  let heap: { heapAfterGcMb: number } | undefined;
  if (gc && new URL(req.url).searchParams.has("heap")) {
    gc();
    gc();
    heap = { heapAfterGcMb: Math.round((process.memoryUsage().heapUsed / 2 ** 20) * 10) / 10 };
  }
  return Response.json({ queries: total, process: process.pid, ...heap }, { headers: { "Cache-Control": "no-store" } });
}
