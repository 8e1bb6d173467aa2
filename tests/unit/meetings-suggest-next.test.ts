import { describe, expect, it } from "vitest";
import { suggestNextIso } from "@/lib/meetings/suggest-next";

const now = new Date("2026-12-02T00:45:00Z");

describe("the time offered for another 1:1", () => {
  it("is one cadence after the latest 1:1 already scheduled, at its weekday and hour", () => {
    expect(suggestNextIso(14, "2026-12-05T10:00:00.000Z", now)).toBe("2026-12-19T10:00:00.000Z");
  });

  it("keeps the pair's weekday and hour after a 1:1 gone by: the first whole cadence still ahead", () => {
    // Held on Tue 24 Nov at 10:00, fortnightly: Tue 8 Dec at 10:00, not a cadence from the minute the page opened.
    expect(suggestNextIso(14, "2026-11-24T10:00:00.000Z", now)).toBe("2026-12-08T10:00:00.000Z");
    // Weekly, last met in October: the next Thursday at that hour.
    expect(suggestNextIso(7, "2026-10-01T10:00:00.000Z", now)).toBe("2026-12-03T10:00:00.000Z");
  });

  it("is one cadence from now, on the hour, for a pair that has had none", () => {
    expect(suggestNextIso(14, null, now)).toBe("2026-12-16T01:00:00.000Z");
  });
});
