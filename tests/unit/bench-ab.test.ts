import { describe, expect, it } from "vitest";
import { abOrder, summarizeAb, type AbSample } from "../bench/ab-report";

const s = (side: "base" | "head", round: number, page: string, app: number, db = 0, rps = 100): AbSample => ({ side, round, page, app, db, rps });

describe("bench:ab's comparison", () => {
  it("takes each build's median over rounds and the change in CPU per request", () => {
    const rows = summarizeAb([
      s("base", 1, "login", 6), s("base", 1, "subtree", 24, 16),
      s("base", 2, "login", 6), s("base", 2, "subtree", 26, 16),
      s("base", 3, "login", 6), s("base", 3, "subtree", 40, 15),
      s("head", 1, "login", 6), s("head", 1, "subtree", 21, 11),
      s("head", 2, "login", 6), s("head", 2, "subtree", 22, 11),
      s("head", 3, "login", 6), s("head", 3, "subtree", 21, 10),
    ]);
    const sub = rows.find((r) => r.page === "subtree")!;
    expect(sub.base).toMatchObject({ app: 26, db: 16 });
    expect(sub.head).toMatchObject({ app: 21, db: 11 });
    expect(sub.cpuChange).toBe(-0.24); // 42 → 32 ms
    expect(rows.find((r) => r.page === "login")!.perLoginChange).toBeNull();
  });

  it("divides each page by /login measured on the same server in the same round, so a machine that slowed down between builds cancels out", () => {
    // The head build ran while the machine was 50% slower: every request, /login too, cost 1.5×.
    const rows = summarizeAb([
      s("base", 1, "login", 6), s("base", 1, "person", 12),
      s("head", 1, "login", 9), s("head", 1, "person", 16.2),
    ]);
    const person = rows.find((r) => r.page === "person")!;
    expect(person.cpuChange).toBe(0.35); // raw CPU says 35% worse
    expect(person.base.perLogin).toBe(2);
    expect(person.head.perLogin).toBe(1.8);
    expect(person.perLoginChange).toBe(-0.1); // relative to /login, 10% better
    expect(person.rounds).toEqual({ base: [2], head: [1.8] });
  });

  it("has no per-login figure for a round whose /login was not measured", () => {
    const [row] = summarizeAb([s("base", 1, "team", 10), s("head", 1, "team", 9)]);
    expect(row!.base.perLogin).toBeNull();
    expect(row!.perLoginChange).toBeNull();
    expect(row!.rounds.base).toEqual([null]);
  });

  it("alternates which build runs first, round by round", () => {
    expect(abOrder(3).map((o) => `${o.round}${o.side}`)).toEqual(["1base", "1head", "2head", "2base", "3base", "3head"]);
  });
});
