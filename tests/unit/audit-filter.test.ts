import { describe, expect, it } from "vitest";
import { auditFilterSchema } from "@/lib/audit/query";

const issues = (q: Record<string, string>) => auditFilterSchema.safeParse(q).error?.issues.map((i) => [i.path.join("."), i.message]);

describe("the audit log's filter", () => {
  it("refuses a To before the From, at To", () => {
    expect(issues({ from: "2026-12-01", to: "2026-11-01" })).toEqual([["to", "“To” is before “From”: no event could match."]]);
    expect(auditFilterSchema.safeParse({ from: "2026-11-01", to: "2026-11-01" }).success).toBe(true);
    expect(auditFilterSchema.safeParse({ from: "2026-11-01" }).success).toBe(true);
  });

  it("says once what is wrong with a date", () => {
    expect(issues({ from: "notadate" })).toEqual([["from", "Use a date like 2026-01-31."]]);
    expect(issues({ from: "2026-02-30" })).toEqual([["from", "That date does not exist."]]);
    // PostgreSQL has no year 0: "0000-01-01" reached the query and failed it (a 500).
    expect(issues({ from: "0000-01-01" })).toEqual([["from", "Use a date from 1900 on."]]);
    expect(issues({ to: "0000-12-31" })).toEqual([["to", "Use a date from 1900 on."]]);
  });

  it("refuses an action with a control character (PostgreSQL refuses a NUL in text)", () => {
    expect(issues({ action: "auth.sign_in\u0000" })).toEqual([["action", "Pick an action from the list."]]);
    expect(auditFilterSchema.safeParse({ action: "auth.sign_in" }).success).toBe(true);
  });
});
