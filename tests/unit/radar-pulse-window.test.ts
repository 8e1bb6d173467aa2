import { describe, expect, it } from "vitest";
import { PULSE_WINDOW_WEEKS, pulseWindow } from "@/lib/radar/org-pulse";
import { formatDay } from "@/lib/radar/format";
import { isoWeekStart, weekStartOfDay } from "@/lib/pulse/week";
import { viewerToday } from "@/lib/plan/target-date";

const at = (iso: string) => new Date(iso);
const plusDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe("the org pulse window", () => {
  it("covers the four complete ISO weeks before the current one", () => {
    // Wednesday 26 Nov 2025: the current week started Monday 24 Nov and is not over.
    expect(pulseWindow(at("2025-11-26T12:00:00Z"))).toEqual({ firstWeek: "2025-10-27", lastWeek: "2025-11-17", endsOn: "2025-11-23" });
    expect(PULSE_WINDOW_WEEKS).toBe(4);
  });

  it("takes in a week on the Tuesday after it, UTC, once nobody can still answer for it", () => {
    const closedSunday = { firstWeek: "2025-10-27", lastWeek: "2025-11-17", endsOn: "2025-11-23" };
    const weekBefore = { firstWeek: "2025-10-20", lastWeek: "2025-11-10", endsOn: "2025-11-16" };
    expect(pulseWindow(at("2025-11-25T00:00:00Z"))).toEqual(closedSunday); // the first instant of Tuesday
    expect(pulseWindow(at("2025-12-01T23:59:59.999Z"))).toEqual(closedSunday); // the last instant of the next Monday
    // All Monday long someone still in Sunday answers for the week of 17 Nov (their today is believed a day behind
    // UTC's), so it is not shown yet: a change there would come from one late answer.
    expect(pulseWindow(at("2025-11-24T00:00:00Z"))).toEqual(weekBefore);
    expect(pulseWindow(at("2025-11-24T23:59:59.999Z"))).toEqual(weekBefore);
    expect(pulseWindow(at("2025-11-25T00:30:00+02:00"))).toEqual(pulseWindow(at("2025-11-24T22:30:00Z")));
  });

  it("never shows a week someone can still answer for", () => {
    for (let t = Date.parse("2025-11-17T00:00:00Z"); t < Date.parse("2025-12-08T00:00:00Z"); t += 3 * 3_600_000) {
      const now = new Date(t);
      const lastWeek = pulseWindow(now).lastWeek;
      // Every today a client may claim now (viewerToday believes a day either side of UTC's) files in a later week.
      for (const offset of [-1, 0, 1]) {
        const claimed = new Date(t + offset * 86_400_000).toISOString().slice(0, 10);
        expect(weekStartOfDay(viewerToday(claimed, now)) > lastWeek, `${now.toISOString()} claiming ${claimed}`).toBe(true);
      }
    }
  });

  it("crosses a year boundary", () => {
    // Thursday 1 Jan 2026 is in the ISO week of Monday 29 Dec 2025.
    expect(pulseWindow(at("2026-01-01T09:00:00Z"))).toEqual({ firstWeek: "2025-12-01", lastWeek: "2025-12-22", endsOn: "2025-12-28" });
  });

  it("is always four whole Monday-to-Sunday weeks, the last of them over for a day at least", () => {
    for (let t = Date.parse("2024-01-01T00:00:00Z"); t < Date.parse("2026-01-01T00:00:00Z"); t += 31 * 3_600_000) {
      const now = new Date(t);
      const w = pulseWindow(now);
      expect(new Date(`${w.firstWeek}T00:00:00Z`).getUTCDay()).toBe(1);
      expect(new Date(`${w.lastWeek}T00:00:00Z`).getUTCDay()).toBe(1);
      expect(plusDays(w.firstWeek, 7 * (PULSE_WINDOW_WEEKS - 1))).toBe(w.lastWeek);
      expect(plusDays(w.lastWeek, 6)).toBe(w.endsOn);
      expect(plusDays(w.endsOn, 1)).toBe(isoWeekStart(new Date(t - 86_400_000)));
      expect(Date.parse(`${w.endsOn}T00:00:00Z`) + 2 * 86_400_000).toBeLessThanOrEqual(t);
    }
  });

  it("names its last day the way the /org page shows it", () => {
    expect(formatDay("2025-11-23")).toBe("Sun 23 Nov");
    expect(formatDay(pulseWindow(at("2026-01-01T09:00:00Z")).endsOn)).toBe("Sun 28 Dec");
  });
});
