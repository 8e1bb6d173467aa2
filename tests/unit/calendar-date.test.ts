import { describe, expect, it } from "vitest";
import { z } from "zod";
import { calendarDate, isUsableDate } from "@/lib/calendar-date";
import { learningCreate, winCreate, goalCreate } from "@/lib/plan/schemas";
import { rotationInput, titleTeamInput } from "@/lib/people/schemas";

const fieldErrors = (schema: z.ZodType, input: unknown): Record<string, string[] | undefined> => (schema.safeParse(input).error ? z.flattenError(schema.safeParse(input).error!).fieldErrors : {});

describe("a calendar-day field", () => {
  it("says once what is wrong: the shape, a day that does not exist, a year before 1900", () => {
    const day = calendarDate("Use a date like 2026-03-31.");
    expect(day.safeParse("2026-03-31").data).toBe("2026-03-31");
    expect(day.safeParse(" 1900-01-01 ").data).toBe("1900-01-01");
    expect(day.safeParse("31/03/2026").error?.issues.map((i) => i.message)).toEqual(["Use a date like 2026-03-31."]);
    expect(day.safeParse("2026-02-30").error?.issues.map((i) => i.message)).toEqual(["That date does not exist."]);
    // PostgreSQL has no year 0: this one passed the shape and failed the insert (a 500).
    expect(day.safeParse("0000-01-01").error?.issues.map((i) => i.message)).toEqual(["Use a date from 1900 on."]);
    expect(day.safeParse("1899-12-31").error?.issues.map((i) => i.message)).toEqual(["Use a date from 1900 on."]);
    // Left empty, or not sent, is said as such: "Use a date like …" read as if something typed were wrong.
    expect(day.safeParse("").error?.issues.map((i) => i.message)).toEqual(["Enter a date."]);
    expect(day.safeParse("  ").error?.issues.map((i) => i.message)).toEqual(["Enter a date."]);
    expect(day.safeParse(undefined).error?.issues.map((i) => i.message)).toEqual(["Enter a date."]);
    expect(day.safeParse(20260331).error?.issues.map((i) => i.message)).toEqual(["Use a date like 2026-03-31."]);
    expect(isUsableDate("0001-01-01")).toBe(false);
    expect(isUsableDate("9999-12-31")).toBe(true);
  });

  it("is what the plan's and the person page's date fields use", () => {
    expect(fieldErrors(winCreate, { title: "x", occurredOn: "0000-01-01", linksPurpose: true })).toEqual({ occurredOn: ["Use a date from 1900 on."] });
    expect(fieldErrors(winCreate, { title: "x", occurredOn: "", linksPurpose: true })).toEqual({ occurredOn: ["Enter a date."] });
    expect(fieldErrors(learningCreate, { kind: "book", title: "x", status: "done", startedOn: "0000-01-01", completedOn: "0000-02-01" })).toMatchObject({
      startedOn: ["Use a date from 1900 on."],
      completedOn: ["Use a date from 1900 on."],
    });
    expect(fieldErrors(goalCreate, { title: "x", category: "mentoring", targetOn: "0000-01-01" })).toEqual({ targetOn: ["Use a date from 1900 on."] });
    expect(fieldErrors(rotationInput, { host: "Payments", startOn: "0000-01-01", learningGoal: "" })).toMatchObject({ startOn: ["Use a date from 1900 on."] });
    const titleTeam = { title: "x", team: "y", basedOnTitle: "x", basedOnTeam: "y" };
    expect(fieldErrors(titleTeamInput, { ...titleTeam, effectiveOn: "0000-01-01" })).toEqual({ effectiveOn: ["Use a date from 1900 on."] });
    expect(titleTeamInput.safeParse({ ...titleTeam, effectiveOn: " " }).data?.effectiveOn).toBeUndefined();
  });

  it("left empty is none; a bad one is named, not 'Invalid input' (a union with \"\" said only that)", () => {
    const rotation = { host: "Payments", startOn: "2026-01-05", learningGoal: "" };
    expect(fieldErrors(rotationInput, { ...rotation, plannedEndOn: "2026-02-30" })).toEqual({ plannedEndOn: ["That date does not exist."] });
    expect(rotationInput.safeParse({ ...rotation, plannedEndOn: "" }).data?.plannedEndOn).toBeNull();
    expect(rotationInput.safeParse(rotation).data?.plannedEndOn).toBeNull();
  });
});

describe("a date that is no date", () => {
  it("is told only that: not also that a win has happened or that the planned end is before the start", () => {
    for (const occurredOn of ["x", "2026/01/01", "2026-13-01", "0000-01-01"]) {
      expect(fieldErrors(winCreate, { title: "x", occurredOn, linksPurpose: true }).occurredOn, occurredOn).toHaveLength(1);
    }
    expect(fieldErrors(rotationInput, { host: "Payments", startOn: "2026-01-05", plannedEndOn: "0000-01-01", learningGoal: "" })).toEqual({ plannedEndOn: ["Use a date from 1900 on."] });
    // Both parsed: the rules between them still speak.
    expect(fieldErrors(rotationInput, { host: "Payments", startOn: "2026-01-05", plannedEndOn: "2026-01-01", learningGoal: "" })).toEqual({ plannedEndOn: ["The planned end is before the start."] });
  });
});
