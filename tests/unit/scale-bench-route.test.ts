import { afterEach, describe, expect, it, vi } from "vitest";

const TOKEN = "t".repeat(32);

async function load(token: string | undefined) {
  vi.resetModules();
  if (token === undefined) delete process.env.REIGNITE_BENCH_TOKEN;
  else process.env.REIGNITE_BENCH_TOKEN = token;
  const route = await import("@/app/api/bench/queries/route");
  const log = await import("@/db/query-log");
  return { GET: route.GET, logger: log.queryLogger };
}
const get = (GET: (r: Request) => Response, header?: string) =>
  GET(new Request("http://x/api/bench/queries", { headers: header ? { "x-bench-token": header } : {} }));

afterEach(() => {
  delete process.env.REIGNITE_BENCH_TOKEN;
  delete (globalThis as { __reigniteQueryTotal?: number }).__reigniteQueryTotal;
});

describe("GET /api/bench/queries", () => {
  it("does not exist unless the server was started with a bench token", async () => {
    const { GET, logger } = await load(undefined);
    logger.logQuery("select 1", []);
    expect(get(GET).status).toBe(404);
    expect(get(GET, TOKEN).status).toBe(404);
    expect((globalThis as { __reigniteQueryTotal?: number }).__reigniteQueryTotal).toBeUndefined();
  });

  it("ignores a short token", async () => {
    const { GET } = await load("short");
    expect(get(GET, "short").status).toBe(404);
  });

  it("answers only a request carrying the token, with the number of statements run", async () => {
    const { GET, logger } = await load(TOKEN);
    expect(get(GET).status).toBe(404);
    expect(get(GET, TOKEN.slice(1) + "x").status).toBe(404);
    const before = (await get(GET, TOKEN).json()) as { queries: number };
    logger.logQuery("select 1", []);
    logger.logQuery("select 2", []);
    const after = (await get(GET, TOKEN).json()) as { queries: number };
    expect(after.queries - before.queries).toBe(2);
    expect(Object.keys(after)).toEqual(["queries", "process"]);
    expect((after as unknown as { process: number }).process).toBe(process.pid);
  });

  it("with ?heap, collects garbage first and says how much heap is in use — only where gc is exposed", async () => {
    const { GET } = await load(TOKEN);
    const withHeap = () => GET(new Request("http://x/api/bench/queries?heap", { headers: { "x-bench-token": TOKEN } }));
    const g = globalThis as { gc?: () => void };
    const saved = g.gc;
    try {
      delete g.gc;
      expect(Object.keys(await withHeap().json())).toEqual(["queries", "process"]);
      let collections = 0;
      g.gc = () => void collections++;
      const body = (await withHeap().json()) as { heapAfterGcMb: number };
      expect(collections).toBe(2);
      expect(body.heapAfterGcMb).toBeGreaterThan(0);
      expect(Object.keys(await get(GET, TOKEN).json())).toEqual(["queries", "process"]); // not without ?heap
    } finally {
      if (saved) g.gc = saved;
      else delete g.gc;
    }
  });
});
