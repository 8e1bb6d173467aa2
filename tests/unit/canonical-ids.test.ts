import { describe, expect, it } from "vitest";
import { canonicalId, canonicalParams, withCanonicalIds } from "@/lib/http/canonical-ids";

const ID = "cfca44e7-85c5-4ffe-87bd-1f47f8026b30";

describe("ids from outside in the case PostgreSQL writes", () => {
  it("lower-cases a UUID and leaves anything else alone", () => {
    expect(canonicalId(ID.toUpperCase())).toBe(ID);
    expect(canonicalId("Cfca44e7-85C5-4ffe-87bd-1f47f8026B30")).toBe(ID);
    // Tokens (base64url, in invitation and reset links) and names keep their case.
    expect(canonicalId("AbC-dEf_123")).toBe("AbC-dEf_123");
    expect(canonicalId(`${ID.toUpperCase()}X`)).toBe(`${ID.toUpperCase()}X`);
  });

  it("rewrites only whole path segments", () => {
    expect(withCanonicalIds(`/people/${ID.toUpperCase()}/plan`)).toBe(`/people/${ID}/plan`);
    expect(withCanonicalIds(`/people/${ID}/plan`)).toBe(`/people/${ID}/plan`);
    expect(withCanonicalIds("/Team")).toBe("/Team");
    expect(withCanonicalIds(`/x/PRE${ID.toUpperCase()}`)).toBe(`/x/PRE${ID.toUpperCase()}`);
  });

  it("route parameters", () => {
    expect(canonicalParams({ id: ID.toUpperCase(), token: "AbC" })).toEqual({ id: ID, token: "AbC" });
  });
});
