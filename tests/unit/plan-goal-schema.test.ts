import { describe, expect, it } from "vitest";
import { goalCreate } from "@/lib/plan/schemas";
import { TARGET_IN_PAST } from "@/lib/plan/target-date";

const today = new Date().toISOString().slice(0, 10);
const fields = (input: Record<string, unknown>) =>
  Object.fromEntries((goalCreate.safeParse({ category: "stretch_assignment", today, ...input }).error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("a new stretch goal's fields", () => {
  it("names a past target date together with another wrong field, not one save after the other", () => {
    const found = fields({ title: "x".repeat(1000), targetOn: "2020-01-01" });
    expect(Object.keys(found).sort()).toEqual(["targetOn", "title"]);
    expect(found.targetOn).toBe(TARGET_IN_PAST);
  });

  it("takes a target from today on, or a past one on a goal already done", () => {
    expect(fields({ title: "Pilot contract tests", targetOn: today })).toEqual({});
    expect(fields({ title: "Pilot contract tests", targetOn: "2020-01-01", status: "done" })).toEqual({});
    expect(fields({ title: "Pilot contract tests", targetOn: "2020-01-01" })).toEqual({ targetOn: TARGET_IN_PAST });
  });
});
