import { describe, expect, it } from "vitest";
import { medianRun, type LoadWithCpu } from "../bench/http";

const l = (rps: number, p99: number, app: number | null = 5): LoadWithCpu => ({ rps, p50: p99 / 2, p99, requests: rps * 10, non2xx: 0, errors: 0, appCpuMs: app, dbCpuMs: 1 });

describe("bench --repeat: medianRun", () => {
  it("takes the median of each figure, so one noisy run does not decide the verdict", () => {
    const r = medianRun([
      { ref: l(400, 90), page: l(150, 400, 9) }, // a run disturbed by a neighbour
      { ref: l(420, 80), page: l(220, 140, 7) },
      { ref: l(410, 85), page: l(210, 130, 7.5) },
    ]);
    expect(r.page.rps).toBe(210);
    expect(r.page.p99).toBe(140);
    expect(r.page.appCpuMs).toBe(7.5);
    expect(r.ref?.rps).toBe(410);
    expect(r.page.requests).toBe(5800); // totals, not medians
    expect(r.spread).toEqual({ rps: [150, 220, 210], p99: [400, 140, 130], ratio: [0.38, 0.52, 0.51] });
  });

  it("averages the middle two of an even number of runs and keeps a missing CPU reading missing", () => {
    const r = medianRun([{ page: l(100, 200, null) }, { page: l(300, 100, 4) }]);
    expect(r.page.rps).toBe(200);
    expect(r.page.p99).toBe(150);
    expect(r.page.appCpuMs).toBeNull();
    expect(r.ref).toBeUndefined();
    expect(r.spread.ratio).toEqual([]);
  });

  it("counts every non-2xx response of every run", () => {
    const bad = { ...l(200, 100), non2xx: 3 };
    expect(medianRun([{ page: l(200, 100) }, { page: bad }, { page: l(200, 100) }]).page.non2xx).toBe(3);
  });
});

describe("bench: heap growth after a full GC", () => {
  it("fails a server that keeps tens of KB per request, and passes a flat one whatever the run's length", async () => {
    const { heapVerdict } = await import("../bench/report");
    expect(heapVerdict({ afterWarmupMb: 60, afterRunMb: 381, requests: 5600 })).toMatchObject({ pass: false, growthMb: 321 });
    expect(heapVerdict({ afterWarmupMb: 60, afterRunMb: 63, requests: 40000 })).toMatchObject({ pass: true, growthMb: 3 });
    expect(heapVerdict({ afterWarmupMb: 60, afterRunMb: 70, requests: 800 }).pass).toBe(true); // 16 MB of slack for short runs
  });
});
