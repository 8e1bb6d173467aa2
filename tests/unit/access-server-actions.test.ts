/** The direct server-action caller's wire format (checked against the browser in tests/e2e/access-matrix.spec.ts). */
import { describe, expect, it } from "vitest";
import { actionOutcome, encodeActionArgs, pagePath, parseActionResponse } from "../helpers/server-actions";

describe("server-action wire format", () => {
  it("sends plain arguments as a text/plain JSON array", () => {
    const { body, contentType } = encodeActionArgs(["a", 1, null]);
    expect(contentType).toBe("text/plain;charset=UTF-8");
    expect(JSON.parse(body as string)).toEqual(["a", 1, null]);
  });

  it("sends a FormData argument as multipart: root in field 0, entries as _<n>_<name>", () => {
    const { body, contentType } = encodeActionArgs(["person-1", null, { form: { title: "Engineer", team: "" } }]);
    expect(contentType).toBeUndefined();
    const fd = body as FormData;
    expect(JSON.parse(String(fd.get("0")))).toEqual(["person-1", null, "$K1"]);
    expect(fd.get("_1_title")).toBe("Engineer");
    expect(fd.get("_1_team")).toBe("");
  });

  it("reads the action's return value out of the RSC rows", () => {
    const text = '0:{"a":"$@1","q":"","i":false,"b":"x"}\n1:{"ok":false,"error":"Not found","code":"not_found","fields":"$undefined","extra":"$undefined"}\n';
    expect(parseActionResponse(text)).toEqual({ ok: false, error: "Not found", code: "not_found", fields: undefined, extra: undefined });
    const r = { status: 200, value: parseActionResponse(text), redirect: null, text };
    expect(actionOutcome(r)).toBe(404);
    expect(actionOutcome({ ...r, value: { ok: false, code: "forbidden", error: "no" } })).toBe(403);
    expect(actionOutcome({ ...r, value: { ok: false, code: "unauthenticated", error: "no" } })).toBe(401);
    expect(actionOutcome({ ...r, value: { ok: true } })).toBe("allow");
    expect(actionOutcome({ ...r, value: { ok: false, code: "validation_failed", error: "Some fields need attention." } })).toBe("validation_failed: Some fields need attention.");
    expect(actionOutcome({ ...r, redirect: "/login?next=%2Fme" })).toBe(401);
    expect(actionOutcome({ ...r, status: 500 })).toBe("HTTP 500");
  });

  it("turns a page worker into a URL", () => {
    expect(pagePath("app/(app)/people/[id]/page", { id: "p1" })).toBe("/people/p1");
    expect(pagePath("app/(app)/page")).toBe("/");
    expect(() => pagePath("app/(app)/one-on-ones/[id]/page")).toThrow(/\[id\]/);
  });
});
