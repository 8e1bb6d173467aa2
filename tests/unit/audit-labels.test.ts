import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { auditActionLabel } from "@/lib/audit/labels";

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
