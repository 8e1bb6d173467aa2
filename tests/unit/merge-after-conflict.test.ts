import { describe, expect, it } from "vitest";
import { clashNote, mergeAfterConflict, sameNumber } from "@/components/ui/merge-after-conflict";

describe("a form after someone else saved first", () => {
  it("keeps what was typed in the fields edited here, and shows what is saved in the fields left alone", () => {
    // Tab 2 was based on Engineer / Core and changed only the team; tab 1 meanwhile saved the title.
    const merged = mergeAfterConflict({ title: "Engineer", team: "Platform" }, { title: "Engineer", team: "Core" }, { title: "Senior Engineer", team: "Core" });
    expect(merged.values).toEqual({ title: "Senior Engineer", team: "Platform" });
    // The team was not changed meanwhile: nothing to say there. The title was: the field says so.
    expect(merged.clashes).toEqual({ title: { kind: "taken", was: "Engineer", saved: "Senior Engineer" } });
  });

  it("says at a field edited on both sides what is saved, and keeps what was typed", () => {
    const merged = mergeAfterConflict({ gap: "7", notice: "12" }, { gap: "6", notice: "12" }, { gap: "9", notice: "14" }, sameNumber);
    expect(merged.values).toEqual({ gap: "7", notice: "14" });
    expect(merged.clashes).toEqual({ gap: { kind: "kept", typed: "7", saved: "9" }, notice: { kind: "taken", was: "12", saved: "14" } });
    expect(clashNote(merged.clashes.gap!)).toBe("Someone else saved 9 here meanwhile; your 7 is kept. Save to use yours, or put theirs back.");
    expect(clashNote(merged.clashes.notice!)).toBe("Someone else changed this from 12 to 14 meanwhile.");
  });

  it("has nothing to say where both typed the same, and compares numbers as numbers and text as saved (trimmed)", () => {
    expect(mergeAfterConflict({ score: "3.50" }, { score: "4" }, { score: "3.5" }, sameNumber)).toEqual({ values: { score: "3.50" }, clashes: {} });
    expect(mergeAfterConflict({ title: "Lead " }, { title: "Lead" }, { title: "Lead" })).toEqual({ values: { title: "Lead" }, clashes: {} });
    // A field emptied here is an edit too, and is kept.
    expect(mergeAfterConflict({ score: "" }, { score: "4" }, { score: "5" }, sameNumber).values).toEqual({ score: "" });
  });
});
