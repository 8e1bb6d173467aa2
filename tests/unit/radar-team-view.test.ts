import { describe, expect, it } from "vitest";
import { filterRadar, pageOf, parseTeamQuery, sortRadar } from "@/lib/radar/team-view";
import { groupsToShow, protectPulse } from "@/lib/radar/org-pulse";

const p = (name: string, risk: "none" | "watch" | "at_risk", months: number, codes: string[] = [], team = "A") => ({
  name,
  risk,
  monthsInRole: months,
  team,
  flags: codes.map((code) => ({ code: code as never })),
});

describe("team view", () => {
  it("sorts by risk, then flag count, then time in role", () => {
    const rows = [p("Ann", "none", 40), p("Bo", "watch", 3, ["no_stretch"]), p("Cy", "at_risk", 27, ["role_stale", "no_stretch", "learning_gap"]), p("Di", "watch", 20, ["role_stale"])];
    expect(sortRadar(rows, "risk").map((r) => r.name)).toEqual(["Cy", "Di", "Bo", "Ann"]);
    expect(sortRadar(rows, "months").map((r) => r.name)).toEqual(["Ann", "Cy", "Di", "Bo"]);
  });
  it("filters by flag and team", () => {
    const rows = [p("Ann", "watch", 3, ["no_stretch"], "A"), p("Bo", "watch", 3, ["no_stretch"], "B"), p("Cy", "none", 1, [], "B")];
    expect(filterRadar(rows, { flag: "no_stretch", team: "B" }).map((r) => r.name)).toEqual(["Bo"]);
    expect(filterRadar(rows, { flag: null, team: null })).toHaveLength(3);
  });
  it("parses searchParams, ignoring unknown values", () => {
    expect(parseTeamQuery({ sort: "drop table", flag: "nope", view: "subtree" })).toEqual({ sort: "risk", flag: null, team: null, subtree: true, page: 1 });
    expect(parseTeamQuery({ sort: "months", flag: "role_stale", team: "Mobile" })).toMatchObject({ sort: "months", flag: "role_stale", team: "Mobile" });
    expect(parseTeamQuery({ page: "3" }).page).toBe(3);
    expect(parseTeamQuery({ page: "-1" }).page).toBe(1);
    expect(parseTeamQuery({ page: "2.5" }).page).toBe(1);
  });
  it("renders a long subtree a page at a time", () => {
    const all = Array.from({ length: 120 }, (_, i) => i);
    expect(pageOf(all, 1, 50)).toEqual({ items: all.slice(0, 50), page: 1, pages: 3 });
    expect(pageOf(all, 3, 50).items).toEqual(all.slice(100));
    expect(pageOf(all, 9, 50).page).toBe(3); // past the end: the last page
    expect(pageOf([], 1, 50)).toEqual({ items: [], page: 1, pages: 1 });
  });
});

describe("pulse aggregates protect individuals", () => {
  it("shows an average only for at least five respondents", () => {
    expect(protectPulse(4, 12)).toEqual({ pulse: null, pulseSuppressed: true });
    // No response at all is hidden exactly like a few: told apart, a team of one would show whether its person answered.
    expect(protectPulse(0, null)).toEqual({ pulse: null, pulseSuppressed: true });
    expect(protectPulse(0, null)).toEqual(protectPulse(1, 3));
    expect(protectPulse(5, 12.5)).toEqual({ pulse: { responses: 5, avgRust: 2.5 }, pulseSuppressed: false });
  });

  it("hides team pulses whose sum would let the whole minus the shown teams reveal a small group", () => {
    // QA's case: Mobile 6 and Platform 6 shown, one respondent elsewhere, 13 in all → 13 − 6 − 6 = one person.
    expect(groupsToShow([6, 6, 1], 13)).toEqual([true, false, false]);
    expect(groupsToShow([6, 6, 5], 17)).toEqual([true, true, true]); // nothing left over
    expect(groupsToShow([6, 6, 3, 2], 17)).toEqual([true, true, false, false]); // 5 left over: a group large enough
    expect(groupsToShow([5, 7, 2], 14)).toEqual([false, true, false]); // the smallest shown goes first: 7 left over
    expect(groupsToShow([5, 1], 6)).toEqual([false, false]); // one team and one person: only the whole is shown
    expect(groupsToShow([], 0)).toEqual([]);
    // Whatever is shown, the hidden remainder is never 1–4 people.
    for (const [ns, total] of [[[9, 8, 7, 1, 1], 26], [[5, 5, 5, 4], 19], [[12, 3], 15]] as [number[], number][]) {
      const show = groupsToShow(ns, total);
      const rest = total - ns.reduce((s, n, i) => (show[i] ? s + n : s), 0);
      expect(rest === 0 || rest >= 5, `${ns} → ${show}`).toBe(true);
      expect(show.every((v, i) => !v || ns[i]! >= 5)).toBe(true);
    }
  });
});
