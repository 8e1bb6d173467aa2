import { describe, expect, it } from "vitest";
import { isCommonPassword, PASSWORD_MAX, PASSWORD_MIN, validateNewPassword } from "@/lib/auth/password-policy";
import { readFileSync } from "node:fs";

describe("validateNewPassword", () => {
  it("needs at least 8 characters, counted as a person counts them", () => {
    expect(PASSWORD_MIN).toBe(8);
    expect(validateNewPassword("k9#vR2q")).toEqual(["Use at least 8 characters."]);
    expect(validateNewPassword("k9#vR2qz")).toEqual([]);
    // Four emoji are 8 UTF-16 code units but 4 characters.
    expect(validateNewPassword("🔥🌱🚀🎯")).toEqual(["Use at least 8 characters."]);
    expect(validateNewPassword("🔥🌱🚀🎯🔥🌱🚀🎯")).toEqual([]);
  });

  it("accepts long passphrases (64+ characters) and caps at 256", () => {
    expect(PASSWORD_MAX).toBeGreaterThanOrEqual(64);
    expect(validateNewPassword("lantern ".repeat(8) + "orbit quietly")).toEqual([]); // 77 chars
    expect(validateNewPassword("x7".repeat(128))).toEqual([]); // 256
    expect(validateNewPassword("x7".repeat(128) + "q")).toEqual([`Use at most ${PASSWORD_MAX} characters.`]);
  });

  it("has no composition rules: all-lowercase letters or all digits are fine when uncommon", () => {
    expect(validateNewPassword("marmalade tugboat")).toEqual([]);
    expect(validateNewPassword("83019274615")).toEqual([]);
  });

  it("refuses a run of keys in order, up or down, also past 9 or z", () => {
    for (const p of ["12345678901234", "9876543210987", "abcdefghijklm", "ZYXWVUTSRQ", "78901234567"]) expect(validateNewPassword(p), p).toEqual([expect.stringMatching(/run of keys in order/)]);
    expect(validateNewPassword("13579135791")).toEqual([]);
  });

  it("refuses common passwords, case-insensitively", () => {
    for (const p of ["password", "PASSWORD", "Password", "iloveyou", "qwertyuiop", "12345678", "baseball"]) {
      expect(validateNewPassword(p), p).toHaveLength(1);
      expect(validateNewPassword(p)[0]).toMatch(/too common/);
    }
    expect(isCommonPassword("ILoveYou")).toBe(true);
    expect(isCommonPassword("marmalade tugboat")).toBe(false);
  });

  it("refuses the user's own email or name, the app's name and one repeated character", () => {
    const ctx = { email: "maya.manager@acme.example", name: "Maya Manager" };
    expect(validateNewPassword("maya.manager@acme.example", ctx)).toHaveLength(1);
    expect(validateNewPassword("MAYA.MANAGER", ctx)).toHaveLength(1);
    expect(validateNewPassword("maya manager", ctx)).toHaveLength(1);
    expect(validateNewPassword("Reignite", ctx)).toHaveLength(1);
    expect(validateNewPassword("zzzzzzzzzz", ctx)).toHaveLength(1);
    // Each says what is wrong, not "too common" for all of them.
    expect(validateNewPassword("maya.manager@acme.example", ctx)[0]).toMatch(/email address, your name/);
    expect(validateNewPassword("zzzzzzzzzz", ctx)[0]).toMatch(/One character repeated/);
    expect(validateNewPassword("        ", ctx)[0]).toMatch(/spaces only/);
    expect(validateNewPassword("🔥🔥🔥🔥🔥🔥🔥🔥", ctx)[0]).toMatch(/One character repeated/);
    expect(validateNewPassword("maya likes long walks", ctx)).toEqual([]);
  });

  it("ships a list of thousands of common passwords, all of which are refused", () => {
    const list = readFileSync("lib/auth/common-passwords.txt", "utf8").split("\n").filter(Boolean);
    expect(list.length).toBeGreaterThanOrEqual(10_000);
    const sample = list.filter((_, i) => i % 997 === 0);
    for (const p of sample) expect(validateNewPassword(p.toUpperCase()), p).not.toEqual([]);
  });
});
