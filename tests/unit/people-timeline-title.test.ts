import { describe, expect, it } from "vitest";
import { timelineAhead } from "@/lib/people/timeline-title";

const dir = { title: "Engineer", team: "Payments" };
const ev = (effectiveOn: string, newTitle: string | null, newTeam: string | null = null) => ({ effectiveOn, newTitle, newTeam });

describe("where the role timeline has moved on from the directory", () => {
  it("is nowhere when the latest title and team events say what the directory says", () => {
    expect(timelineAhead([ev("2026-01-01", "Engineer", "Payments")], dir, "2026-11-30")).toBeNull();
    expect(timelineAhead([], dir, "2026-11-30")).toBeNull();
    // A scope change (no title, no team) says nothing about either.
    expect(timelineAhead([ev("2026-11-01", null), ev("2025-01-01", "Engineer", "Payments")], dir, "2026-11-30")).toBeNull();
  });

  it("is the title a manager's promotion recorded, once it has happened", () => {
    expect(timelineAhead([ev("2026-11-01", "Senior Engineer"), ev("2025-01-01", "Engineer", "Payments")], dir, "2026-11-30")).toEqual({ title: { value: "Senior Engineer", since: "2026-11-01" }, team: null });
    expect(timelineAhead([ev("2026-12-01", "Senior Engineer")], dir, "2026-11-30")).toBeNull();
  });

  it("is nothing for an admin's change dated ahead: the directory took it now, the latest event is still to come", () => {
    expect(timelineAhead([ev("2027-01-01", "Staff Engineer"), ev("2025-01-01", "Engineer")], { ...dir, title: "Staff Engineer" }, "2026-11-30")).toBeNull();
  });

  it("tells the team apart from the title", () => {
    expect(timelineAhead([ev("2026-10-01", null, "Platform"), ev("2025-01-01", "Engineer", "Payments")], dir, "2026-11-30")).toEqual({ title: null, team: { value: "Platform", since: "2026-10-01" } });
  });
});
