import { describe, expect, it } from "vitest";
import type { PrepBrief } from "@/lib/meetings/prep";
import { prepBriefData } from "@/lib/meetings/prep-view";

const brief: PrepBrief = {
  since: "2026-11-15T10:00:00.000Z",
  goals: [{ id: "g1", title: "Pilot contract tests", progress: 40, updatesSince: 2, status: "active" }],
  lastCheckIn: { meetingId: "m0", energy: 4, meaningful: "Pairing", goingThroughMotions: "", learnNext: "Rust for build tools" },
  rotation: { host: "Mobile", status: "active", startOn: "2026-09-01" },
  wins: [{ id: "w1", title: "Shipped search", occurredOn: "2026-11-20" }],
  learning: [{ id: "l1", title: "Rust book", status: "in_progress" }],
  pulse: {
    points: [
      { id: "c0", weekStart: "2026-11-02", rust: 2.0, answers: { energy: 3, challenge: 4, learning: 3, purpose: 4, connection: 4 } as never, comment: "BEFORE-THE-LAST-1:1" },
      { id: "c1", weekStart: "2026-11-16", rust: 2.4, answers: { energy: 3, challenge: 4, learning: 3, purpose: 4, connection: 4 } as never, comment: "Busy week, little time to learn" },
    ],
    change: 0.4,
  },
  openActions: [
    { id: "a1", body: "Draft the RFC", ownerId: "m-eli", dueOn: "2026-11-20", meetingId: "x" },
    { id: "a2", body: "Book the room", ownerId: "m-gone", dueOn: null, meetingId: "x" },
  ],
  flags: [{ code: "role_stale", severity: "warning", reason: "Same role for 27 months (threshold 24)", selfReason: "Your role hasn't changed in 27 months" }],
};
const names = { "m-eli": "Eli Novak" };

describe("the prep brief's data for the browser", () => {
  it("names an action item's owner, and the viewer's own as “you”", () => {
    expect(prepBriefData(brief, false, names, "m-maya").openActions.map((a) => a.owner)).toEqual(["Eli Novak", "someone"]);
    expect(prepBriefData(brief, true, names, "m-eli").openActions.map((a) => a.owner)).toEqual(["you", "someone"]);
  });

  it("carries one wording of each flag: the person's own, or the manager's", () => {
    expect(prepBriefData(brief, true, names).flags).toEqual([{ code: "role_stale", severity: "warning", reason: "Your role hasn't changed in 27 months" }]);
    expect(prepBriefData(brief, false, names).flags[0]!.reason).toBe("Same role for 27 months (threshold 24)");
  });

  it("keeps the pulse answers on the server, and carries what was added since the last 1:1", () => {
    const json = JSON.stringify(prepBriefData(brief, false, names));
    expect(json).not.toContain("challenge");
    expect(json).not.toContain("BEFORE-THE-LAST-1:1");
    expect(prepBriefData(brief, false, names).pulse).toEqual({
      points: [
        { weekStart: "2026-11-02", rust: 2.0 },
        { weekStart: "2026-11-16", rust: 2.4 },
      ],
      change: 0.4,
      trend: "rust up 0.4 since the last 1:1: worse",
      comments: [{ weekStart: "2026-11-16", comment: "Busy week, little time to learn" }],
    });
    // Before a first 1:1, the latest ones.
    expect(prepBriefData({ ...brief, since: null }, true, names).pulse!.comments.map((c) => c.weekStart)).toEqual(["2026-11-16", "2026-11-02"]);
  });

  it("names owners and dates what is due (the browser judges what is overdue)", () => {
    expect(prepBriefData(brief, false, names).openActions).toEqual([
      { id: "a1", body: "Draft the RFC", owner: "Eli Novak", due: "20 Nov 2026", dueOn: "2026-11-20" },
      { id: "a2", body: "Book the room", owner: "someone", due: null, dueOn: null },
    ]);
    // Dates as the page writes them elsewhere, not as stored.
    expect(prepBriefData(brief, false, names)).toMatchObject({
      rotation: "Mobile (active, since 1 Sept 2026)",
      wins: [{ id: "w1", title: "Shipped search", occurredOn: "20 Nov 2026" }],
      learning: [{ id: "l1", title: "Rust book", status: "in progress" }],
    });
  });

  it("says the pulse's change in words, better or worse, and that none came since the last 1:1", () => {
    const trend = (change: number | null, since = brief.since) => prepBriefData({ ...brief, since, pulse: { ...brief.pulse!, change } }, false, names).pulse!.trend;
    expect(trend(-1.2)).toBe("rust down 1.2 since the last 1:1: better");
    expect(trend(0)).toBe("unchanged since the last 1:1");
    expect(trend(null, "2026-11-30T10:00:00.000Z")).toBe("no check-in since the last 1:1");
    expect(trend(null, null)).toBeNull();
  });
});
