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

  it("refuses a damaged or hand-made page link instead of reading it as page 1, and an offset PostgreSQL cannot read", () => {
    const cursor = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
    const id = "00000000-0000-4000-8000-000000000000";
    const damaged = [["cursor", "This page link is damaged or out of date: start again from the first page."]];
    expect(auditFilterSchema.safeParse({ cursor: cursor(["2026-01-01 10:00:00.123456+00", id]) }).success).toBe(true);
    expect(auditFilterSchema.safeParse({ cursor: cursor(["2026-01-01 10:00:00-15:59", id]) }).success).toBe(true);
    // "time zone displacement out of range" in PostgreSQL: a 500 and a stack trace.
    expect(issues({ cursor: cursor(["2026-01-01 10:00:00+99", id]) })).toEqual(damaged);
    expect(issues({ cursor: cursor(["2026-01-01 10:00:00+16:99", id]) })).toEqual(damaged);
    expect(issues({ cursor: cursor(["2026-01-01 10:00:00-9999", id]) })).toEqual(damaged);
    expect(issues({ cursor: "abc" })).toEqual(damaged);
    expect(issues({ cursor: cursor(["x", "y"]) })).toEqual(damaged);
    expect(auditFilterSchema.safeParse({ cursor: "" }).data?.cursor).toBeUndefined();
  });
});
