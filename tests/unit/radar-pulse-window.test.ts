import { describe, expect, it } from "vitest";
import { PULSE_WINDOW_WEEKS, pulseWindow } from "@/lib/radar/org-pulse";
import { formatDay } from "@/lib/radar/format";
import { isoWeekStart } from "@/lib/pulse/week";

const at = (iso: string) => new Date(iso);
const plusDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe("the org pulse window", () => {
  it("covers the four complete ISO weeks before the current one", () => {
    // Wednesday 26 Nov 2025: the current week started Monday 24 Nov and is not over.
    expect(pulseWindow(at("2025-11-26T12:00:00Z"))).toEqual({ firstWeek: "2025-10-27", lastWeek: "2025-11-17", endsOn: "2025-11-23" });
    expect(PULSE_WINDOW_WEEKS).toBe(4);
  });

  it("moves only when a week turns, in UTC", () => {
    const closedSunday = { firstWeek: "2025-10-27", lastWeek: "2025-11-17", endsOn: "2025-11-23" };
    expect(pulseWindow(at("2025-11-24T00:00:00Z"))).toEqual(closedSunday); // the first instant of Monday
    expect(pulseWindow(at("2025-11-30T23:59:59.999Z"))).toEqual(closedSunday); // the last instant of that week
    // Sunday 23 Nov is still open until midnight UTC, whatever the server's zone.
    expect(pulseWindow(at("2025-11-23T23:59:59.999Z"))).toEqual({ firstWeek: "2025-10-20", lastWeek: "2025-11-10", endsOn: "2025-11-16" });
    expect(pulseWindow(at("2025-11-24T00:30:00+02:00"))).toEqual(pulseWindow(at("2025-11-23T22:30:00Z")));
  });

  it("crosses a year boundary", () => {
    // Thursday 1 Jan 2026 is in the ISO week of Monday 29 Dec 2025.
    expect(pulseWindow(at("2026-01-01T09:00:00Z"))).toEqual({ firstWeek: "2025-12-01", lastWeek: "2025-12-22", endsOn: "2025-12-28" });
  });

  it("is always four whole Monday-to-Sunday weeks ending the day before the current week", () => {
    for (let t = Date.parse("2024-01-01T00:00:00Z"); t < Date.parse("2026-01-01T00:00:00Z"); t += 31 * 3_600_000) {
      const now = new Date(t);
      const w = pulseWindow(now);
      expect(new Date(`${w.firstWeek}T00:00:00Z`).getUTCDay()).toBe(1);
      expect(new Date(`${w.lastWeek}T00:00:00Z`).getUTCDay()).toBe(1);
      expect(plusDays(w.firstWeek, 7 * (PULSE_WINDOW_WEEKS - 1))).toBe(w.lastWeek);
      expect(plusDays(w.lastWeek, 6)).toBe(w.endsOn);
      expect(plusDays(w.endsOn, 1)).toBe(isoWeekStart(now));
    }
  });

  it("names its last day the way the /org page shows it", () => {
    expect(formatDay("2025-11-23")).toBe("Sun 23 Nov");
    expect(formatDay(pulseWindow(at("2026-01-01T09:00:00Z")).endsOn)).toBe("Sun 28 Dec");
  });
});
