/**
 * Who may do what: ../shared/ACCESS.md as data. Pure functions only, so the
 * whole matrix is testable without a database. Relationship facts (is the
 * viewer E's manager, skip-level, an admin…) are computed in relation.ts.
 */

/** How the viewer stands to employee E. A viewer can hold several at once (an admin who is also the manager). */
export type Relation = {
  sameOrg: boolean; // false: other organization or no such person → everything is "not found"
  self: boolean;
  manager: boolean; // E's current direct manager
  skipLevel: boolean; // above E's manager in the current chain
  admin: boolean; // admin of E's organization
};

export const NO_RELATION: Relation = { sameOrg: false, self: false, manager: false, skipLevel: false, admin: false };

export type Action = "read" | "write" | "acknowledge";

/** Every resource the policy knows. The access-matrix test iterates this list, so a new resource needs a row. */
export const RESOURCES = [
  "directory",
  "roleHistory",
  "flags",
  "plan",
  "meeting",
  "privateNote",
  "pulse",
  "stuckSignal",
  "orgAdmin",
  "auditLog",
] as const;
export type Resource = (typeof RESOURCES)[number];

export type Decision = "allow" | "not_found" | "forbidden";

type Who = keyof Omit<Relation, "sameOrg"> | "member";
type Rule = { read: Who[]; write: Who[] };

/** Resources whose rights depend only on the relation to E. */
const TABLE: Record<Exclude<Resource, "meeting" | "privateNote" | "stuckSignal">, Rule> = {
  directory: { read: ["self", "manager", "skipLevel", "admin", "member"], write: ["admin"] },
  roleHistory: { read: ["self", "manager", "skipLevel", "admin"], write: ["manager", "admin"] },
  flags: { read: ["self", "manager", "skipLevel", "admin"], write: [] },
  plan: { read: ["self", "manager", "skipLevel"], write: ["self", "manager"] },
  pulse: { read: ["self", "manager"], write: ["self"] },
  orgAdmin: { read: ["admin"], write: ["admin"] },
  auditLog: { read: ["admin"], write: [] },
};

function holds(rel: Relation, who: Who[]): boolean {
  return who.some((w) => (w === "member" ? rel.sameOrg : rel[w]));
}

/** Extra facts some resources need beyond the relation to E. */
export type Context = {
  /** meeting/privateNote: the viewer is the manager recorded on the meeting. */
  viewerIsMeetingManager?: boolean;
  /** privateNote: the viewer wrote it. */
  viewerIsAuthor?: boolean;
  /** stuckSignal: whom E chose to include. */
  includeSkipLevel?: boolean;
  includeHr?: boolean;
};

function decide(canRead: boolean, canDo: boolean): Decision {
  if (!canRead) return "not_found"; // a denied read looks like a missing record
  return canDo ? "allow" : "forbidden";
}

/**
 * The single answer to "may this viewer do this action on this resource of E".
 * `rel` is the viewer's relation to E (the employee the resource belongs to).
 */
export function decideAccess(resource: Resource, action: Action, rel: Relation, ctx: Context = {}): Decision {
  if (!rel.sameOrg) return "not_found";
  switch (resource) {
    case "meeting": {
      // Conversations belong to the two people in them, and only while the
      // manager still manages E (access follows the current reporting line).
      const participant = rel.self || (rel.manager && !!ctx.viewerIsMeetingManager);
      return decide(participant, participant && action !== "acknowledge");
    }
    case "privateNote": {
      const author = !!ctx.viewerIsAuthor && (rel.self || (rel.manager && !!ctx.viewerIsMeetingManager));
      return decide(author, author && action !== "acknowledge");
    }
    case "stuckSignal": {
      const recipient = rel.manager || (rel.skipLevel && !!ctx.includeSkipLevel) || (rel.admin && !!ctx.includeHr);
      const canRead = rel.self || recipient;
      if (action === "read") return decide(canRead, true);
      if (action === "acknowledge") return decide(canRead, recipient);
      return decide(canRead, rel.self); // raise / withdraw
    }
    default: {
      const rule = TABLE[resource];
      const canRead = holds(rel, rule.read);
      if (action === "read") return decide(canRead, true);
      if (action === "acknowledge") return decide(canRead, false);
      return decide(canRead, holds(rel, rule.write));
    }
  }
}

export const FLAG_CODES = [
  "role_stale",
  "no_stretch",
  "one_on_one_overdue",
  "pulse_worsening",
  "stuck_unacknowledged",
  "learning_gap",
  "skills_unused",
] as const;
export type FlagCode = (typeof FLAG_CODES)[number];

/**
 * Derived flags inherit the privacy of their inputs: pulse-derived flags only
 * for self and manager; stuck-derived flags for self, manager and the
 * recipients E chose. Everything else for whoever may read flags.
 */
export function visibleFlagCodes(rel: Relation, stuck: { includeSkipLevel: boolean; includeHr: boolean } | null = null): Set<FlagCode> {
  const out = new Set<FlagCode>();
  if (decideAccess("flags", "read", rel) !== "allow") return out;
  for (const c of FLAG_CODES) out.add(c);
  if (!(rel.self || rel.manager)) out.delete("pulse_worsening");
  const stuckRecipient =
    rel.self || rel.manager || (!!stuck && ((rel.skipLevel && stuck.includeSkipLevel) || (rel.admin && stuck.includeHr)));
  if (!stuckRecipient) out.delete("stuck_unacknowledged");
  return out;
}
