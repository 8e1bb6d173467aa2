import { describe, expect, it } from "vitest";
import { combine } from "@/lib/meetings/merge";
import { saysTheSame, suggestTalkingPoints } from "@/lib/meetings/suggestions";
import { isoWeekStart, rustScore } from "@/lib/pulse/week";

describe("merging two versions of a note", () => {
  it("keeps the shared lines once and both sides' additions", () => {
    expect(combine("Intro\nEli's line", "Intro\nMaya's line")).toBe("Intro\nMaya's line\nEli's line");
    expect(combine("A\nmine\nZ", "A\ntheirs\nZ")).toBe("A\ntheirs\nmine\nZ");
  });
  it("does not duplicate when one text contains the other", () => {
    expect(combine("abc", "abc")).toBe("abc");
    expect(combine("abc more", "abc")).toBe("abc more");
    expect(combine("abc", "abc more")).toBe("abc more");
  });
  it("keeps everything when nothing is shared", () => {
    const out = combine("mine", "theirs");
    expect(out).toContain("mine");
    expect(out).toContain("theirs");
  });
});

describe("suggested talking points", () => {
  it("puts flag-driven questions first, then the revisit-your-why ones", () => {
    const s = suggestTalkingPoints(["role_stale", "no_stretch"], []);
    expect(s[0]!.text).toBe("What part of your role would you change if you could?");
    expect(s[1]!.text).toBe("What would stretch you in the next quarter?");
    expect(s.map((x) => x.key)).toEqual(expect.arrayContaining(["why_drew", "why_impact", "why_worth"]));
  });
  it("offers only the why questions without flags, and drops what is on the agenda", () => {
    const s = suggestTalkingPoints([], [{ suggestionKey: "why_drew", body: "What drew you to this field in the first place?" }]);
    expect(s.map((x) => x.key)).toEqual(["why_impact", "why_worth", "connections"]);
  });
  it("drops a suggestion that a talking point typed by hand already asks in much the same words", () => {
    const typed = (body: string) => [{ suggestionKey: null, body }];
    // The agenda's own example, typed as shown: the same question as the "no stretch" suggestion.
    expect(suggestTalkingPoints(["no_stretch"], typed("What would stretch you next quarter?")).map((x) => x.key)).not.toContain("stretch");
    expect(suggestTalkingPoints([], typed("who would you like to WORK with, or learn from, more")).map((x) => x.key)).not.toContain("connections");
    // Another question on the same theme is not the same question: both stay.
    expect(suggestTalkingPoints(["no_stretch"], typed("Stretch goal: the payments pilot")).map((x) => x.key)).toContain("stretch");
    expect(suggestTalkingPoints([], typed("What drew you to Reignite?")).map((x) => x.key)).toContain("why_drew");
    expect(suggestTalkingPoints([], typed("")).map((x) => x.key)).toEqual(["why_drew", "why_impact", "why_worth", "connections"]);
  });
});

describe("saysTheSame", () => {
  it("needs three in four words in common, whatever the case and punctuation", () => {
    expect(saysTheSame("What would stretch you next quarter?", "What would stretch you in the next quarter?")).toBe(true);
    expect(saysTheSame("What's been on your mind?", "It's been a while since we talked — what has been on your mind?")).toBe(false);
    expect(saysTheSame("?!", "What would stretch you?")).toBe(false);
  });
});

describe("pulse arithmetic", () => {
  it("rust score is 6 minus the average answer", () => {
    expect(rustScore({ motivation: 5, skillsUsed: 5, variety: 5, purpose: 5, initiative: 5 })).toBe(1);
    expect(rustScore({ motivation: 1, skillsUsed: 1, variety: 1, purpose: 1, initiative: 1 })).toBe(5);
    expect(rustScore({ motivation: 2, skillsUsed: 3, variety: 2, purpose: 2, initiative: 3 })).toBe(3.6);
  });
  it("weeks start on Monday (UTC)", () => {
    expect(isoWeekStart(new Date("2027-01-03T23:59:00Z"))).toBe("2026-12-28");
  });
});
