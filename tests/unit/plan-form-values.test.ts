import { describe, expect, it } from "vitest";
import { winLink } from "@/components/plan/plan-form-values";

describe("a win's “linked to” as its edit form opens it", () => {
  it("is its goal, else its rotation, else the purpose, else nothing: an unlinked win opened as the purpose was linked to it by any edit", () => {
    expect(winLink({ goalId: "g", rotationId: "r", linksPurpose: true })).toBe("goal:g");
    expect(winLink({ goalId: null, rotationId: "r", linksPurpose: false })).toBe("rotation:r");
    expect(winLink({ goalId: null, rotationId: null, linksPurpose: true })).toBe("purpose");
    // Its goal deleted: the win stays, linked to nothing.
    expect(winLink({ goalId: null, rotationId: null, linksPurpose: false })).toBe("");
  });
});
