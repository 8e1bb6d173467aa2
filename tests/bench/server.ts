/** Builds (when needed), starts and watches the production server (`npm start`: lib/server/cluster.mjs) for the bench. */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

const SOURCE_DIRS = ["app", "components", "lib", "db/schema"];
const SOURCE_FILES = ["proxy.ts", "next.config.ts", "package.json", "instrumentation.ts"];

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = 0;
  for (const e of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, e)));
  return newest;
}

/** `.next` is stale when any source file is newer than its BUILD_ID. */
export function buildIsStale(root = process.cwd()): boolean {
  const id = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(id)) return true;
  const built = statSync(id).mtimeMs;
  const newest = Math.max(...SOURCE_DIRS.map((d) => newestMtime(path.join(root, d))), ...SOURCE_FILES.map((f) => newestMtime(path.join(root, f))));
  return newest > built;
}

export function build(cwd = process.cwd()): void {
  console.log(`Building (next build)${cwd === process.cwd() ? "" : ` in ${cwd}`} …`);
  const r = spawnSync(process.execPath, [path.join(cwd, "node_modules/next/dist/bin/next"), "build"], {
    cwd,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (r.status !== 0) throw new Error("next build failed");
}

/** A TCP port nothing listens on now, chosen by the OS (a random one in 4100–4900 hit NATS on 4222 and epmd on 4369). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export type Server = { url: string; proc: ChildProcess; stop: () => Promise<void> };

/**
 * Starts the server as `npm start` does: lib/server/cluster.mjs, which runs
 * `workers` copies of `next start` on one port (1 = a single `next start`).
 */
export async function startServer(port: number, env: Record<string, string>, workers = 1, cwd = process.cwd()): Promise<Server> {
  // --expose-gc: the bench reads the heap after a full collection before and after its load.
  const nodeArgs = ["--expose-gc", ...(process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean)];
  const proc = spawn(process.execPath, [...nodeArgs, path.join(cwd, "lib/server/cluster.mjs"), "-p", String(port), "-H", "127.0.0.1"], {
    cwd,
    env: { ...process.env, ...env, PWD: cwd, NODE_ENV: "production", WEB_CONCURRENCY: String(workers) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  proc.stdout?.on("data", (d) => (log += d));
  proc.stderr?.on("data", (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`next start exited (${proc.exitCode}):\n${log}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`next start did not answer /api/health within 60 s:\n${log}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const stop = async () => {
    if (proc.exitCode !== null) return;
    proc.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 100));
    await Promise.race([new Promise((r) => proc.once("exit", r)), new Promise((r) => setTimeout(r, 5000))]);
    if (proc.exitCode === null) proc.kill("SIGKILL");
  };
  return { url, proc, stop };
}

/** pid and all its descendants (Linux /proc). */
export function processTree(root: number): number[] {
  const parents = new Map<number, number>();
  for (const e of readdirSync("/proc")) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = readFileSync(`/proc/${e}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(Number(e), ppid);
    } catch {
      // gone
    }
  }
  const out = [root];
  for (let i = 0; i < out.length; i++) for (const [pid, pp] of parents) if (pp === out[i]) out.push(pid);
  return out;
}

function statusKb(pid: number, field: "VmRSS" | "VmHWM"): number {
  try {
    const m = readFileSync(`/proc/${pid}/status`, "utf8").match(new RegExp(`${field}:\\s+(\\d+) kB`));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** Samples the server's memory every 250 ms: peak RSS of the process tree, and the kernel's high-water mark. */
export function watchMemory(rootPid: number) {
  let peakRssKb = 0;
  let hwmKb = 0;
  const sample = () => {
    const pids = processTree(rootPid);
    peakRssKb = Math.max(peakRssKb, pids.reduce((a, p) => a + statusKb(p, "VmRSS"), 0));
    hwmKb = Math.max(hwmKb, ...pids.map((p) => statusKb(p, "VmHWM")));
  };
  sample();
  const timer = setInterval(sample, 250);
  return {
    stop: () => {
      sample();
      clearInterval(timer);
      return { peakRssMb: Math.round(peakRssKb / 1024), peakHwmMb: Math.round(hwmKb / 1024) };
    },
  };
}
