import { describe, expect, it } from "vitest";
import { escapeCsvCell, toCsv } from "@/lib/plan/csv";
import { goalPatch, purposeInput, winCreate, winPatch } from "@/lib/plan/schemas";
import { exportFileName, planToCsv } from "@/lib/plan/export";
import type { PlanDto } from "@/lib/plan/dto";

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
    expect(purposeInput.safeParse({ drewMe: " ", impact: "", worthEffort: "", version: "0" }).success).toBe(false);
    expect(purposeInput.parse({ drewMe: "x", impact: "", worthEffort: "", version: "0" })).toEqual({ drewMe: "x", impact: "", worthEffort: "", version: 0 });
    // A save says which version it replaces: a blank one is no version.
    expect(purposeInput.safeParse({ drewMe: "x", impact: "", worthEffort: "", version: "" }).success).toBe(false);
  });

  it("refuses a win dated after the viewer's today, judged by the day their browser sends", () => {
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const win = (occurredOn: string, today?: string) => winCreate.safeParse({ title: "Shipped", occurredOn, linksPurpose: "on", today });
    const path = (r: { error?: { issues: { path: PropertyKey[] }[] } }) => r.error?.issues.map((i) => i.path.join("."));
    expect(path(win(day(1), day(0)))).toEqual(["occurredOn"]);
    // Evening in the Americas: UTC's today is still the viewer's tomorrow.
    expect(path(win(day(0), day(-1)))).toEqual(["occurredOn"]);
    expect(win(day(-1), day(-1)).success).toBe(true);
    // East of UTC the viewer's today may be UTC's tomorrow.
    expect(win(day(1), day(1)).success).toBe(true);
    // A claimed day no time zone has now counts as UTC's.
    expect(path(win(day(1), day(3)))).toEqual(["occurredOn"]);
    // Without a day of its own (an API client), a day of slack as before.
    expect(win(day(1)).success).toBe(true);
    expect(path(win(day(2)))).toEqual(["occurredOn"]);
    expect(path(winPatch.safeParse({ version: 1, occurredOn: day(1), today: day(0) }))).toEqual(["occurredOn"]);
    expect(winPatch.safeParse({ version: 1, title: "Renamed", today: day(0) }).success).toBe(true);
  });

  it("rejects bad dates and versions with field messages", () => {
    const r = goalPatch.safeParse({ version: "abc", targetOn: "31/12/2026" });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path[0]);
    expect(paths).toEqual(expect.arrayContaining(["version", "targetOn"]));
  });
});

describe("the plan's CSV export", () => {
  it("asks the purpose's questions in the page's words (it had its own: “What drew you to this field?”, “What feels worth the effort?”)", () => {
    const purpose = { id: "p", drewMe: "Builders", impact: "Fast CI", worthEffort: "Teaching", version: 1, authorName: "Eli", createdAt: "2026-11-30T10:00:00.000Z" };
    const plan: PlanDto = {
      person: { id: "e", name: "Eli Employee", title: "", team: "" },
      purpose: { current: purpose, history: [purpose] },
      ...{ goals: [], learning: [], connections: [], skills: [], wins: [], rotations: [], roleEvents: [] },
    };
    const lines = planToCsv(plan).split("\r\n");
    expect(lines.slice(1, 4)).toEqual([
      '"purpose","What drew you to this field or organization?","","","2026-11-30","","Builders","Eli"',
      '"purpose","What impact do you want to make?","","","2026-11-30","","Fast CI","Eli"',
      '"purpose","What change or value feels worth your time?","","","2026-11-30","","Teaching","Eli"',
    ]);
  });

  it("holds what the JSON holds: earlier purposes, a goal serving the purpose, who wrote an update or a win, a rotation's end", () => {
    const now = { id: "p2", drewMe: "Builders", impact: "", worthEffort: "", version: 2, authorName: "Eli", createdAt: "2026-11-30T10:00:00.000Z" };
    const before = { id: "p1", drewMe: "Shipping", impact: "", worthEffort: "", version: 1, authorName: "Eli", createdAt: "2025-03-01T10:00:00.000Z" };
    const plan: PlanDto = {
      person: { id: "e", name: "Eli Employee", title: "", team: "" },
      purpose: { current: now, history: [now, before] },
      goals: [
        {
          id: "g", title: "Lead the outage review", description: "", category: "skill", status: "active", targetOn: null, progress: 40, servesPurpose: true, version: 1,
          createdAt: "2026-10-01T00:00:00.000Z", updatedAt: "2026-10-01T00:00:00.000Z",
          updates: [{ id: "u", body: "Drafted the template", progress: 40, authorName: "Maya Manager", createdAt: "2026-10-05T00:00:00.000Z" }],
        },
      ],
      learning: [], connections: [], skills: [],
      wins: [{ id: "w", title: "Fast CI", description: "", occurredOn: "2026-11-01", goalId: null, goalTitle: null, rotationId: null, rotationHost: null, linksPurpose: true, authorName: "Maya Manager", version: 1 }],
      rotations: [{ id: "r", host: "Payments", startOn: "2026-09-01", plannedEndOn: "2027-02-02", endedOn: null, status: "active", learningGoal: "Billing" }],
      roleEvents: [],
    };
    const lines = planToCsv(plan).split("\r\n");
    expect(lines).toContain('"earlier purpose","What drew you to this field or organization?","","","2025-03-01","","Shipping","Eli"');
    expect(lines.filter((l) => l.includes("Builders"))).toHaveLength(1);
    expect(lines.find((l) => l.startsWith('"goal",'))).toContain(' · serves the purpose"');
    expect(lines.find((l) => l.startsWith('"goal update",'))).toMatch(/"Drafted the template","Maya Manager"$/);
    expect(lines.find((l) => l.startsWith('"win",'))).toMatch(/"Maya Manager"$/);
    expect(lines.find((l) => l.startsWith('"rotation",'))).toBe('"rotation","Payments","Active","","2026-09-01","","Planned to end 2027-02-02 · Billing",""');
  });

  it("keeps every link of a win and both dates of a learning item, as the page shows them", () => {
    const plan: PlanDto = {
      person: { id: "e", name: "Eli Employee", title: "", team: "" },
      purpose: { current: null, history: [] },
      goals: [],
      learning: [
        { id: "l", kind: "course", title: "Distributed systems", status: "done", startedOn: "2025-08-02", completedOn: "2025-10-02", takeaways: "Raft", version: 1, updatedAt: "2025-10-02T00:00:00.000Z" },
        { id: "m", kind: "book", title: "Staff engineer", status: "in_progress", startedOn: "2026-11-01", completedOn: null, takeaways: "", version: 1, updatedAt: "2026-11-01T00:00:00.000Z" },
      ],
      connections: [], skills: [],
      wins: [{ id: "w", title: "Fast CI", description: "", occurredOn: "2026-11-01", goalId: "g", goalTitle: "Ship the cache", rotationId: null, rotationHost: null, linksPurpose: true, authorName: "Eli", version: 1 }],
      rotations: [],
      roleEvents: [],
    };
    const lines = planToCsv(plan).split("\r\n");
    expect(lines.find((l) => l.startsWith('"win",'))).toBe('"win","Fast CI","","Goal: Ship the cache · Purpose","2026-11-01","","","Eli"');
    expect(lines.find((l) => l.includes("Distributed systems"))).toBe('"learning","Distributed systems","Done","Course","2025-10-02","","Started 2025-08-02 · Raft",""');
    expect(lines.find((l) => l.includes("Staff engineer"))).toBe('"learning","Staff engineer","In progress","Book","2026-11-01","","",""');
  });
});

describe("the export's file name", () => {
  it("keeps a name's letters without their accents", () => {
    const plan = { person: { id: "f", name: "Fátima Haddad-Ñúñez", title: "", team: "" } } as PlanDto;
    expect(exportFileName(plan, "csv")).toMatch(/^reignite-plan-fatima-haddad-nunez-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(exportFileName({ person: { id: "x", name: "李雷", title: "", team: "" } } as PlanDto, "json")).toMatch(/^reignite-plan-plan-/);
  });
});
