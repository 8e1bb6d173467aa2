import { describe, expect, it } from "vitest";
import { assertNoNul } from "@/lib/errors";

describe("assertNoNul (PostgreSQL text cannot store U+0000)", () => {
  it("refuses a NUL anywhere in the parsed input with 422 naming the top-level field", () => {
    expect(() => assertNoNul({ title: "ok", takeaways: "a\u0000b" })).toThrow(expect.objectContaining({ status: 422, code: "validation_failed", fields: { takeaways: [expect.any(String)] } }));
    expect(() => assertNoNul({ items: [{ body: "x" }, { body: "\u0000" }] })).toThrow(expect.objectContaining({ status: 422, fields: { items: [expect.any(String)] } }));
    expect(() => assertNoNul("\u0000")).toThrow(expect.objectContaining({ status: 422, fields: { _form: [expect.any(String)] } }));
    expect(() => assertNoNul({ ["k\u0000"]: 1 })).toThrow(expect.objectContaining({ status: 422 }));
  });

  it("lets everything else through, including other control characters, unicode and dates", () => {
    for (const v of [{ a: "tab\there ✓ 🚀 \u200b\ufeff", b: 1, c: null, d: new Date(), e: [true, "x"] }, "plain", 3, null, undefined]) {
      expect(() => assertNoNul(v)).not.toThrow();
    }
  });
});
