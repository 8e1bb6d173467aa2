import { describe, expect, it } from "vitest";
import { escapeCsvCell, toCsv } from "@/lib/plan/csv";
import { goalPatch, purposeInput, winCreate } from "@/lib/plan/schemas";

describe("CSV escaping against formula injection", () => {
  it.each([
    ["=HYPERLINK(\"http://evil\")", `"'=HYPERLINK(""http://evil"")"`],
    ["+1+2", `"'+1+2"`],
    ["-2+3", `"'-2+3"`],
    ["@SUM(A1)", `"'@SUM(A1)"`],
    ["\tcmd", `"'\tcmd"`],
    ["\rcmd", `"'\rcmd"`],
  ])("prefixes %j with an apostrophe", (input, out) => {
    expect(escapeCsvCell(input)).toBe(out);
  });

  it("quotes every cell and doubles inner quotes, leaving harmless text alone", () => {
    expect(escapeCsvCell('Say "hi", then go')).toBe('"Say ""hi"", then go"');
    expect(escapeCsvCell("a=b")).toBe('"a=b"');
    expect(escapeCsvCell(42)).toBe('"42"');
    expect(escapeCsvCell(null)).toBe('""');
    expect(escapeCsvCell("line1\nline2")).toBe('"line1\nline2"');
  });

  it("builds rows with CRLF line ends", () => {
    expect(toCsv(["a", "b"], [["=1", "x"]])).toBe('"a","b"\r\n"\'=1","x"\r\n');
  });
});

describe("plan input schemas", () => {
  it("strips fields a client may not set (no mass assignment)", () => {
    const parsed = goalPatch.parse({ version: 3, title: "New", personId: "x", orgId: "y", createdBy: "z", progress: 100 });
    expect(parsed).toEqual({ version: 3, title: "New" });
  });

  it("needs a link for a win and at least one purpose answer", () => {
    const w = winCreate.safeParse({ title: "Shipped", occurredOn: "2026-01-02" });
    expect(w.success).toBe(false);
    expect(w.error?.issues[0]?.path).toEqual(["link"]);
    expect(purposeInput.safeParse({ drewMe: " ", impact: "", worthEffort: "" }).success).toBe(false);
    expect(purposeInput.parse({ drewMe: "x", impact: "", worthEffort: "", version: "" })).toEqual({ drewMe: "x", impact: "", worthEffort: "" });
  });

  it("rejects bad dates and versions with field messages", () => {
    const r = goalPatch.safeParse({ version: "abc", targetOn: "31/12/2026" });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path[0]);
    expect(paths).toEqual(expect.arrayContaining(["version", "targetOn"]));
  });
});
