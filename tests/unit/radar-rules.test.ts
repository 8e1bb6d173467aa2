import { describe, expect, it } from "vitest";
import { computeFlags, DEFAULT_SETTINGS, riskLevel, type Flag, type PersonFacts } from "@/lib/radar/rules";
import { formatMonths, monthsBetween } from "@/lib/radar/months";
import { relativeDays } from "@/lib/radar/format";

const now = new Date("2026-11-29T12:00:00Z");
const healthy: PersonFacts = {
  roleSince: "2026-01-15",
  activeGoals: 1,
  activeRotation: null,
  hasManager: true,
  lastOneOnOne: new Date("2026-11-20T10:00:00Z"),
  cadenceDays: 14,
  pulseRust: [2, 2.2, 2.4],
  oldestOpenStuck: null,
  lastLearning: new Date("2026-10-01T00:00:00Z"),
  unusedSkills: [],
};
const codes = (f: Flag[]) => f.map((x) => x.code).sort();

describe("monthsBetween", () => {
  it("counts whole calendar months", () => {
    expect(monthsBetween("2024-08-29", "2026-11-29")).toBe(27);
    expect(monthsBetween("2024-08-30", "2026-11-29")).toBe(26);
    expect(monthsBetween("2026-11-29", "2026-11-29")).toBe(0);
  });
  it("treats the last day of a shorter month as a full month", () => {
    expect(monthsBetween("2026-01-31", "2026-02-28")).toBe(1);
    expect(monthsBetween("2026-01-31", "2026-02-27")).toBe(0);
    expect(monthsBetween("2026-03-31", "2026-04-30")).toBe(1);
  });
  it("handles leap years", () => {
    expect(monthsBetween("2024-02-29", "2025-02-28")).toBe(12);
    expect(monthsBetween("2024-01-31", "2024-02-29")).toBe(1);
    // Century years: 2100 is not a leap year (Feb 28 is its last day), 2000 was.
    expect(monthsBetween("2100-01-29", "2100-02-28")).toBe(1);
    expect(monthsBetween("2000-01-29", "2000-02-28")).toBe(0);
    expect(monthsBetween("2000-01-31", "2000-02-29")).toBe(1);
    expect(monthsBetween("2023-01-31", "2023-02-28")).toBe(1);
    expect(monthsBetween("2024-01-31", "2024-02-28")).toBe(0);
    expect(monthsBetween("2023-02-28", "2024-02-28")).toBe(12);
  });
  it("reads a Date's own instant on every call, also when the same Date object changed in place", () => {
    const to = new Date("2026-03-15T00:00:00Z");
    expect(monthsBetween("2026-01-15", to)).toBe(2);
    expect(monthsBetween("2026-01-15", new Date("2026-06-15T00:00:00Z"))).toBe(5);
    expect(monthsBetween("2026-01-15", to)).toBe(2);
    to.setUTCMonth(8);
    expect(monthsBetween("2026-01-15", to)).toBe(8);
    expect(monthsBetween(to, new Date("2027-09-15T00:00:00Z"))).toBe(12);
  });

  it("never goes negative for future dates", () => {
    expect(monthsBetween("2027-01-01", "2026-11-29")).toBe(0);
  });
});

describe("role_stale", () => {
  const at = (roleSince: string) => computeFlags({ ...healthy, roleSince }, DEFAULT_SETTINGS, now).find((f) => f.code === "role_stale");
  it("is silent just below the notice threshold (15 months)", () => {
    expect(at("2025-08-30")).toBeUndefined(); // 14 months
  });
  it("notices at exactly 15 months", () => {
    expect(at("2025-08-29")?.severity).toBe("notice");
  });
  it("warns at exactly 24 months, with the sentence managers see", () => {
    const f = at("2024-11-29")!;
    expect(f.severity).toBe("warning");
    expect(f.reason).toBe("Same role for 24 months (threshold 24)");
  });
  it("speaks to the person themselves", () => {
    expect(at("2024-08-29")!.selfReason).toBe("Your role hasn't changed in 27 months — bring it up in your next 1:1.");
  });
  it("follows the org's thresholds", () => {
    const f = computeFlags({ ...healthy, roleSince: "2026-05-29" }, { ...DEFAULT_SETTINGS, roleNoticeMonths: 3, roleWarningMonths: 6 }, now);
    expect(f.find((x) => x.code === "role_stale")?.reason).toBe("Same role for 6 months (threshold 6)");
  });
});

describe("other flags", () => {
  it("a healthy person has none", () => {
    expect(computeFlags(healthy, DEFAULT_SETTINGS, now)).toEqual([]);
  });
  it("no_stretch needs neither an active goal nor an active rotation", () => {
    expect(codes(computeFlags({ ...healthy, activeGoals: 0 }, DEFAULT_SETTINGS, now))).toEqual(["no_stretch"]);
    expect(computeFlags({ ...healthy, activeGoals: 0, activeRotation: "Platform" }, DEFAULT_SETTINGS, now)).toEqual([]);
  });
  it("one_on_one_overdue says how long ago in calendar days, as the card's line under it does", () => {
    // 14:00 on 28 Oct, read at 10:00 on 3 Dec: 35 whole days, but 36 days ago by the calendar.
    const at = new Date("2026-12-03T10:00:00Z");
    const last = new Date("2026-10-28T14:00:00Z");
    const f = computeFlags({ ...healthy, lastOneOnOne: last }, DEFAULT_SETTINGS, at);
    expect(f[0]?.reason).toBe("Last 1:1 was 36 days ago (cadence every 14 days)");
    expect(f[0]?.reason).toContain(relativeDays(last, at));
  });
  it("one_on_one_overdue past 1.5 × cadence", () => {
    const last = (days: number) => new Date(now.getTime() - days * 86_400_000);
    expect(computeFlags({ ...healthy, lastOneOnOne: last(21) }, DEFAULT_SETTINGS, now)).toEqual([]);
    const f = computeFlags({ ...healthy, lastOneOnOne: last(22) }, DEFAULT_SETTINGS, now);
    expect(f[0]?.reason).toBe("Last 1:1 was 22 days ago (cadence every 14 days)");
    expect(computeFlags({ ...healthy, lastOneOnOne: last(35) }, DEFAULT_SETTINGS, now)[0]?.severity).toBe("notice");
    expect(computeFlags({ ...healthy, lastOneOnOne: last(43) }, DEFAULT_SETTINGS, now)[0]?.severity).toBe("warning");
    expect(computeFlags({ ...healthy, cadenceDays: 7, lastOneOnOne: last(11) }, DEFAULT_SETTINGS, now)).toHaveLength(1);
    expect(computeFlags({ ...healthy, hasManager: false, lastOneOnOne: null }, DEFAULT_SETTINGS, now)).toEqual([]);
  });
  it("pulse_worsening on three worsening check-ins or a high latest score", () => {
    expect(codes(computeFlags({ ...healthy, pulseRust: [3, 2.5, 2] }, DEFAULT_SETTINGS, now))).toEqual(["pulse_worsening"]);
    expect(computeFlags({ ...healthy, pulseRust: [3, 3, 2] }, DEFAULT_SETTINGS, now)).toEqual([]);
    expect(computeFlags({ ...healthy, pulseRust: [3, 2.5] }, DEFAULT_SETTINGS, now)).toEqual([]);
    const high = computeFlags({ ...healthy, pulseRust: [4] }, DEFAULT_SETTINGS, now);
    expect(high[0]?.severity).toBe("warning");
    expect(high[0]?.reason).toContain("alert at 4");
    // Half points: a latest 3.7 alerts at 3.5 and not at 4.
    const half = computeFlags({ ...healthy, pulseRust: [3.7] }, { ...DEFAULT_SETTINGS, pulseAlertScore: 3.5 }, now);
    expect(half[0]?.reason).toContain("latest 3.7 of 5, alert at 3.5");
    expect(computeFlags({ ...healthy, pulseRust: [3.7] }, DEFAULT_SETTINGS, now)).toEqual([]);
  });
  it("stuck_unacknowledged after the org's days", () => {
    const raised = (days: number) => new Date(now.getTime() - days * 86_400_000);
    expect(computeFlags({ ...healthy, oldestOpenStuck: raised(6) }, DEFAULT_SETTINGS, now)).toEqual([]);
    expect(codes(computeFlags({ ...healthy, oldestOpenStuck: raised(7) }, DEFAULT_SETTINGS, now))).toEqual(["stuck_unacknowledged"]);
  });
  it("learning_gap after 6 months or with nothing recorded", () => {
    expect(computeFlags({ ...healthy, lastLearning: new Date("2026-05-30T00:00:00Z") }, DEFAULT_SETTINGS, now)).toEqual([]);
    expect(codes(computeFlags({ ...healthy, lastLearning: new Date("2026-05-29T00:00:00Z") }, DEFAULT_SETTINGS, now))).toEqual(["learning_gap"]);
    expect(computeFlags({ ...healthy, lastLearning: null }, DEFAULT_SETTINGS, now)[0]?.reason).toBe("No learning activity recorded");
  });
  it("skills_unused names the skills", () => {
    expect(computeFlags({ ...healthy, unusedSkills: ["Go", "Rust"] }, DEFAULT_SETTINGS, now)[0]?.reason).toBe(
      "2 skills unused in current role: Go, Rust",
    );
  });
  it("role_stale's own sentence sends someone with no manager to no 1:1", () => {
    const withManager = computeFlags({ ...healthy, roleSince: "2023-01-01" }, DEFAULT_SETTINGS, now).find((f) => f.code === "role_stale");
    expect(withManager?.selfReason).toMatch(/bring it up in your next 1:1\.$/);
    const top = computeFlags({ ...healthy, roleSince: "2023-01-01", hasManager: false }, DEFAULT_SETTINGS, now).find((f) => f.code === "role_stale");
    expect(top?.selfReason).toMatch(/worth a conversation about what comes next\.$/);
    expect(top?.reason).toBe(withManager?.reason);
  });
  it("skills_unused only counts them for a viewer who may not read skills, and says 'it' of one", () => {
    const [hidden] = computeFlags({ ...healthy, unusedSkills: ["Go", "Rust"] }, DEFAULT_SETTINGS, now, undefined, { skillNames: false });
    expect(hidden?.reason).toBe("2 skills unused in current role");
    expect(hidden?.selfReason).toBe("You have 2 skills you don't use in your role — could a project use them?");
    const [one] = computeFlags({ ...healthy, unusedSkills: ["Go"] }, DEFAULT_SETTINGS, now);
    expect(one?.selfReason).toBe("You have 1 skill you don't use in your role (Go) — could a project use it?");
  });
});

describe("riskLevel", () => {
  const flag = (code: Flag["code"], severity: Flag["severity"]): Flag => ({ code, severity, reason: "", selfReason: "" });
  it("none without flags, watch with one", () => {
    expect(riskLevel([])).toBe("none");
    expect(riskLevel([flag("no_stretch", "notice")])).toBe("watch");
    expect(riskLevel([flag("role_stale", "warning")])).toBe("watch");
  });
  it("at risk: stale past the threshold plus any other flag", () => {
    expect(riskLevel([flag("role_stale", "warning"), flag("no_stretch", "notice")])).toBe("at_risk");
    expect(riskLevel([flag("role_stale", "notice"), flag("no_stretch", "notice")])).toBe("watch");
  });
  it("at risk: two warnings, or three flags", () => {
    expect(riskLevel([flag("pulse_worsening", "warning"), flag("stuck_unacknowledged", "warning")])).toBe("at_risk");
    expect(riskLevel([flag("no_stretch", "notice"), flag("learning_gap", "notice"), flag("skills_unused", "notice")])).toBe("at_risk");
  });
});

describe("newcomers", () => {
  // Added to Reignite today: nothing has been recorded for them yet (an invitation accepted, a team imported).
  const blank: PersonFacts = { ...healthy, activeGoals: 0, lastOneOnOne: null, lastLearning: null, pulseRust: [] };
  const addedDaysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

  it("are not flagged for what nobody could have recorded yet: no stretch, no 1:1, no learning", () => {
    const fresh = computeFlags({ ...blank, roleSince: "2026-11-29", addedAt: addedDaysAgo(0) }, DEFAULT_SETTINGS, now);
    expect(codes(fresh)).toEqual([]);
    expect(riskLevel(fresh)).toBe("none");
  });

  it("are flagged for each absence once they have been here as long as it allows", () => {
    const at = (days: number) => codes(computeFlags({ ...blank, roleSince: "2026-11-29", addedAt: addedDaysAgo(days) }, DEFAULT_SETTINGS, now));
    // No 1:1 after 1.5 × the cadence (14 days): the same limit as between two 1:1s.
    expect(at(21)).toEqual([]);
    expect(at(22)).toEqual(["one_on_one_overdue"]);
    // No stretch goal or rotation after their first 90 days.
    expect(at(89)).toEqual(["one_on_one_overdue"]);
    expect(at(90)).toEqual(["no_stretch", "one_on_one_overdue"]);
    // No learning recorded after the learning gap (6 months).
    expect(at(200)).toEqual(["learning_gap", "no_stretch", "one_on_one_overdue"]);
  });

  it("an imported veteran is still flagged for an old role on day one: that is a fact, not a missing record", () => {
    const veteran = computeFlags({ ...blank, roleSince: "2019-03-01", addedAt: addedDaysAgo(0) }, DEFAULT_SETTINGS, now);
    expect(codes(veteran)).toEqual(["role_stale"]);
  });

  it("someone long known is flagged as before", () => {
    expect(codes(computeFlags({ ...blank, addedAt: addedDaysAgo(400) }, DEFAULT_SETTINGS, now))).toEqual(["learning_gap", "no_stretch", "one_on_one_overdue"]);
    expect(codes(computeFlags(blank, DEFAULT_SETTINGS, now))).toEqual(["learning_gap", "no_stretch", "one_on_one_overdue"]);
  });
});

describe("a new reporting line", () => {
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
  const longKnown = { ...healthy, addedAt: daysAgo(900) };
  const overdue = (f: PersonFacts) => computeFlags(f, DEFAULT_SETTINGS, now).find((x) => x.code === "one_on_one_overdue");

  it("reassigned this morning, with no 1:1 with the new manager yet: not overdue until a first 1:1 could have been held", () => {
    expect(overdue({ ...longKnown, lastOneOnOne: null, managerSince: daysAgo(0) })).toBeUndefined();
    expect(overdue({ ...longKnown, lastOneOnOne: null, managerSince: daysAgo(21) })).toBeUndefined();
    expect(overdue({ ...longKnown, lastOneOnOne: null, managerSince: daysAgo(22) })?.reason).toBe("No 1:1 held yet with the current manager");
    // Without a line of its own, the line began when they were added.
    expect(overdue({ ...longKnown, lastOneOnOne: null })?.reason).toBe("No 1:1 held yet with the current manager");
  });

  it("back with a manager they had 1:1s with long ago: the old 1:1 dates the reason, the new line the grace", () => {
    const back = { ...longKnown, lastOneOnOne: daysAgo(300) };
    expect(overdue({ ...back, managerSince: daysAgo(3) })).toBeUndefined();
    const later = overdue({ ...back, managerSince: daysAgo(30) });
    expect(later?.reason).toBe("Last 1:1 was 300 days ago (cadence every 14 days)");
    // Severity follows the shorter of the two: 30 days into the line is a notice, not yet a warning (42).
    expect(later?.severity).toBe("notice");
    expect(overdue({ ...back, managerSince: daysAgo(43) })?.severity).toBe("warning");
  });
});

describe("formatMonths", () => {
  it("says less than a month for a role that changed this month, not 0 months", () => {
    expect(formatMonths(0)).toBe("< 1 mo");
    expect(formatMonths(1)).toBe("1 mo");
    expect(formatMonths(12)).toBe("1 yr");
    expect(formatMonths(27)).toBe("2 yr 3 mo");
  });
});
