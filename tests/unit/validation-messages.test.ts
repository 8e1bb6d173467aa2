import { describe, expect, it } from "vitest";
import { z } from "zod";
import { installValidationMessages } from "@/lib/validation-messages";

installValidationMessages();
const first = (schema: z.ZodType, input: unknown) => schema.safeParse(input).error?.issues[0]?.message;

describe("zod's wrong-type messages, in plain words", () => {
  it("names what was expected", () => {
    expect(first(z.object({ limit: z.coerce.number().int() }), { limit: "abc" })).toBe("Enter a number.");
    expect(first(z.object({ a: z.string() }), [])).toBe("Expected an object, not a list.");
    expect(first(z.object({ a: z.string() }), "x")).toBe("Expected an object.");
    expect(first(z.object({ a: z.string() }), { a: 5 })).toBe("Expected text.");
    expect(first(z.object({ a: z.boolean() }), { a: "yes" })).toBe("Expected true or false.");
    expect(first(z.object({ a: z.array(z.string()) }), { a: "x" })).toBe("Expected a list.");
    expect(first(z.object({ a: z.string() }), {})).toBe("This is required.");
  });

  it("asks for a whole number where a fraction was sent, and names the choices of an option or an action", async () => {
    const { meetingPatchSchema, agendaPatchSchema } = await import("@/lib/meetings/schemas");
    expect(first(z.object({ energy: z.number().int() }), { energy: 2.5 })).toBe("Use a whole number.");
    expect(first(z.object({ energy: z.number().int() }), { energy: "2" })).toBe("Enter a number.");
    expect(first(agendaPatchSchema, { move: "sideways" })).toBe("Use one of: up, down.");
    expect(first(meetingPatchSchema, { action: "archive", version: 1 })).toBe("Use one of: reschedule, hold, cancel, checkIn.");
    expect(first(meetingPatchSchema, { action: "checkIn", energy: 2.5, version: 1 })).toBe("Use a whole number.");
  });

  it("leaves a schema's own message alone", () => {
    expect(first(z.object({ a: z.number({ message: "How many?" }) }), { a: "x" })).toBe("How many?");
  });
});
