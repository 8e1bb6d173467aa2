import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SparklineChart, type SparkPoint } from "@/components/pulse/sparkline-chart";

const render = (points: SparkPoint[]) => renderToStaticMarkup(createElement(SparklineChart, { points, label: "Jonah" }));
const xs = (html: string) => [...html.matchAll(/<circle cx="([\d.]+)"/g)].map((m) => Number(m[1]));
const path = (html: string) => /<path d="([^"]+)"/.exec(html)![1]!;

describe("the pulse sparkline", () => {
  it("places answers by week: missed weeks leave their gap and break the line, and the text alternative counts them", () => {
    // QA: weeks without a check-in were drawn evenly spaced and joined, so the trend looked continuous.
    const html = render([
      { weekStart: "2026-09-21", rust: 2 },
      { weekStart: "2026-10-05", rust: 3 },
      { weekStart: "2026-10-12", rust: 3.5 },
      { weekStart: "2026-11-30", rust: 4 },
    ]);
    const [a, b, c, d] = xs(html) as [number, number, number, number];
    // 0, 2, 3 and 10 weeks from the first: the gaps are as wide as the weeks missed.
    expect((b - a) / (c - b)).toBeCloseTo(2, 1);
    expect((d - c) / (c - b)).toBeCloseTo(7, 1);
    // Only the two answers a week apart are joined.
    expect(path(html).match(/[ML]/g)).toEqual(["M", "M", "L", "M"]);
    expect(html).toContain("No check-in in 7 of these 11 weeks.");
  });

  it("joins consecutive weeks and says nothing of gaps when there are none", () => {
    const html = render([
      { weekStart: "2026-11-16", rust: 2 },
      { weekStart: "2026-11-23", rust: 2.5 },
      { weekStart: "2026-11-30", rust: 3 },
    ]);
    expect(path(html).match(/[ML]/g)).toEqual(["M", "L", "L"]);
    expect(html).not.toContain("No check-in");
  });
});
