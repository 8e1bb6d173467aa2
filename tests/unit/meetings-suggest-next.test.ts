import { describe, expect, it } from "vitest";
import { suggestNextIso } from "@/lib/meetings/suggest-next";

const now = new Date("2026-12-02T00:45:00Z");

describe("the time offered for another 1:1", () => {
  it("is one cadence after the latest 1:1 already scheduled, at its weekday and hour", () => {
    expect(suggestNextIso(14, "2026-12-05T10:00:00.000Z", now)).toBe("2026-12-19T10:00:00.000Z");
  });

  it("is one cadence from now, on the hour, when none is scheduled, or the latest is long overdue", () => {
    expect(suggestNextIso(14, null, now)).toBe("2026-12-16T01:00:00.000Z");
    expect(suggestNextIso(7, "2026-10-01T10:00:00.000Z", now)).toBe("2026-12-09T01:00:00.000Z");
  });
});
