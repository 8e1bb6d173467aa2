import { describe, expect, it } from "vitest";
import { decideAccess, NO_RELATION, visibleFlagCodes, type Relation } from "@/lib/policy/rules";

const base: Relation = { sameOrg: true, self: false, manager: false, skipLevel: false, admin: false };
const actors: Record<string, Relation> = {
  self: { ...base, self: true },
  manager: { ...base, manager: true },
  skip: { ...base, skipLevel: true },
  peer: base, // includes a former manager: not in the chain now
  admin: { ...base, admin: true },
  otherOrg: NO_RELATION,
};

// Straight from ../shared/ACCESS.md: [read, write] per actor; "404" = not found, "403" = forbidden.
const expected: Record<string, Record<string, [string, string]>> = {
  directory: { self: ["allow", "403"], manager: ["allow", "403"], skip: ["allow", "403"], peer: ["allow", "403"], admin: ["allow", "allow"], otherOrg: ["404", "404"] },
  roleHistory: { self: ["allow", "403"], manager: ["allow", "allow"], skip: ["allow", "403"], peer: ["404", "404"], admin: ["allow", "allow"], otherOrg: ["404", "404"] },
  flags: { self: ["allow", "403"], manager: ["allow", "403"], skip: ["allow", "403"], peer: ["404", "404"], admin: ["allow", "403"], otherOrg: ["404", "404"] },
  plan: { self: ["allow", "allow"], manager: ["allow", "allow"], skip: ["allow", "403"], peer: ["404", "404"], admin: ["404", "404"], otherOrg: ["404", "404"] },
  pulse: { self: ["allow", "allow"], manager: ["allow", "403"], skip: ["404", "404"], peer: ["404", "404"], admin: ["404", "404"], otherOrg: ["404", "404"] },
};

const norm = (d: string) => (d === "not_found" ? "404" : d === "forbidden" ? "403" : d);

describe("policy rules match ACCESS.md", () => {
  for (const [resource, row] of Object.entries(expected)) {
    for (const [actor, [read, write]] of Object.entries(row)) {
      it(`${resource} × ${actor}: read ${read}, write ${write}`, () => {
        const rel = actors[actor]!;
        expect(norm(decideAccess(resource as never, "read", rel))).toBe(read);
        expect(norm(decideAccess(resource as never, "write", rel))).toBe(write);
      });
    }
  }

  it("org settings and audit log: admins only; everyone else gets 404", () => {
    expect(decideAccess("orgAdmin", "write", actors.admin!)).toBe("allow");
    expect(decideAccess("auditLog", "read", actors.admin!)).toBe("allow");
    expect(decideAccess("auditLog", "write", actors.admin!)).toBe("forbidden");
    for (const a of ["self", "manager", "skip", "peer"]) {
      expect(decideAccess("orgAdmin", "read", actors[a]!)).toBe("not_found");
      expect(decideAccess("auditLog", "read", actors[a]!)).toBe("not_found");
    }
  });

  it("a 1:1 belongs to its two people, and only while the manager still manages E", () => {
    expect(decideAccess("meeting", "write", actors.self!)).toBe("allow");
    expect(decideAccess("meeting", "write", actors.manager!, { viewerIsMeetingManager: true })).toBe("allow");
    // a new manager does not inherit the predecessor's conversations
    expect(decideAccess("meeting", "read", actors.manager!, { viewerIsMeetingManager: false })).toBe("not_found");
    // the former manager is recorded on the meeting but is no longer E's manager
    expect(decideAccess("meeting", "read", actors.peer!, { viewerIsMeetingManager: true })).toBe("not_found");
    for (const a of ["skip", "admin", "otherOrg"]) expect(decideAccess("meeting", "read", actors[a]!)).toBe("not_found");
  });

  it("a private note is its author's alone, and lost with the reporting line", () => {
    const ctx = { viewerIsMeetingManager: true, viewerIsAuthor: true };
    expect(decideAccess("privateNote", "write", actors.manager!, ctx)).toBe("allow");
    expect(decideAccess("privateNote", "read", actors.self!, { viewerIsAuthor: false })).toBe("not_found");
    expect(decideAccess("privateNote", "read", actors.peer!, ctx)).toBe("not_found"); // former manager
    expect(decideAccess("privateNote", "read", actors.manager!, { viewerIsMeetingManager: true, viewerIsAuthor: false })).toBe("not_found");
    for (const a of ["skip", "admin"]) expect(decideAccess("privateNote", "read", actors[a]!, ctx)).toBe("not_found");
  });

  it("a stuck signal reaches the manager always, skip-level and HR only when E chose them", () => {
    expect(decideAccess("stuckSignal", "write", actors.self!)).toBe("allow");
    expect(decideAccess("stuckSignal", "acknowledge", actors.self!)).toBe("forbidden");
    expect(decideAccess("stuckSignal", "acknowledge", actors.manager!)).toBe("allow");
    expect(decideAccess("stuckSignal", "write", actors.manager!)).toBe("forbidden");
    expect(decideAccess("stuckSignal", "read", actors.skip!)).toBe("not_found");
    expect(decideAccess("stuckSignal", "acknowledge", actors.skip!, { includeSkipLevel: true })).toBe("allow");
    expect(decideAccess("stuckSignal", "read", actors.admin!)).toBe("not_found");
    expect(decideAccess("stuckSignal", "read", actors.admin!, { includeHr: true })).toBe("allow");
    expect(decideAccess("stuckSignal", "read", actors.peer!, { includeSkipLevel: true, includeHr: true })).toBe("not_found");
  });

  it("derived flags inherit the privacy of their inputs", () => {
    expect(visibleFlagCodes(actors.self!).has("pulse_worsening")).toBe(true);
    expect(visibleFlagCodes(actors.manager!).has("stuck_unacknowledged")).toBe(true);
    expect(visibleFlagCodes(actors.skip!).has("pulse_worsening")).toBe(false);
    expect(visibleFlagCodes(actors.skip!).has("stuck_unacknowledged")).toBe(false);
    expect(visibleFlagCodes(actors.skip!, { includeSkipLevel: true, includeHr: false }).has("stuck_unacknowledged")).toBe(true);
    expect(visibleFlagCodes(actors.admin!).has("pulse_worsening")).toBe(false);
    expect(visibleFlagCodes(actors.admin!).has("role_stale")).toBe(true);
    expect(visibleFlagCodes(actors.peer!).size).toBe(0);
  });
});
