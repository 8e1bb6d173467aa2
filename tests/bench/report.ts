/** Turns measurements into the printed table, PASS/FAIL per target, and the JSON written to bench/results. */
import type { BundleReport } from "./bundle";
import type { Load, Spread } from "./http";
import type { Target } from "./targets";

export type Measured = {
  target: Target;
  path: string;
  status: "ok" | "missing" | "error";
  detail?: string;
  load?: Load;
  queries?: number;
  singleMs?: number;
  /** The reference measured right before this row (the ratio uses it). */
  referenceRps?: number;
  /** That reference's p99 (ms), for p99 relative to the machine's own page with nothing on it. */
  referenceP99?: number;
  /** Server CPU ms per request, sequential (see cpuPerRequest). */
  cpuMs?: number;
  /** CPU ms per request during the load run: the app server and PostgreSQL (see loadWithCpu). */
  loadCpu?: { app: number | null; db: number | null };
  referenceLoadCpu?: { app: number | null; db: number | null };
  /** With --repeat N: every run's requests/s, p99 and ratio (the row holds their medians). */
  runs?: Spread;
};

export type Report = {
  ranAt: string;
  commit: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; loadAverageAtEnd: number[] };
  config: { connections: number; durationSeconds: number; warmupSeconds: number; workers: number; repeat: number };
  database: Record<string, number>;
  accounts: Record<string, string | number>;
  memory: { peakRssMb: number; peakHwmMb: number };
  /** Heap in use after a full collection, after the warm-up and after all pages; absent without --expose-gc. */
  heap?: { afterWarmupMb: number; afterRunMb: number; requests: number };
  bundles: BundleReport | null;
  teamJsMaxRatio: number;
  results: Measured[];
  queryPlans: { name: string; explainMs: number | null; runMs: number; seqScans: string[]; replanned?: string[] }[];
};

type Verdict = "PASS" | "FAIL" | "missing" | "—";

function verdict(m: Measured, ratio: number | null): { verdict: Verdict; why: string[] } {
  const t = m.target;
  if (m.status === "missing") return { verdict: t.kind === "reference" ? "FAIL" : "missing", why: [] };
  if (m.status === "error" || !m.load) return { verdict: "FAIL", why: [m.detail ?? "errors under load"] };
  const why: string[] = [];
  if (t.minRatio !== undefined && (ratio === null || ratio < t.minRatio)) why.push(`req/s ${ratio ?? "?"}× < ${t.minRatio}× ${t.reference}`);
  if (t.maxP99 !== undefined && m.load.p99 > t.maxP99) why.push(`p99 ${m.load.p99} ms > ${t.maxP99} ms`);
  if (t.maxSingleMs !== undefined && (m.singleMs ?? Infinity) >= t.maxSingleMs) why.push(`one request ${m.singleMs} ms ≥ ${t.maxSingleMs} ms`);
  const hasTarget = t.minRatio !== undefined || t.maxP99 !== undefined || t.maxSingleMs !== undefined;
  return { verdict: !hasTarget ? "—" : why.length ? "FAIL" : "PASS", why };
}

const pad = (s: string | number, n: number, right = false) => (right ? String(s).padStart(n) : String(s).padEnd(n));

/** Prints the table and returns the JSON document. */
export function printReport(r: Report) {
  const rpsOf = (key: string) => r.results.find((m) => m.target.key === key)?.load?.rps ?? null;
  const rows = r.results.map((m) => {
    const ref = m.referenceRps ?? (m.target.reference ? rpsOf(m.target.reference) : null);
    const ratio = m.load && ref ? Math.round((m.load.rps / ref) * 100) / 100 : null;
    const v = verdict(m, ratio);
    return {
      key: m.target.key,
      label: m.target.label,
      path: m.path,
      status: m.status,
      detail: m.detail ?? null,
      requestsPerSecond: m.load?.rps ?? null,
      p50Ms: m.load?.p50 ?? null,
      p99Ms: m.load?.p99 ?? null,
      reference: m.target.reference ?? null,
      referenceRps: ref,
      referenceP99Ms: m.referenceP99 ?? null,
      ratio,
      queriesPerRequest: m.queries ?? null,
      singleRequestMs: m.singleMs ?? null,
      serverCpuMsPerRequest: m.cpuMs ?? null,
      underLoadCpuMsPerRequest: m.loadCpu ?? null,
      referenceUnderLoadCpuMsPerRequest: m.referenceLoadCpu ?? null,
      runs: m.runs ?? null,
      requests: m.load?.requests ?? null,
      non2xx: m.load?.non2xx ?? null,
      target: {
        minRatio: m.target.minRatio ?? null,
        maxP99Ms: m.target.maxP99 ?? null,
        maxSingleRequestMs: m.target.maxSingleMs ?? null,
      },
      verdict: v.verdict,
      why: v.why,
    };
  });

  const team = r.bundles?.routes["/team"];
  const base = r.bundles?.baselineGzipKb ?? null;
  const jsRatio = team && base ? Math.round((team.gzipKb / base) * 100) / 100 : null;
  const jsVerdict: Verdict = !r.bundles ? "FAIL" : !team ? "missing" : jsRatio! <= r.teamJsMaxRatio ? "PASS" : "FAIL";

  console.log(`\nReignite bench — ${r.ranAt} — ${r.machine.cpus} × ${r.machine.cpuModel}, ${r.machine.memoryGb} GB, Node ${r.machine.node}`);
  console.log(`${r.database.people} people, ${r.database.meetings} meetings, ${r.database.notes} notes; ${r.config.connections} connections × ${r.config.durationSeconds} s after ${r.config.warmupSeconds} s warm-up; server: npm start with ${r.config.workers} worker${r.config.workers === 1 ? "" : "s"}${r.config.repeat > 1 ? `; each page and its reference measured ${r.config.repeat} times, medians shown` : ""}\n`);
  const head = `${pad("what", 34)} ${pad("req/s", 8, true)} ${pad("p50", 6, true)} ${pad("p99", 6, true)} ${pad("ratio", 12, true)} ${pad("SQL/req", 8, true)} ${pad("CPU/req", 8, true)} ${pad("app+db", 12, true)} ${pad("1 req", 7, true)}  verdict`;
  console.log(head);
  console.log("─".repeat(head.length + 6));
  for (const x of rows) {
    const ms = (v: number | null) => (v === null ? "" : `${v}ms`);
    console.log(
      `${pad(x.label, 34)} ${pad(x.requestsPerSecond ?? (x.status === "missing" ? "missing" : "error"), 8, true)} ${pad(ms(x.p50Ms), 6, true)} ${pad(ms(x.p99Ms), 6, true)} ${pad(x.ratio === null ? "" : `${x.ratio}× ${x.reference}`, 12, true)} ${pad(x.queriesPerRequest ?? "", 8, true)} ${pad(ms(x.serverCpuMsPerRequest), 8, true)} ${pad(x.underLoadCpuMsPerRequest?.app != null ? `${x.underLoadCpuMsPerRequest.app}+${x.underLoadCpuMsPerRequest.db ?? "?"}` : "", 12, true)} ${pad(ms(x.singleRequestMs), 7, true)}  ${x.verdict}${x.why.length ? ` (${x.why.join("; ")})` : ""}`,
    );
  }
  // p99 over the reference's p99 (measured just before): unlike absolute p99 it travels between machines
  // of different speeds, since the reference's own p99 moves with the machine too.
  const relP99 = rows.filter((x) => x.p99Ms && x.referenceP99Ms).map((x) => `${x.key} ${Math.round((x.p99Ms! / x.referenceP99Ms!) * 10) / 10}×`);
  if (relP99.length) console.log(`\np99 ÷ the reference's p99 (measured just before): ${relP99.join(", ")}`);
  const spreads = rows.filter((x) => x.runs && x.runs.ratio.length > 1);
  if (spreads.length) {
    const range = (xs: number[]) => `${Math.min(...xs)}–${Math.max(...xs)}`;
    console.log(`\nSpread over the runs (ratio; p99 ms): ${spreads.map((x) => `${x.key} ${range(x.runs!.ratio)}×; ${range(x.runs!.p99)}`).join(", ")}`);
  }
  console.log(
    `\nFirst-load JS (gzip): /team ${team ? `${team.gzipKb} KB` : "missing"}, baseline (hello-world: chunks every page loads) ${base ?? "?"} KB, /login ${r.bundles?.routes["/login"]?.gzipKb ?? "?"} KB → ratio ${jsRatio ?? "—"} (≤ ${r.teamJsMaxRatio}) ${jsVerdict}`,
  );
  const seq = r.queryPlans.filter((p) => p.seqScans.length);
  const explained = r.queryPlans.filter((p) => !p.replanned);
  console.log(`Query plans: ${seq.length ? `FAIL — sequential scans in ${seq.map((p) => p.name).join("; ")}` : `PASS — no sequential scan of a history table in ${explained.length} plans`}`);
  const cache = r.queryPlans.find((p) => p.replanned);
  if (cache) console.log(`${cache.name.replace(/^plan cache/, "Plan cache")}${cache.replanned!.length ? ` (${cache.replanned!.map((s) => s.slice(0, 60)).join("; ")})` : ""}`);
  console.log(`Server memory: peak RSS ${r.memory.peakRssMb} MB (sampled every 250 ms), high-water mark ${r.memory.peakHwmMb} MB`);
  if (r.heap) console.log(heapLine(r.heap));
  const cpuOf = (key: string) => rows.find((x) => x.key === key)?.serverCpuMsPerRequest ?? null;
  const cpuRatios = rows
    .filter((x) => x.reference && x.serverCpuMsPerRequest && cpuOf(x.reference))
    .map((x) => `${x.key} ${Math.round((cpuOf(x.reference!)! / x.serverCpuMsPerRequest!) * 100) / 100}×`);
  if (cpuRatios.length) console.log(`Server CPU ratio (reference CPU/req ÷ page CPU/req, what req/s would be on an otherwise idle CPU): ${cpuRatios.join(", ")}`);
  // Under load: (reference app+db CPU per request) ÷ (page app+db CPU per request), each against the reference measured just before it.
  const loadRatios = rows
    .filter((x) => x.underLoadCpuMsPerRequest?.app != null && x.referenceUnderLoadCpuMsPerRequest?.app != null)
    .map((x) => {
      const page = x.underLoadCpuMsPerRequest!.app! + (x.underLoadCpuMsPerRequest!.db ?? 0);
      const ref = x.referenceUnderLoadCpuMsPerRequest!.app! + (x.referenceUnderLoadCpuMsPerRequest!.db ?? 0);
      return `${x.key} ${Math.round((ref / page) * 100) / 100}×`;
    });
  if (loadRatios.length) console.log(`CPU ratio under load (reference app+db CPU/req ÷ page app+db CPU/req): ${loadRatios.join(", ")}`);
  console.log(`Load average at the end: ${r.machine.loadAverageAtEnd.join(", ")} (the machine may be shared: compare ratios, not absolute numbers)`);

  return {
    ranAt: r.ranAt,
    commit: r.commit,
    machine: r.machine,
    config: r.config,
    database: r.database,
    accounts: r.accounts,
    results: rows,
    firstLoadJs: { teamGzipKb: team?.gzipKb ?? null, baselineGzipKb: base, loginGzipKb: r.bundles?.routes["/login"]?.gzipKb ?? null, ratio: jsRatio, maxRatio: r.teamJsMaxRatio, verdict: jsVerdict, routes: r.bundles?.routes ?? null },
    memory: r.memory,
    heap: r.heap ? { ...r.heap, ...heapVerdict(r.heap) } : null,
    queryPlans: r.queryPlans,
  };
}

/**
 * Growth of the heap after a full collection over the measured load. A server
 * that keeps something per request grows with the requests served (the leak
 * fixed in session 5 kept 50–60 KB each); one that does not stays within a
 * few MB, whatever the run's length.
 */
export function heapVerdict(h: { afterWarmupMb: number; afterRunMb: number; requests: number }): { pass: boolean; growthMb: number; perRequestKb: number; allowedMb: number } {
  const growthMb = Math.round((h.afterRunMb - h.afterWarmupMb) * 10) / 10;
  const perRequestKb = h.requests ? Math.round(((growthMb * 1024) / h.requests) * 100) / 100 : 0;
  const allowedMb = Math.max(16, h.requests / 1024); // 1 KB per request, and never less than 16 MB of slack
  return { pass: growthMb <= allowedMb, growthMb, perRequestKb, allowedMb: Math.round(allowedMb) };
}

function heapLine(h: { afterWarmupMb: number; afterRunMb: number; requests: number }): string {
  const v = heapVerdict(h);
  return `Heap after a full GC: ${h.afterWarmupMb} MB after the warm-up, ${h.afterRunMb} MB after ${h.requests} measured requests (${v.growthMb >= 0 ? "+" : ""}${v.growthMb} MB, ${v.perRequestKb} KB per request) ${v.pass ? "PASS" : "FAIL"} (growth ≤ ${v.allowedMb} MB)`;
}
