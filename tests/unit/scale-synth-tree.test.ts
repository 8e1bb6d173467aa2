import { describe, expect, it } from "vitest";
import { benchPicks, buildTree } from "@/db/synth/tree";
import { parseArgs } from "@/db/synth/args";

describe("the synthetic organization's tree", () => {
  const tree = buildTree(10_000, 42);

  it("is deterministic for a seed and differs between seeds", () => {
    expect(buildTree(10_000, 42)).toEqual(tree);
    expect(buildTree(10_000, 43).map((p) => p.email)).not.toEqual(tree.map((p) => p.email));
  });

  it("is one tree, 5–7 levels deep, with about one manager per 7–8 people", () => {
    expect(tree).toHaveLength(10_000);
    expect(tree.filter((p) => p.managerIdx === null)).toHaveLength(1);
    for (const p of tree) if (p.managerIdx !== null) expect(p.managerIdx).toBeLessThan(p.idx);
    const depth = Math.max(...tree.map((p) => p.depth));
    expect(depth).toBeGreaterThanOrEqual(5);
    expect(depth).toBeLessThanOrEqual(7);
    const managers = tree.filter((p) => p.reports > 0).length;
    expect(tree.length / managers).toBeGreaterThan(6);
    expect(tree.length / managers).toBeLessThan(9);
    expect(new Set(tree.map((p) => p.email)).size).toBe(tree.length);
  });

  it("counts reports and subtrees consistently", () => {
    const byIdx = new Map(tree.map((p) => [p.idx, p]));
    const reports = new Map<number, number>();
    for (const p of tree) if (p.managerIdx) reports.set(p.managerIdx, (reports.get(p.managerIdx) ?? 0) + 1);
    for (const p of tree) expect(p.reports).toBe(reports.get(p.idx) ?? 0);
    expect(byIdx.get(1)!.subtree).toBe(tree.length - 1);
  });

  it("has the accounts the bench needs", () => {
    const { manager, director, admin, report } = benchPicks(tree);
    expect(manager.reports).toBe(8);
    expect(manager.subtree).toBe(8);
    expect(Math.abs(director.subtree - 400)).toBeLessThan(100);
    expect(admin.admin).toBe(true);
    expect(report.managerIdx).toBe(manager.idx);
  });
});

describe("db:synth arguments", () => {
  it("defaults to 10,000 people and validates", () => {
    expect(parseArgs([])).toMatchObject({ people: 10_000, seed: 42, reset: false });
    expect(parseArgs(["--people", "500", "--reset", "--seed", "7"])).toMatchObject({ people: 500, seed: 7, reset: true });
    expect(parseArgs(["--people", "5"])).toMatch(/--people/);
    expect(parseArgs(["--people", "abc"])).toMatch(/--people/);
    expect(parseArgs(["--bogus"])).toMatch(/Unknown option/);
    expect(parseArgs(["--now", "not a date"])).toMatch(/--now/);
  });
});
