import { describe, expect, it } from "vitest";
import { tenureBuckets } from "@/lib/radar/tenure-buckets";

describe("tenureBuckets", () => {
  it("splits at a year, the notice line, the threshold and a year past it", () => {
    const b = tenureBuckets([0, 11, 12, 14, 15, 23, 24, 35, 36, 60], 15, 24);
    expect(b.map((x) => [x.label, x.zone, x.count])).toEqual([
      ["0–11 mo", "none", 2],
      ["12–14 mo", "none", 2],
      ["15–23 mo", "notice", 2],
      ["24–35 mo", "warning", 2],
      ["36 mo or more", "warning", 2],
    ]);
  });

  it("counts everyone exactly once", () => {
    const months = Array.from({ length: 500 }, (_, i) => i % 73);
    const b = tenureBuckets(months, 15, 24);
    expect(b.reduce((n, x) => n + x.count, 0)).toBe(500);
  });

  it("merges edges that coincide (notice at 12) and keeps the bounds contiguous", () => {
    const b = tenureBuckets([5, 12, 20], 12, 18);
    expect(b.map((x) => [x.from, x.to, x.zone])).toEqual([
      [0, 11, "none"],
      [12, 17, "notice"],
      [18, 29, "warning"],
      [30, null, "warning"],
    ]);
    expect(b.map((x) => x.count)).toEqual([1, 1, 1, 0]);
  });

  it("labels a one-month bucket without a range", () => {
    const b = tenureBuckets([13], 13, 14);
    expect(b.find((x) => x.from === 13)?.label).toBe("13 mo");
    expect(b.find((x) => x.from === 13)?.count).toBe(1);
  });

  it("returns empty counts for nobody", () => {
    expect(tenureBuckets([], 15, 24).every((x) => x.count === 0)).toBe(true);
  });
});
