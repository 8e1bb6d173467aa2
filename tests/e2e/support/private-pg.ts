import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * A throwaway PostgreSQL server of our own, for tests that stop and restart
 * the database (outage tests) without touching the shared server other tests
 * and people use. initdb refuses to run as root: as root, the server runs as
 * the `postgres` system user.
 */
export class PrivatePostgres {
  readonly dir: string;
  private readonly bin: string;
  private readonly asRoot = process.getuid?.() === 0;

  constructor(readonly port: number) {
    this.bin = process.env.PG_BIN ?? findPgBin();
    this.dir = mkdtempSync(path.join(os.tmpdir(), "reignite-pg-"));
    if (this.asRoot) {
      const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
      const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
      chownSync(this.dir, uid, gid);
    }
    chmodSync(this.dir, 0o700);
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  private run(tool: string, args: string[]): void {
    const cmd = path.join(this.bin, tool);
    if (this.asRoot) execFileSync("runuser", ["-u", "postgres", "--", cmd, ...args], { stdio: "pipe" });
    else execFileSync(cmd, args, { stdio: "pipe" });
  }

  init(): this {
    this.run("initdb", ["-D", this.dir, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8"]);
    return this;
  }

  start(): void {
    const opts = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    this.run("pg_ctl", ["-D", this.dir, "-o", opts, "-l", path.join(this.dir, "server.log"), "-w", "-t", "30", "start"]);
  }

  /** "fast": active connections are terminated, as when a database server goes down for a restart. */
  stop(mode: "fast" | "immediate" = "fast"): void {
    this.run("pg_ctl", ["-D", this.dir, "-m", mode, "-w", "-t", "30", "stop"]);
  }

  destroy(): void {
    try {
      if (existsSync(path.join(this.dir, "postmaster.pid"))) this.stop("immediate");
    } catch {
      // already stopped
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function findPgBin(): string {
  for (const v of ["17", "16", "15", "14"]) {
    const p = `/usr/lib/postgresql/${v}/bin`;
    if (existsSync(path.join(p, "initdb"))) return p;
  }
  throw new Error("No PostgreSQL server binaries found (set PG_BIN to the folder holding initdb and pg_ctl).");
}

/** Starts `next start` (the existing production build) on a port with the given environment. */
export async function startNext(port: number, env: Record<string, string>): Promise<{ proc: ChildProcess; baseURL: string; logs: string[] }> {
  const logs: string[] = [];
  const proc = spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, ...env } as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  proc.stdout!.on("data", (d) => logs.push(String(d)));
  proc.stderr!.on("data", (d) => logs.push(String(d)));
  const baseURL = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(`${baseURL}/api/health`)).status === 200, 60_000, () => logs.join(""));
  return { proc, baseURL, logs };
}

export function stopNext(proc: ChildProcess): void {
  if (proc.pid && proc.exitCode === null) {
    try {
      process.kill(-proc.pid, "SIGTERM"); // the npx process group
    } catch {
      // gone
    }
  }
}

export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, describe: () => string = () => ""): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not yet
    }
    if (Date.now() > until) throw new Error(`Timed out after ${timeoutMs} ms. ${describe()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
