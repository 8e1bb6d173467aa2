import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { auditActionLabel, auditMetaText, auditTargetLabel } from "@/lib/audit/labels";

/** Source files that write audit events (they import the audit log), and the dotted action names they record. */
function recordedActions(): Set<string> {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir)) {
      const p = path.join(dir, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e)) {
        const src = readFileSync(p, "utf8");
        if (!src.includes("@/lib/audit/log") && !p.endsWith(path.join("audit", "log.ts"))) continue;
        for (const m of src.matchAll(/"([a-z]+(?:_[a-z]+)*\.[a-z]+(?:_[a-z]+)*)"/g)) found.add(m[1]!);
      }
    }
  };
  for (const dir of ["lib", "app"]) walk(path.resolve(__dirname, "../..", dir));
  return found;
}

describe("audit log labels", () => {
  it("every action the code records reads as words in /admin/audit, not as its code", () => {
    const actions = recordedActions();
    expect(actions.size).toBeGreaterThan(10);
    expect(actions).toContain("member.deactivated");
    const unlabeled = [...actions].filter((a) => auditActionLabel(a) === a);
    expect(unlabeled).toEqual([]);
  });

  it("a title or team change does not read as a change of someone's access", () => {
    // member.role_changed is what changeTitleTeam records; an auditor looking for privilege changes must not be sent after it.
    expect(auditActionLabel("member.role_changed")).toBe("Changed someone's title or team");
  });
});

describe("the audit log in words", () => {
  it("reads recorded codes as words: what an event is about, detail keys and code values", () => {
    expect(auditTargetLabel("role_event")).toBe("a role change");
    expect(auditTargetLabel("invitation")).toBe("an invitation");
    expect(auditTargetLabel("something_new")).toBe("something new");
    const person = "6a0c3b1e-1111-4111-8111-111111111111";
    expect(auditMetaText({ personId: person, type: "rotation_start", effectiveOn: "2026-12-02" }, { [person]: "Ines Moreau" }).split(" · ")).toEqual([
      "person: Ines Moreau",
      "type: rotation start",
      "date: 2026-12-02",
    ]);
    expect(auditMetaText({ create: 1, update: 2, unchanged: 0, roleEventsAdded: 2, fromTimeline: true }).split(" · ")).toEqual([
      "created: 1",
      "updated: 2",
      "unchanged: 0",
      "role changes recorded: 2",
      "from the role timeline: yes",
    ]);
    // What people typed is not rewritten: only code-shaped values are.
    expect(auditMetaText({ team: "Data_Platform" })).toBe("team: Data_Platform");
  });

  it("names the fields a change lists, and counts only ids it cannot name", () => {
    const person = "6a0c3b1e-1111-4111-8111-111111111111";
    const other = "7b1d4c2f-2222-4222-8222-222222222222";
    // A correction records which fields it changed: "changed: 1 record" read as if an id had been recorded.
    expect(auditMetaText({ team: "Mobile", changed: ["team"] })).toBe("team: Mobile · changed: team");
    expect(auditMetaText({ changed: ["title", "team"] })).toBe("changed: title, team");
    expect(auditMetaText({ ids: [person, other] }, { [person]: "Ines Moreau" })).toBe("ids: Ines Moreau, 1 record");
    expect(auditMetaText({ ids: [] })).toBe("ids: none");
  });
});
