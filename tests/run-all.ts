/**
 * `npm test`: the whole suite, in the order that fails fastest.
 * lint and typecheck (side by side: each uses one core) → unit/integration
 * (vitest) beside the production build (the tests wait on PostgreSQL much of
 * the time, and neither reads what the other writes: together about 30 s less
 * than one after the other on two cores) → e2e in Chromium (PostgreSQL) →
 * smoke test of the embedded PGlite path.
 *
 * PostgreSQL: TEST_DATABASE_URL if set, else a local server on 127.0.0.1:5432
 * if one answers; without one, PostgreSQL-only steps are skipped and named.
 */
import { spawn, spawnSync } from "node:child_process";
import postgres from "postgres";

type Step = { name: string; cmd: string; args: string[]; env?: Record<string, string>; needsPg?: boolean; group?: string };
type Result = { name: string; status: "passed" | "failed" | "skipped"; seconds: number };

/** Runs steps side by side, their output held and printed whole, one step after the other, as each finishes. */
async function runTogether(steps: Step[], env: Record<string, string>): Promise<Result[]> {
  return Promise.all(
    steps.map(
      (step) =>
        new Promise<Result>((resolve) => {
          const t0 = Date.now();
          const child = spawn(step.cmd, step.args, { stdio: ["ignore", "pipe", "pipe"], env: { ...env, ...step.env } as NodeJS.ProcessEnv });
          const out: Buffer[] = [];
          child.stdout.on("data", (d: Buffer) => out.push(d));
          child.stderr.on("data", (d: Buffer) => out.push(d));
          const done = (code: number | null) => {
            console.log(`\n━━ ${step.name} ━━`);
            process.stdout.write(Buffer.concat(out));
            resolve({ name: step.name, status: code === 0 ? "passed" : "failed", seconds: Math.round((Date.now() - t0) / 100) / 10 });
          };
          child.on("error", (err) => {
            out.push(Buffer.from(String(err)));
            done(1);
          });
          child.on("close", done);
        }),
    ),
  );
}

async function findPostgres(): Promise<string | undefined> {
  if (process.env.TEST_DATABASE_URL) return process.env.TEST_DATABASE_URL;
  const candidate = "postgres://postgres@127.0.0.1:5432/postgres";
  const sql = postgres(candidate, { max: 1, connect_timeout: 2, onnotice: () => {} });
  try {
    await sql`select 1`;
    return candidate;
  } catch {
    return undefined;
  } finally {
    await sql.end({ timeout: 1 }).catch(() => {});
  }
}

async function main() {
  const only = process.argv.slice(2);
  const pg = await findPostgres();
  const env = { ...process.env, ...(pg ? { TEST_DATABASE_URL: pg } : {}) } as Record<string, string>;
  delete env.DATABASE_URL; // tests choose their own databases

  const steps: Step[] = [
    { name: "lint", cmd: "npx", args: ["eslint", ".", "--max-warnings=0"], group: "static" },
    { name: "typecheck", cmd: "npx", args: ["tsc", "--noEmit"], group: "static" },
    { name: "unit+integration", cmd: "npx", args: ["vitest", "run", "-c", "tests/vitest.config.mts"], group: "checks-and-build" },
    { name: "build", cmd: "npx", args: ["next", "build"], env: { NODE_ENV: "production" }, group: "checks-and-build" },
    { name: "e2e", cmd: "npx", args: ["playwright", "test", "-c", "tests/playwright.config.ts"], needsPg: true },
    { name: "pglite-smoke", cmd: "npx", args: ["playwright", "test", "-c", "tests/playwright.pglite.config.ts"] },
  ];

  const results: Result[] = [];
  const selected = steps.filter((step) => !only.length || only.includes(step.name));
  for (let i = 0; i < selected.length; ) {
    // Consecutive steps of one group run side by side; the rest one at a time with their output live.
    let end = i + 1;
    while (selected[i]!.group && end < selected.length && selected[end]!.group === selected[i]!.group) end++;
    const group = selected.slice(i, end);
    i = end;
    const runnable = group.filter((s) => !(s.needsPg && !pg));
    for (const s of group.filter((s) => s.needsPg && !pg)) results.push({ name: s.name, status: "skipped", seconds: 0 });
    if (runnable.length > 1) {
      results.push(...(await runTogether(runnable, env)));
    } else if (runnable.length === 1) {
      const only1 = runnable[0]!;
      console.log(`\n━━ ${only1.name} ━━`);
      const t0 = Date.now();
      const r = spawnSync(only1.cmd, only1.args, { stdio: "inherit", env: { ...env, ...only1.env } as NodeJS.ProcessEnv });
      results.push({ name: only1.name, status: r.status === 0 ? "passed" : "failed", seconds: Math.round((Date.now() - t0) / 100) / 10 });
    }
    if (results.some((r) => r.status === "failed")) break;
  }

  console.log("\n━━ summary ━━");
  for (const r of results) console.log(`  ${r.status.padEnd(7)} ${r.name.padEnd(18)} ${r.seconds ? `${r.seconds}s` : ""}`);
  if (!pg) {
    console.log(
      "\n  No PostgreSQL found: e2e and PostgreSQL-only tests (concurrency, races) were skipped.\n" +
        "  Enable them with TEST_DATABASE_URL=postgres://user@host:5432/postgres npm test",
    );
  }
  process.exit(results.some((r) => r.status === "failed") ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
