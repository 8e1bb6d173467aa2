import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isVersionMissingIssue, requiredVersion, VERSION_MISSING, versionNumber } from "@/lib/http/version-field";
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
    expect(missing.success ? null : missing.error.issues[0]?.message).toBe(VERSION_MISSING);
  });

  it("tell a missing version (428 version_required) from a malformed one (422)", async () => {
    const { validationError } = await import("@/lib/errors");
    for (const absent of [{}, { version: "" }, { version: null }]) {
      const r = deleteInput.safeParse(absent);
      expect(r.success ? null : validationError(r.error), JSON.stringify(absent)).toMatchObject({ status: 428, code: "version_required", fields: { version: [VERSION_MISSING] } });
    }
    const malformed = deleteInput.safeParse({ version: "abc" });
    expect(malformed.success ? null : validationError(malformed.error)).toMatchObject({ status: 422, code: "validation_failed" });
    // The purpose's "none yet" is 0, which is a version; leaving it out is not.
    expect(purposeInput.safeParse({ drewMe: "x", impact: "", worthEffort: "" }).error?.issues.some(isVersionMissingIssue)).toBe(true);
  });

  it("leaves a blank optional version out instead of reading it as 0", () => {
    const optional = versionNumber(z.number().int().positive().optional());
    expect(optional.parse("")).toBeUndefined();
    expect(optional.parse(undefined)).toBeUndefined();
    expect(optional.safeParse(true).success).toBe(false);
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
