import { describe, expect, it } from "vitest";
import { z } from "zod";
import { requiredVersion, versionNumber } from "@/lib/http/version-field";
import { deleteInput, purposeInput } from "@/lib/plan/schemas";
import { versionOnly } from "@/lib/people/schemas";

describe("version fields", () => {
  it("take a number as JSON sends it and digits as a form sends them", () => {
    expect(requiredVersion.parse(3)).toBe(3);
    expect(requiredVersion.parse("3")).toBe(3);
    expect(requiredVersion.parse(" 12 ")).toBe(12);
    expect(versionOnly.parse({ version: "7" })).toEqual({ version: 7 });
  });

  it("refuse what z.coerce would have read as a version", () => {
    for (const bad of [true, [1], "", null, undefined, "1e0", "0x1", "1.5", 1.5, 0, -1, "abc", {}, 2 ** 31, "2147483648"]) {
      expect(requiredVersion.safeParse(bad).success, JSON.stringify(bad) ?? "undefined").toBe(false);
    }
    const missing = requiredVersion.safeParse(undefined);
    expect(missing.success ? null : missing.error.issues[0]?.message).toBe("The version you edited is missing.");
  });

  it("leaves a blank optional version out instead of reading it as 0", () => {
    const optional = versionNumber(z.number().int().positive().optional());
    expect(optional.parse("")).toBeUndefined();
    expect(optional.parse(undefined)).toBeUndefined();
    expect(optional.safeParse(true).success).toBe(false);
    expect(deleteInput.parse({ version: "" })).toEqual({ version: undefined });
    expect(deleteInput.safeParse({ version: [2] }).success).toBe(false);
    // The purpose editor sends 0 when nothing was saved yet: still a version.
    expect(purposeInput.parse({ drewMe: "x", impact: "", worthEffort: "", version: "0" }).version).toBe(0);
  });
});

describe("a number too large for its column", () => {
  it("is the client's input (422), not a server error, however deep the driver's error is wrapped", async () => {
    const { toAppError } = await import("@/lib/errors");
    const driver = Object.assign(new Error('value "2147483648" is out of range for type integer'), { code: "22003" });
    const wrapped = new Error("Failed query: update …", { cause: driver });
    expect(toAppError(wrapped)).toMatchObject({ status: 422, code: "validation_failed" });
    expect(toAppError(new Error("something else"))).toMatchObject({ status: 500, code: "internal" });
  });
});
