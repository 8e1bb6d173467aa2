import { describe, expect, it } from "vitest";
import { assertStorableText } from "@/lib/errors";

describe("assertStorableText (PostgreSQL text cannot store U+0000)", () => {
  it("refuses a NUL anywhere in the parsed input with 422 naming the top-level field", () => {
    expect(() => assertStorableText({ title: "ok", takeaways: "a\u0000b" })).toThrow(expect.objectContaining({ status: 422, code: "validation_failed", fields: { takeaways: [expect.any(String)] } }));
    expect(() => assertStorableText({ items: [{ body: "x" }, { body: "\u0000" }] })).toThrow(expect.objectContaining({ status: 422, fields: { items: [expect.any(String)] } }));
    expect(() => assertStorableText("\u0000")).toThrow(expect.objectContaining({ status: 422, fields: { _form: [expect.any(String)] } }));
    expect(() => assertStorableText({ ["k\u0000"]: 1 })).toThrow(expect.objectContaining({ status: 422 }));
  });

  it("lets everything else through, including other control characters, unicode and dates", () => {
    for (const v of [{ a: "tab\there ✓ 🚀 \u200b\ufeff", b: 1, c: null, d: new Date(), e: [true, "x"] }, "plain", 3, null, undefined]) {
      expect(() => assertStorableText(v)).not.toThrow();
    }
  });
});

describe("half of a character (a lone UTF-16 surrogate)", () => {
  it("is refused at its field, where PostgreSQL would have saved \"\ufffd\" in its place", () => {
    for (const v of ["\ud800", "ok \udfff", "\ud83d then text", "😀".slice(0, 1)]) {
      expect(() => assertStorableText({ body: v }), JSON.stringify(v)).toThrow(expect.objectContaining({ status: 422, fields: { body: [expect.stringContaining("broken character")] } }));
    }
  });

  it("lets whole emoji and other astral characters through", () => {
    for (const v of ["😀", "👩🏽‍💻 pairing", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢"]) expect(() => assertStorableText({ body: v })).not.toThrow();
  });
});

describe("a value of invisible characters only", () => {
  it("is refused at its field: a talking point or a name nobody can see", () => {
    for (const v of ["\u200b", "\u200b\u200b\u200b", " \u200c\u200d ", "\u2060", "\u00ad", "\ufeff\u200b"]) {
      expect(() => assertStorableText({ body: v }), JSON.stringify(v)).toThrow(expect.objectContaining({ status: 422, fields: { body: [expect.stringContaining("only invisible characters")] } }));
    }
  });

  it("is not confused with text that has them inside, an emoji sequence, or plain blank space", () => {
    for (const v of ["Mentor\u200bSam", "👨\u200d👩\u200d👧", "", " ", "\n\n", "co\u00adoperate"]) {
      expect(() => assertStorableText({ body: v }), JSON.stringify(v)).not.toThrow();
    }
  });
});

describe("limits a schema states without a message", () => {
  it("read as plain sentences in a form, while a schema's own message still wins", async () => {
    const { validationError } = await import("@/lib/errors");
    const { z } = await import("zod");
    const schema = z.object({ name: z.string().trim().min(1, "Enter their name.").max(120), team: z.string().max(120), tags: z.array(z.string()).max(2), n: z.number().int().min(1) });
    const r = schema.safeParse({ name: "", team: "x".repeat(121), tags: ["a", "b", "c"], n: 0 });
    expect(r.success).toBe(false);
    expect(validationError(r.error!).fields).toEqual({
      name: ["Enter their name."],
      team: ["Keep it to 120 characters or fewer (this is 121)."],
      tags: ["At most 2 items."],
      n: ["At least 1."],
    });
  });
});
