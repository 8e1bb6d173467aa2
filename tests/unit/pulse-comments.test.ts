import { describe, expect, it } from "vitest";
import type { PulsePoint } from "@/lib/pulse/checkins";
import { recentComments } from "@/lib/pulse/comments";

const point = (weekStart: string, comment: string): PulsePoint => ({
  id: weekStart,
  weekStart,
  rust: 3,
  answers: { motivation: 3, skillsUsed: 3, variety: 3, purpose: 3, initiative: 3 },
  comment,
});
// Oldest first, as the trend is.
const points = [point("2026-10-05", "oldest"), point("2026-10-12", "  "), point("2026-10-19", "middle\nsecond line"), point("2026-10-26", ""), point("2026-11-02", " newest ")];

describe("recentComments", () => {
  it("gives the latest comments, newest first, skipping blank ones and trimming", () => {
    expect(recentComments(points)).toEqual([
      { weekStart: "2026-11-02", comment: "newest" },
      { weekStart: "2026-10-19", comment: "middle\nsecond line" },
      { weekStart: "2026-10-05", comment: "oldest" },
    ]);
    expect(recentComments(points, 1)).toEqual([{ weekStart: "2026-11-02", comment: "newest" }]);
  });

  it("with `since`, only weeks from then on", () => {
    expect(recentComments(points, 3, "2026-10-19").map((c) => c.weekStart)).toEqual(["2026-11-02", "2026-10-19"]);
    expect(recentComments(points, 3, "2026-11-09")).toEqual([]);
  });

  it("with `until`, none of a later week", () => {
    expect(recentComments(points, 3, undefined, "2026-10-19").map((c) => c.weekStart)).toEqual(["2026-10-19", "2026-10-05"]);
  });
});
