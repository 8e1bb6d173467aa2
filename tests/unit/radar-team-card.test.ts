import { describe, expect, it } from "vitest";
import { subtreeRow, teamCard, type SubtreeRowPerson, type TeamCardPerson } from "@/lib/radar/team-card";
import type { Flag } from "@/lib/radar/rules";

const now = new Date("2026-11-29T12:00:00Z");
const stale: Flag = { code: "role_stale", severity: "warning", reason: "Same role for 27 months (threshold 24)", selfReason: "Your role hasn't changed in 27 months" };
const gap: Flag = { code: "learning_gap", severity: "notice", reason: "No learning logged for 7 months", selfReason: "You haven't logged learning in 7 months" };

const person = (over: Partial<TeamCardPerson & SubtreeRowPerson> = {}): TeamCardPerson & SubtreeRowPerson => ({
  id: "p1",
  name: "Eli Novak",
  title: "Backend Engineer",
  team: "Payments",
  roleSince: "2024-08-01",
  roleStartRecorded: true,
  monthsInRole: 27,
  risk: "at_risk",
  flags: [stale, gap],
  lastOneOnOne: new Date("2026-11-19T12:00:00Z"),
  nextOneOnOne: new Date("2026-12-03T12:00:00Z"),
  activeGoalTitles: ["Pilot contract tests", "Mentor Sam"],
  activeRotation: "Mobile",
  depth: 1,
  managerName: "Maya Patel",
  ...over,
});

describe("the /team card's data", () => {
  it("says everything the card shows, decided on the server", () => {
    expect(teamCard(person(), now)).toEqual({
      id: "p1",
      name: "Eli Novak",
      subtitle: "Backend Engineer · Payments",
      timeInRole: "2 yr 3 mo",
      roleSince: "1 Aug 2024",
      roleStartNote: null,
      risk: "at_risk",
      why: "At risk: same role for 27 months (threshold 24), plus 1 other flag.",
      flags: [
        { code: "role_stale", severity: "warning", reason: "Same role for 27 months (threshold 24)" },
        { code: "learning_gap", severity: "notice", reason: "No learning logged for 7 months" },
      ],
      lastOneOnOne: "19 Nov 2026 (10 days ago)",
      lastOneOnOneAt: "2026-11-19T12:00:00.000Z",
      nextOneOnOne: "3 Dec 2026 (in 4 days)",
      nextOneOnOneAt: "2026-12-03T12:00:00.000Z",
      goals: "Pilot contract tests; Mentor Sam",
      rotation: "Mobile",
    });
  });

  it("sends a manager's wording only: the sentence addressed to the person stays on the server", () => {
    expect(JSON.stringify(teamCard(person(), now))).not.toContain("Your role");
  });

  it("fills the gaps with words, not blanks", () => {
    const c = teamCard(person({ title: "", team: "", risk: "none", flags: [], lastOneOnOne: null, nextOneOnOne: null, activeGoalTitles: [], activeRotation: null }), now);
    expect(c).toMatchObject({ subtitle: "No title", why: null, flags: [], lastOneOnOne: "none yet", nextOneOnOne: "not scheduled", goals: "none active", rotation: "none" });
  });
});

describe("a subtree row", () => {
  it("names the manager only below the director's own reports, and gives every reason", () => {
    expect(subtreeRow(person(), now)).toMatchObject({ subtitle: "Backend Engineer · Payments", why: "Same role for 27 months (threshold 24); No learning logged for 7 months", lastOneOnOne: "10 days ago" });
    expect(subtreeRow(person({ depth: 2 }), now).subtitle).toBe("Backend Engineer · Payments · reports to Maya Patel");
    expect(subtreeRow(person({ flags: [], risk: "none", lastOneOnOne: null }), now)).toMatchObject({ why: "No flags", lastOneOnOne: "none yet" });
  });
});

describe("a 1:1's day on the viewer's calendar", () => {
  // Monday 30 Nov 2026, 12:00 UTC: already Tuesday 1 Dec, 01:00, in Auckland (UTC+13).
  const at = new Date("2026-11-30T12:00:00Z");

  it("is the day of the viewer's time zone, not UTC's", async () => {
    const { formatDate } = await import("@/lib/radar/format");
    const tuesday9am = new Date("2026-12-14T20:00:00Z"); // Tue 15 Dec, 09:00 in Auckland
    expect(formatDate(tuesday9am)).toBe("14 Dec 2026");
    expect(formatDate(tuesday9am, "Pacific/Auckland")).toBe("15 Dec 2026");
    // A calendar date is the same day everywhere.
    expect(formatDate("2026-12-15", "Pacific/Auckland")).toBe("15 Dec 2026");
  });

  it("counts calendar days on that clock: earlier today is today, tomorrow morning is in 1 day", async () => {
    const { relativeDays } = await import("@/lib/radar/format");
    const elevenUtc = new Date("2026-11-30T11:00:00Z"); // Tue 1 Dec 00:00 in Auckland: today there; today in UTC too
    expect(relativeDays(elevenUtc, at, "Pacific/Auckland")).toBe("today");
    expect(relativeDays(elevenUtc, at)).toBe("today");
    const lastEveningUtc = new Date("2026-11-29T23:00:00Z"); // Mon 30 Nov 12:00 in Auckland
    expect(relativeDays(lastEveningUtc, at)).toBe("1 day ago");
    expect(relativeDays(lastEveningUtc, at, "Pacific/Auckland")).toBe("1 day ago");
    // 20 hours ahead, but the next calendar day: "in 1 day", not "today" (hours rounded made it "in 1 day" only after 12 hours).
    expect(relativeDays(new Date("2026-12-01T08:00:00Z"), at)).toBe("in 1 day");
    expect(relativeDays(new Date("2026-11-30T23:59:00Z"), at)).toBe("today");
    expect(relativeDays(new Date("2026-11-30T23:59:00Z"), at, "America/Los_Angeles")).toBe("today");
    expect(relativeDays(new Date("2026-12-01T07:59:00Z"), at, "America/Los_Angeles")).toBe("today"); // 23:59 in Los Angeles
  });
});

describe("a role start no role event records", () => {
  it("is said on the card and the subtree row, as counted from when they were added", () => {
    const unknown = person({ roleSince: "2026-12-02", monthsInRole: 0, roleStartRecorded: false, risk: "none", flags: [] });
    expect(teamCard(unknown, now).roleStartNote).toBe("Role start not recorded: counted from when they were added, 2 Dec 2026.");
    expect(subtreeRow(unknown, now).roleStartNote).toBe("Role start not recorded: counted from when they were added, 2 Dec 2026.");
    expect(teamCard(person(), now).roleStartNote).toBeNull();
  });
});
