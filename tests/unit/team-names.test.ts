import { describe, expect, it } from "vitest";
import { closeTeamName } from "@/lib/radar/team-names";

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
