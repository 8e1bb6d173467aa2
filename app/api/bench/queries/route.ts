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
 * and the bench adds them up.
 */
export function GET(req: Request) {
  const token = process.env.REIGNITE_BENCH_TOKEN ?? "";
  const total = benchQueryTotal();
  if (token.length < 24 || total === null) return notFound();
  const given = Buffer.from(req.headers.get("x-bench-token") ?? "");
  const want = Buffer.from(token);
  if (given.length !== want.length || !timingSafeEqual(given, want)) return notFound();
  return Response.json({ queries: total, process: process.pid }, { headers: { "Cache-Control": "no-store" } });
}
