/** One load measurement, single-request timing, and the per-request query count. */
import { readFileSync } from "node:fs";
import autocannon from "autocannon";

/** Status of one GET without following redirects (a redirect to /login means the session was not accepted). */
export async function probe(url: string, cookie?: string): Promise<{ status: number; location: string | null; ms: number }> {
  const t0 = performance.now();
  const res = await fetch(url, { redirect: "manual", headers: cookie ? { cookie } : {} });
  await res.arrayBuffer();
  return { status: res.status, location: res.headers.get("location"), ms: performance.now() - t0 };
}

export async function queryTotal(base: string, token: string): Promise<number> {
  const res = await fetch(`${base}/api/bench/queries`, { headers: { "x-bench-token": token } });
  if (!res.ok) throw new Error(`/api/bench/queries answered ${res.status}: is the server in bench mode?`);
  return ((await res.json()) as { queries: number }).queries;
}

/**
 * Waits until the server is idle: when a load run ends, requests the client
 * gave up on are still being rendered and still run queries.
 */
async function settle(base: string, token: string): Promise<number> {
  let last = await queryTotal(base, token);
  for (let i = 0; i < 40; i++) {
    await new Promise((r) => setTimeout(r, 250));
    const now = await queryTotal(base, token);
    if (now === last) return now;
    last = now;
  }
  return last;
}

/** SQL statements per request: the server's counter around `n` sequential requests, divided by n. */
export async function queriesPerRequest(base: string, token: string, url: string, cookie: string | undefined, n = 5): Promise<number> {
  const before = await settle(base, token);
  for (let i = 0; i < n; i++) await probe(url, cookie);
  const after = await queryTotal(base, token);
  return Math.round(((after - before) / n) * 10) / 10;
}

/** CPU time (user + system) of a process so far, in ms; null where /proc is not available. */
function cpuMsOf(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}
const CLOCK_TICKS = 100; // USER_HZ on Linux

/**
 * The server's CPU time per request over `n` sequential requests: unlike
 * requests/s it hardly depends on what else the machine runs, so it shows what
 * the code costs when other processes share the cores (the database's own CPU
 * is not included).
 */
export async function cpuPerRequest(pid: number, url: string, cookie: string | undefined, n = 30): Promise<number | null> {
  const before = cpuMsOf(pid);
  if (before === null) return null;
  for (let i = 0; i < n; i++) await probe(url, cookie);
  const after = cpuMsOf(pid)!;
  return Math.round(((after - before) / n) * 10) / 10;
}

/** Median latency of `n` sequential requests (for pages judged per request, like the admin's org view). */
export async function singleRequestMs(url: string, cookie: string | undefined, n = 5): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) times.push((await probe(url, cookie)).ms);
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(n / 2)]!);
}

export type Load = { rps: number; p50: number; p99: number; requests: number; non2xx: number; errors: number };

export async function load(url: string, cookie: string | undefined, connections: number, seconds: number): Promise<Load> {
  const r = await autocannon({ url, connections, duration: seconds, headers: cookie ? { cookie } : {} });
  return {
    rps: Math.round(r.requests.average * 10) / 10,
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
  };
}
