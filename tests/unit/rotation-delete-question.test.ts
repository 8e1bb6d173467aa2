import { describe, expect, it } from "vitest";
import { rotationDeleteQuestion } from "@/lib/plan/labels";

describe("rotationDeleteQuestion", () => {
  it("says what happens to the wins linked to the rotation", () => {
    expect(rotationDeleteQuestion(0)).toBe("Delete this rotation and its timeline events?");
    expect(rotationDeleteQuestion(1)).toBe("Delete this rotation and its timeline events? The win linked to it stays, no longer linked to a rotation.");
    expect(rotationDeleteQuestion(3)).toBe("Delete this rotation and its timeline events? The 3 wins linked to it stay, no longer linked to a rotation.");
  });
  it("tells a viewer who may not read wins the rule, without a count", () => {
    expect(rotationDeleteQuestion(null)).toBe("Delete this rotation and its timeline events? Any win linked to it stays, no longer linked to a rotation.");
  });
});
