import { describe, expect, it } from "vitest";
import { isPastTarget, latestPastDay, utcToday, viewerToday } from "@/lib/plan/target-date";

const now = new Date("2026-11-30T03:00:00Z");

describe("a goal's target date and the viewer's today", () => {
  it("believes a browser's day within a day of UTC's, and UTC's otherwise", () => {
    expect(utcToday(now)).toBe("2026-11-30");
    expect(viewerToday(undefined, now)).toBe("2026-11-30");
    expect(viewerToday("2026-11-29", now)).toBe("2026-11-29"); // evening in the Americas
    expect(viewerToday("2026-12-01", now)).toBe("2026-12-01"); // far east of UTC
    expect(viewerToday("2026-11-27", now)).toBe("2026-11-30");
    expect(viewerToday("2027-01-01", now)).toBe("2026-11-30");
  });

  it("calls an open goal past its target date from the day after it, never a closed one", () => {
    expect(isPastTarget({ status: "active", targetOn: "2026-11-29" }, "2026-11-30")).toBe(true);
    expect(isPastTarget({ status: "proposed", targetOn: "2026-11-29" }, "2026-11-30")).toBe(true);
    expect(isPastTarget({ status: "active", targetOn: "2026-11-30" }, "2026-11-30")).toBe(false);
    expect(isPastTarget({ status: "active", targetOn: null }, "2026-11-30")).toBe(false);
    expect(isPastTarget({ status: "done", targetOn: "2026-01-01" }, "2026-11-30")).toBe(false);
    expect(isPastTarget({ status: "dropped", targetOn: "2026-01-01" }, "2026-11-30")).toBe(false);
  });
});

describe("the latest day a win may carry", () => {
  it("is the viewer's today, or UTC's tomorrow when the client sends no day", () => {
    expect(latestPastDay("2026-11-29", now)).toBe("2026-11-29");
    expect(latestPastDay("2026-12-01", now)).toBe("2026-12-01");
    expect(latestPastDay("2026-12-05", now)).toBe("2026-11-30");
    expect(latestPastDay(undefined, now)).toBe("2026-12-01");
  });
});
