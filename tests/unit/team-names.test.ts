import { describe, expect, it } from "vitest";
import { closeTeamName, compareTeamNames } from "@/lib/radar/team-names";

describe("closeTeamName", () => {
  const teams = ["Platform", "Data Science", "Mobile", "mobile apps", "Ops", "OPS "];
  it("finds the team a name means but for capitals and spacing", () => {
    expect(closeTeamName("platform", teams)).toBe("Platform");
    expect(closeTeamName("  data   science ", teams)).toBe("Data Science");
    expect(closeTeamName("MOBILE", teams)).toBe("Mobile");
  });
  it("offers nothing for another name, an empty one, an exact one, or when two teams fit", () => {
    expect(closeTeamName("Platforms", teams)).toBeNull();
    expect(closeTeamName("   ", teams)).toBeNull();
    expect(closeTeamName("Platform", ["Platform"])).toBeNull();
    expect(closeTeamName("ops", teams)).toBeNull();
  });
});

describe("compareTeamNames", () => {
  it("orders teams alphabetically whatever their capitals, with no team last", () => {
    const teams = ["Platform", "design", "", "Mobile", "Engineering", null, "People", "Team 10", "Team 2"];
    expect(teams.sort(compareTeamNames)).toEqual(["design", "Engineering", "Mobile", "People", "Platform", "Team 2", "Team 10", "", null]);
  });
  it("gives two spellings of one name a fixed order", () => {
    expect(["design", "Design"].sort(compareTeamNames)).toEqual(["Design", "design"]);
    expect(["Design", "design"].sort(compareTeamNames)).toEqual(["Design", "design"]);
  });
});
