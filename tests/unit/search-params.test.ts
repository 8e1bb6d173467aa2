import { describe, expect, it } from "vitest";
import { pageParam, textParam } from "@/lib/http/search-params";

describe("query-string parsing for pages", () => {
  it("pageParam keeps whole numbers from 1 to max and turns everything else into 1", () => {
    expect(pageParam("3")).toBe(3);
    expect(pageParam(["4", "9"])).toBe(4);
    expect(pageParam("20000", 10_000)).toBe(10_000);
    for (const bad of [undefined, "", "0", "-2", "1.5", "1e309", "Infinity", "NaN", "99999999999999999999", "0x10", "\u00002", "abc"]) {
      expect(pageParam(bad), String(bad)).toBe(pageParam("0"));
    }
    expect(pageParam("0")).toBe(1);
  });

  it("textParam drops NUL characters and caps the length", () => {
    expect(textParam("Plat\u0000form")).toBe("Platform");
    expect(textParam(["a", "b"])).toBe("a");
    expect(textParam(undefined)).toBe("");
    expect(textParam("x".repeat(500), 100)).toHaveLength(100);
    expect(textParam("Ünïcödé 🚀")).toBe("Ünïcödé 🚀");
  });
});
