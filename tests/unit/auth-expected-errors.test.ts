// next-auth's own error classes (its core), so the test follows what it really throws.
import { AdapterError, CredentialsSignin, JWTSessionError, UnknownAction } from "@auth/core/errors";
import { describe, expect, it } from "vitest";
import { isLoggedAuthError } from "@/lib/auth/expected-errors";

describe("next-auth errors in the server log", () => {
  it("leaves out expected outcomes (a wrong password, a stale token, a request for a page this app does not use)", () => {
    expect(isLoggedAuthError(new CredentialsSignin())).toBe(false);
    expect(isLoggedAuthError(new JWTSessionError())).toBe(false);
    expect(isLoggedAuthError(new UnknownAction("Unsupported action"))).toBe(false);
    expect(isLoggedAuthError(new AdapterError())).toBe(true);
    expect(isLoggedAuthError(new Error("boom"))).toBe(true);
  });
});
