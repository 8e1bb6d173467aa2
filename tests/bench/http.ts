/** One load measurement, single-request timing, and the per-request query count. */
import { readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import autocannon from "autocannon";
import { processTree } from "./server";

/** Status of one GET without following redirects (a redirect to /login means the session was not accepted). */
export async function probe(url: string, cookie?: string): Promise<{ status: number; location: string | null; ms: number }> {
  const t0 = performance.now();
  const res = await fetch(url, { redirect: "manual", headers: cookie ? { cookie } : {} });
  await res.arrayBuffer();
  return { status: res.status, location: res.headers.get("location"), ms: performance.now() - t0 };
}

/** One worker's answer from the bench route, over a new connection: the cluster hands each new connection to the next worker. */
function askOneWorker(base: string, token: string, query = ""): Promise<{ queries: number; process: number; heapAfterGcMb?: number }> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${base}/api/bench/queries${query}`, { agent: false, headers: { "x-bench-token": token } }, (res) => {
      let body = "";
      res.on("data", (d) => (body += d));
      res.on("end", () => {
        if (res.statusCode !== 200) reject(new Error(`/api/bench/queries answered ${res.statusCode}: is the server in bench mode?`));
        else resolve(JSON.parse(body) as { queries: number; process: number; heapAfterGcMb?: number });
      });
    });
    req.on("error", reject);
  });
}

/**
 * Statements run so far by the whole server: every worker keeps its own
 * counter, so ask over new connections until each worker has answered, and add
 * them up.
 */
export async function queryTotal(base: string, token: string, workers = 1): Promise<number> {
  const seen = new Map<number, number>();
  for (let i = 0; i < workers * 8 && seen.size < workers; i++) {
    const c = await askOneWorker(base, token);
    seen.set(c.process, c.queries);
  }
  if (seen.size < workers) throw new Error(`only ${seen.size} of ${workers} workers answered /api/bench/queries`);
  return [...seen.values()].reduce((a, b) => a + b, 0);
}

/**
 * Heap in use after a full collection, added up over the workers (null when
 * the server was not started with --expose-gc).
 */
export async function heapAfterGcMb(base: string, token: string, workers = 1): Promise<number | null> {
  const seen = new Map<number, number>();
  for (let i = 0; i < workers * 8 && seen.size < workers; i++) {
    const r = await askOneWorker(base, token, "?heap");
    if (r.heapAfterGcMb === undefined) return null;
    seen.set(r.process, r.heapAfterGcMb);
  }
  return Math.round([...seen.values()].reduce((a, b) => a + b, 0) * 10) / 10;
}

/**
 * Waits until the server is idle: when a load run ends, requests the client
 * gave up on are still being rendered and still run queries.
 */
async function settle(base: string, token: string, workers: number): Promise<number> {
  let last = await queryTotal(base, token, workers);
  for (let i = 0; i < 40; i++) {
    await new Promise((r) => setTimeout(r, 250));
    const now = await queryTotal(base, token, workers);
    if (now === last) return now;
    last = now;
  }
  return last;
}

/** SQL statements per request: the server's counter around `n` sequential requests, divided by n. */
export async function queriesPerRequest(base: string, token: string, url: string, cookie: string | undefined, workers: number, n = 5): Promise<number> {
  const before = await settle(base, token, workers);
  for (let i = 0; i < n; i++) await probe(url, cookie);
  const after = await queryTotal(base, token, workers);
  return Math.round(((after - before) / n) * 10) / 10;
}

/** CPU time (user + system) so far of a process and its descendants (the server's workers), in ms; null where /proc is not available. */
function cpuMsOf(pid: number): number | null {
  let total = 0;
  try {
    for (const p of processTree(pid)) {
      const fields = readFileSync(`/proc/${p}/stat`, "utf8").split(") ")[1]!.split(" ");
      total += ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
    }
  } catch {
    return null;
  }
  return total;
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

export type LoadWithCpu = Awaited<ReturnType<typeof loadWithCpu>>;
/** One measurement of a page and of its reference, taken right before it. */
export type Run = { ref?: LoadWithCpu; page: LoadWithCpu };
export type Spread = { rps: number[]; p99: number[]; ratio: number[] };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : Math.round(((s[m - 1]! + s[m]!) / 2) * 100) / 100;
};
const medianOrNull = (xs: (number | null)[]) => (xs.some((x) => x === null) ? null : median(xs as number[]));

/**
 * Several runs of a page reduced to one: the median of each figure (requests/s,
 * latencies, CPU per request, and the same for the reference), so one noisy run
 * on a shared machine does not decide a verdict. `spread` keeps every run's
 * requests/s, p99 and ratio for the JSON.
 */
export function medianRun(runs: Run[]): { page: LoadWithCpu; ref?: LoadWithCpu; spread: Spread } {
  if (!runs.length) throw new Error("medianRun needs at least one run");
  const reduce = (ls: LoadWithCpu[]): LoadWithCpu => ({
    rps: median(ls.map((l) => l.rps)),
    p50: median(ls.map((l) => l.p50)),
    p99: median(ls.map((l) => l.p99)),
    requests: ls.reduce((n, l) => n + l.requests, 0),
    non2xx: ls.reduce((n, l) => n + l.non2xx, 0),
    errors: ls.reduce((n, l) => n + l.errors, 0),
    appCpuMs: medianOrNull(ls.map((l) => l.appCpuMs)),
    dbCpuMs: medianOrNull(ls.map((l) => l.dbCpuMs)),
  });
  const refs = runs.map((r) => r.ref).filter((r): r is LoadWithCpu => !!r);
  return {
    page: reduce(runs.map((r) => r.page)),
    ref: refs.length === runs.length ? reduce(refs) : undefined,
    spread: {
      rps: runs.map((r) => r.page.rps),
      p99: runs.map((r) => r.page.p99),
      ratio: runs.map((r) => (r.ref?.rps ? Math.round((r.page.rps / r.ref.rps) * 100) / 100 : NaN)).filter((x) => !Number.isNaN(x)),
    },
  };
}
