/** One load measurement, single-request timing, and the per-request query count. */
import { readdirSync, readFileSync } from "node:fs";
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

/** CPU ms (user + system) so far of every process whose command name passes `keep` (Linux /proc; 0 elsewhere). */
function cpuMsWhere(keep: (comm: string, pid: number) => boolean): number {
  let total = 0;
  let entries: string[] = [];
  try {
    entries = readdirSync("/proc");
  } catch {
    return 0;
  }
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = readFileSync(`/proc/${e}/stat`, "utf8");
      if (!keep(stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")), Number(e))) continue;
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      total += ((Number(f[11]) + Number(f[12])) * 1000) / CLOCK_TICKS;
    } catch {
      // gone
    }
  }
  return total;
}

/**
 * A load run that also reports the CPU each request cost under that load: the
 * app server's process and the PostgreSQL server's processes (when they run on
 * this machine), divided by the requests served. Unlike req/s, this hardly
 * moves when other work shares the machine, so it shows what a page costs.
 */
export async function loadWithCpu(url: string, cookie: string | undefined, connections: number, seconds: number, serverPid: number): Promise<Load & { appCpuMs: number | null; dbCpuMs: number | null }> {
  const app0 = cpuMsOf(serverPid);
  const db0 = cpuMsWhere((comm) => comm === "postgres");
  const l = await load(url, cookie, connections, seconds);
  const app1 = cpuMsOf(serverPid);
  const db1 = cpuMsWhere((comm) => comm === "postgres");
  const per = (a: number | null, b: number | null) => (a === null || b === null || !l.requests ? null : Math.round(((b - a) / l.requests) * 100) / 100);
  return { ...l, appCpuMs: per(app0, app1), dbCpuMs: db0 || db1 ? per(db0, db1) : null };
}
