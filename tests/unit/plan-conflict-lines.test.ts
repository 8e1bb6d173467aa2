import { describe, expect, it } from "vitest";
import { mergeAfterConflict } from "@/components/ui/merge-after-conflict";
import { conflictLines, spellChoice, spellDate, spellText, spellYesNo } from "@/components/plan/conflict-lines";
import { GOAL_FIELDS, progressLine } from "@/components/plan/goal-fields";
import { goalFormValues, purposeFormValues, winFormValues } from "@/components/plan/plan-form-values";
import { GOAL_STATUS_LABEL } from "@/lib/plan/labels";
import type { GoalDto, WinDto } from "@/lib/plan/dto";


const goal = (over: Partial<GoalDto>): GoalDto => ({
  id: "g1",
  title: "QA goal conflict",
  description: "",
  category: "stretch_assignment",
  status: "proposed",
  targetOn: null,
  progress: 0,
  servesPurpose: false,
  version: 1,
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
  updates: [],
  ...over,
});

describe("a growth-plan edit form after someone else saved first", () => {
  it("QA's case: Eli's new title is kept, and every field Maya changed shows her value, named in words", () => {
    const base = goalFormValues(goal({}));
    const typed = { ...base, title: "Eli's new title" };
    const saved = goalFormValues(goal({ status: "active", category: "mentoring", servesPurpose: true, description: "Maya: agreed in 1:1", version: 2 }));
    const merged = mergeAfterConflict(typed, base, saved);
    // What a second save posts: Eli's title and everything else as Maya saved it.
    expect(merged.values).toEqual({ title: "Eli's new title", description: "Maya: agreed in 1:1", category: "mentoring", status: "active", targetOn: "", servesPurpose: "true" });
    expect(conflictLines(merged.clashes, GOAL_FIELDS)).toEqual([
      { key: "description", label: "Description", text: "changed from empty to “Maya: agreed in 1:1”; the form shows it now." },
      { key: "category", label: "Category", text: "changed from Stretch assignment to Mentoring or leading; the form shows it now." },
      { key: "status", label: "Status", text: "changed from Proposed to Active; the form shows it now." },
      { key: "servesPurpose", label: "Serves the purpose", text: "changed from No to Yes; the form shows it now." },
    ]);
  });

  it("names a field edited on both sides with both values, theirs and the kept one, and leaves out fields nobody else changed", () => {
    const base = goalFormValues(goal({ targetOn: "2031-05-01" }));
    const typed = { ...base, targetOn: "2031-06-15", description: "Mine" };
    const saved = goalFormValues(goal({ targetOn: "2031-07-01" }));
    const merged = mergeAfterConflict(typed, base, saved);
    expect(merged.values.targetOn).toBe("2031-06-15");
    expect(merged.values.description).toBe("Mine");
    expect(conflictLines(merged.clashes, GOAL_FIELDS)).toEqual([{ key: "targetOn", label: "Target date", text: "they saved 1 Jul 2031; yours, 15 Jun 2031, is kept." }]);
  });

  it("spells values as the form shows them", () => {
    expect(spellText("  ")).toBe("empty");
    expect(spellText(" Lead ")).toBe("“Lead”");
    expect(spellChoice(GOAL_STATUS_LABEL)("dropped")).toBe("Dropped");
    // A value the labels do not know is named as saved, not hidden.
    expect(spellChoice(GOAL_STATUS_LABEL)("paused")).toBe("paused");
    expect(spellChoice({}, "no link")("")).toBe("no link");
    expect(spellYesNo("false")).toBe("No");
    expect(spellDate("")).toBe("no date");
    expect(spellDate("2026-03-31")).toBe("31 Mar 2026");
  });
});

describe("plan items as their edit forms hold them", () => {
  it("gives every field a string: a missing date is empty, a checkbox true or false", () => {
    expect(goalFormValues(goal({ targetOn: null, servesPurpose: true }))).toMatchObject({ targetOn: "", servesPurpose: "true" });
    expect(purposeFormValues(null)).toEqual({ drewMe: "", impact: "", worthEffort: "" });
  });

  it("reads a win's link as the form's one choice: its goal, else its rotation, else the purpose", () => {
    const win = (over: Partial<WinDto>): WinDto => ({ id: "w", title: "t", description: "", occurredOn: "2026-01-02", goalId: null, goalTitle: null, rotationId: null, rotationHost: null, linksPurpose: false, authorName: null, version: 1, ...over });
    expect(winFormValues(win({ goalId: "g", rotationId: "r" })).link).toBe("goal:g");
    expect(winFormValues(win({ rotationId: "r" })).link).toBe("rotation:r");
    expect(winFormValues(win({ linksPurpose: true }))).toMatchObject({ link: "purpose", linksPurpose: "true" });
  });

  it("names a goal's progress that moved behind the form, and nothing when it did not", () => {
    expect(progressLine(20, 60)).toEqual([{ key: "progress", label: "Progress", text: "changed from 20% to 60% (with a progress update; this form does not change it)." }]);
    expect(progressLine(20, 20)).toEqual([]);
    expect(progressLine(20, undefined)).toEqual([]);
  });
});

describe("who saved first, in the note's words", () => {
  const clashes = { title: { kind: "kept" as const, typed: "Mine", saved: "Theirs" }, status: { kind: "taken" as const, was: "proposed", saved: "active" } };
  it("names the person, or the viewer's other tab, or nobody when the server could not tell", async () => {
    const { savedByWords } = await import("@/components/plan/saved-by-words");
    const { clashNote } = await import("@/components/ui/merge-after-conflict");
    const maya = savedByWords({ you: false, name: "Maya Manager" });
    expect(maya.first).toBe("Maya Manager saved a change first.");
    expect(conflictLines(clashes, GOAL_FIELDS, maya.they).map((l) => l.text)).toEqual([
      "Maya Manager saved “Theirs”; yours, “Mine”, is kept.",
      "changed from Proposed to Active; the form shows it now.",
    ]);
    expect(clashNote(clashes.status, GOAL_FIELDS.status.spell, maya.who)).toBe("Maya Manager changed this from Proposed to Active meanwhile.");
    const you = savedByWords({ you: true });
    expect(you.first).toBe("You saved a change in another tab or window first.");
    expect(conflictLines(clashes, GOAL_FIELDS, you.they)[0]!.text).toBe("your other tab or window saved “Theirs”; yours, “Mine”, is kept.");
    expect(clashNote(clashes.status, GOAL_FIELDS.status.spell, you.who)).toBe("You, in another tab or window, changed this from Proposed to Active meanwhile.");
    for (const unknown of [null, { you: false as const, name: null }]) {
      expect(savedByWords(unknown).first).toBe("Someone else saved a change first.");
      expect(conflictLines(clashes, GOAL_FIELDS, savedByWords(unknown).they)[0]!.text).toBe("they saved “Theirs”; yours, “Mine”, is kept.");
    }
  });
});
