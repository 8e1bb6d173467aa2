import { describe, expect, it } from "vitest";
import { learningDateProblems, learningDatesAfter, learningDatesLabel, learningDatesOnCreate } from "@/lib/plan/learning-dates";

const today = "2026-11-30";

describe("how a learning item's dates read", () => {
  it("a planned start ahead (or today) starts, one gone by without a Start was to start; learning begun started", () => {
    expect(learningDatesLabel({ status: "planned", startedOn: "2030-01-01", completedOn: null }, today)).toBe("starts 1 Jan 2030");
    expect(learningDatesLabel({ status: "planned", startedOn: today, completedOn: null }, today)).toBe("starts 30 Nov 2026");
    expect(learningDatesLabel({ status: "planned", startedOn: "2026-10-01", completedOn: null }, today)).toBe("was to start 1 Oct 2026");
    expect(learningDatesLabel({ status: "in_progress", startedOn: today, completedOn: null }, today)).toBe("started 30 Nov 2026");
    expect(learningDatesLabel({ status: "done", startedOn: "2026-10-01", completedOn: "2026-11-03" }, today)).toBe("started 1 Oct 2026, finished 3 Nov 2026");
    expect(learningDatesLabel({ status: "planned", startedOn: null, completedOn: null }, today)).toBe("");
  });

  it("dates ahead saved before the rules read as what they claim, not as history", () => {
    expect(learningDatesLabel({ status: "done", startedOn: "2026-10-01", completedOn: "2027-09-01" }, today)).toBe("started 1 Oct 2026, finishes 1 Sept 2027");
    expect(learningDatesLabel({ status: "in_progress", startedOn: "2026-12-02", completedOn: null }, today)).toBe("starts 2 Dec 2026");
  });
});

describe("the rules on a learning item's dates", () => {
  it("find nothing wrong with learning that happened by today, or a plan of any date", () => {
    expect(learningDateProblems({ status: "done", startedOn: "2026-10-01", completedOn: today }, today, "status")).toEqual({});
    expect(learningDateProblems({ status: "planned", startedOn: "2030-01-01", completedOn: null }, today, "status")).toEqual({});
    expect(learningDateProblems({ status: "in_progress", startedOn: today, completedOn: null }, today, "status")).toEqual({});
  });

  it("name a finish ahead, a finish on learning not done, a start ahead on learning begun, and a finish before the start", () => {
    expect(learningDateProblems({ status: "done", startedOn: "2026-10-01", completedOn: "2027-09-01" }, today, "status")).toEqual({
      completedOn: "Done means it has finished: pick today or an earlier date.",
    });
    expect(learningDateProblems({ status: "planned", startedOn: null, completedOn: "2026-11-01" }, today, "status")).toEqual({
      completedOn: "Only learning that is done has a finish date: mark it done, or clear the date.",
    });
    expect(learningDateProblems({ status: "in_progress", startedOn: "2030-01-01", completedOn: null }, today, "status")).toEqual({
      status: "This starts on 1 Jan 2030: keep it planned until then, or change its start date.",
    });
    expect(learningDateProblems({ status: "in_progress", startedOn: "2030-01-01", completedOn: null }, today, "startedOn")).toEqual({
      startedOn: "It is under way, so it started today or earlier: pick a start date no later than today.",
    });
    expect(learningDateProblems({ status: "done", startedOn: "2026-11-02", completedOn: "2026-11-01" }, today, "status")).toEqual({
      completedOn: "The finish date is before the start date.",
    });
  });
});

describe("the dates learning gets", () => {
  it("when created under way without a start date: today; done without a finish date: today; a start date nobody gave is not made up", () => {
    expect(learningDatesOnCreate({ status: "in_progress" }, today)).toEqual({ status: "in_progress", startedOn: today, completedOn: null });
    // Both dates left empty on a done item read "started 30 Nov 2026, finished 30 Nov 2026": the start was invented.
    const done = learningDatesOnCreate({ status: "done" }, today);
    expect(done).toEqual({ status: "done", startedOn: null, completedOn: today });
    expect(learningDatesLabel(done, today)).toBe("finished 30 Nov 2026");
    expect(learningDatesOnCreate({ status: "done", completedOn: "2026-11-20" }, today)).toEqual({ status: "done", startedOn: null, completedOn: "2026-11-20" });
    expect(learningDatesOnCreate({ status: "done", startedOn: "2026-11-01", completedOn: "2026-11-20" }, today)).toEqual({ status: "done", startedOn: "2026-11-01", completedOn: "2026-11-20" });
    expect(learningDatesOnCreate({ status: "planned", startedOn: "2030-01-01" }, today)).toEqual({ status: "planned", startedOn: "2030-01-01", completedOn: null });
  });

  it("when Start is pressed before a planned start date it starts today; Mark done alone keeps a start ahead for the rules to name", () => {
    const planned = { status: "planned", startedOn: "2030-01-01", completedOn: null } as const;
    expect(learningDatesAfter(planned, { status: "in_progress" }, today)).toEqual({ status: "in_progress", startedOn: today, completedOn: null });
    expect(learningDatesAfter(planned, { status: "done" }, today)).toEqual({ status: "done", startedOn: "2030-01-01", completedOn: today });
    const done = { status: "done", startedOn: "2026-10-01", completedOn: "2026-11-03" } as const;
    expect(learningDatesAfter(done, { status: "in_progress" }, today)).toEqual({ status: "in_progress", startedOn: "2026-10-01", completedOn: null });
    expect(learningDatesAfter(done, { status: "done", completedOn: null }, today)).toEqual(done);
  });

  it("marked done, or edited while done, without a start date: it keeps none instead of one made up", () => {
    const planned = { status: "planned", startedOn: null, completedOn: null } as const;
    expect(learningDatesAfter(planned, { status: "done" }, today)).toEqual({ status: "done", startedOn: null, completedOn: today });
    expect(learningDatesAfter(planned, { status: "in_progress" }, today)).toEqual({ status: "in_progress", startedOn: today, completedOn: null });
    // The edit form sends every field, an empty start date as null.
    const doneNoStart = { status: "done", startedOn: null, completedOn: "2026-11-20" } as const;
    expect(learningDatesAfter(doneNoStart, { status: "done", startedOn: null, completedOn: "2026-11-20" }, today)).toEqual(doneNoStart);
  });
});
