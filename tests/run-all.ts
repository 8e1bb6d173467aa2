/**
 * `npm test`: the whole suite, in the order that fails fastest.
 * lint → typecheck → unit/integration (vitest) → production build →
 * e2e in Chromium (PostgreSQL) → smoke test of the embedded PGlite path.
 *
 * PostgreSQL: TEST_DATABASE_URL if set, else a local server on 127.0.0.1:5432
 * if one answers; without one, PostgreSQL-only steps are skipped and named.
 */
import { spawnSync } from "node:child_process";
import postgres from "postgres";

type Step = { name: string; cmd: string; args: string[]; env?: Record<string, string>; needsPg?: boolean };

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
    { name: "lint", cmd: "npx", args: ["eslint", ".", "--max-warnings=0"] },
    { name: "typecheck", cmd: "npx", args: ["tsc", "--noEmit"] },
    { name: "unit+integration", cmd: "npx", args: ["vitest", "run", "-c", "tests/vitest.config.mts"] },
    { name: "build", cmd: "npx", args: ["next", "build"], env: { NODE_ENV: "production" } },
    { name: "e2e", cmd: "npx", args: ["playwright", "test", "-c", "tests/playwright.config.ts"], needsPg: true },
    { name: "pglite-smoke", cmd: "npx", args: ["playwright", "test", "-c", "tests/playwright.pglite.config.ts"] },
  ];

  const results: { name: string; status: "passed" | "failed" | "skipped"; seconds: number }[] = [];
  for (const step of steps) {
    if (only.length && !only.includes(step.name)) continue;
    if (step.needsPg && !pg) {
      results.push({ name: step.name, status: "skipped", seconds: 0 });
      continue;
    }
    console.log(`\n━━ ${step.name} ━━`);
    const t0 = Date.now();
    const r = spawnSync(step.cmd, step.args, { stdio: "inherit", env: { ...env, ...step.env } as NodeJS.ProcessEnv });
    const seconds = Math.round((Date.now() - t0) / 100) / 10;
    results.push({ name: step.name, status: r.status === 0 ? "passed" : "failed", seconds });
    if (r.status !== 0) break;
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
