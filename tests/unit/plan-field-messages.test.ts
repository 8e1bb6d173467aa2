import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { goalCreate, goalUpdateCreate, learningCreate, skillCreate, winCreate } from "@/lib/plan/schemas";

/** Each field's first message, as the form shows it at the field. */
function said(schema: z.ZodType, input: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of schema.safeParse(input).error?.issues ?? []) out[i.path.join(".")] ??= i.message;
  return out;
}

describe("the growth plan's field messages read as sentences", () => {
  it("a field too long is “The title …”, one left empty “Enter a title.”: one label for both read “A title is too long”", () => {
    const long = "x".repeat(201);
    expect(said(goalCreate, { title: long, category: "learning" }).title).toBe("The title is too long (at most 200 characters).");
    expect(said(goalCreate, { title: " ", category: "learning" }).title).toBe("Enter a title.");
    expect(said(winCreate, { title: long, occurredOn: "2026-01-02", linksPurpose: true }).title).toBe("The title is too long (at most 200 characters).");
    expect(said(skillCreate, { name: "x".repeat(121), status: "used" }).name).toBe("The skill is too long (at most 120 characters).");
    expect(said(skillCreate, { name: " ", status: "used" }).name).toBe("Enter a skill.");
    expect(said(learningCreate, { kind: "book", title: "Range", takeaways: "x".repeat(4001) }).takeaways).toBe("The takeaways are too long (at most 4000 characters).");
    expect(said(goalUpdateCreate, { body: "" }).body).toBe("Enter what happened.");
  });
});
