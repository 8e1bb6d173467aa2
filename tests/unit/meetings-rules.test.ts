import { describe, expect, it } from "vitest";
import { combine } from "@/lib/meetings/merge";
import { suggestTalkingPoints } from "@/lib/meetings/suggestions";
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
    const s = suggestTalkingPoints([], ["why_drew"]);
    expect(s.map((x) => x.key)).toEqual(["why_impact", "why_worth", "connections"]);
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
