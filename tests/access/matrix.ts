/**
 * ../shared/ACCESS.md as data: every resource × action × actor with the
 * expected outcome. The access tests iterate the full registry
 * (MATRIX_RESOURCES × their actions × ACTORS) and fail on any cell missing
 * here, so a new resource or action cannot slip in without a row.
 *
 * E is Eli (Acme), whose manager is Maya and skip-level Dana. The former
 * manager is Omar, who managed Eli (and held a 1:1 with a private note)
 * before Eli was moved back to Maya.
 */
export const ACTORS = [
  "self",
  "manager",
  "skipLevel",
  "formerManager",
  "peer",
  "admin",
  "otherOrgAdmin",
  "otherOrgMember",
  "anonymous",
  "deactivated",
  "stalePassword",
] as const;
export type Actor = (typeof ACTORS)[number];

export type Outcome = "allow" | 401 | 403 | 404;

/**
 * Matrix resources. Most map 1:1 to policy resources; some are one policy
 * resource seen through a specific record:
 * - meeting: the current Maya–Eli 1:1 (for the former manager: the old Omar–Eli 1:1 he held)
 * - privateNote: the manager's private note on it (for the former manager: his own old one)
 * - stuckSignal: one Eli raised for his manager only; stuckSignalShared: one that includes skip-level and HR
 */
export const MATRIX_RESOURCES = {
  directory: ["read", "write"],
  roleHistory: ["read", "write"],
  flags: ["read"],
  plan: ["read", "write"],
  meeting: ["read", "write"],
  privateNote: ["read", "write"],
  pulse: ["read", "write"],
  stuckSignal: ["read", "write", "acknowledge"],
  stuckSignalShared: ["read", "write", "acknowledge"],
  orgAdmin: ["read", "write"],
  auditLog: ["read"],
} as const;
export type MatrixResource = keyof typeof MATRIX_RESOURCES;
export type MatrixAction = "read" | "write" | "acknowledge";

type Row = Partial<Record<MatrixAction, Outcome>>;

// Signed-out, deactivated and pre-password-change sessions are all "anonymous": 401 everywhere.
const signedOut: Record<"anonymous" | "deactivated" | "stalePassword", Row> = {
  anonymous: { read: 401, write: 401, acknowledge: 401 },
  deactivated: { read: 401, write: 401, acknowledge: 401 },
  stalePassword: { read: 401, write: 401, acknowledge: 401 },
};
const otherOrg: Record<"otherOrgAdmin" | "otherOrgMember", Row> = {
  otherOrgAdmin: { read: 404, write: 404, acknowledge: 404 },
  otherOrgMember: { read: 404, write: 404, acknowledge: 404 },
};
const R: Row = { read: "allow", write: 403 };
const RW: Row = { read: "allow", write: "allow" };
const NONE: Row = { read: 404, write: 404 };

export const MATRIX: Record<MatrixResource, Record<Actor, Row>> = {
  directory: { self: R, manager: R, skipLevel: R, formerManager: R, peer: R, admin: RW, ...otherOrg, ...signedOut },
  roleHistory: { self: R, manager: RW, skipLevel: R, formerManager: NONE, peer: NONE, admin: RW, ...otherOrg, ...signedOut },
  flags: {
    self: { read: "allow" },
    manager: { read: "allow" },
    skipLevel: { read: "allow" },
    formerManager: { read: 404 },
    peer: { read: 404 },
    admin: { read: "allow" },
    ...otherOrg,
    ...signedOut,
  },
  plan: { self: RW, manager: RW, skipLevel: R, formerManager: NONE, peer: NONE, admin: NONE, ...otherOrg, ...signedOut },
  meeting: { self: RW, manager: RW, skipLevel: NONE, formerManager: NONE, peer: NONE, admin: NONE, ...otherOrg, ...signedOut },
  privateNote: { self: NONE, manager: RW, skipLevel: NONE, formerManager: NONE, peer: NONE, admin: NONE, ...otherOrg, ...signedOut },
  pulse: { self: RW, manager: R, skipLevel: NONE, formerManager: NONE, peer: NONE, admin: NONE, ...otherOrg, ...signedOut },
  stuckSignal: {
    self: { read: "allow", write: "allow", acknowledge: 403 },
    manager: { read: "allow", write: 403, acknowledge: "allow" },
    skipLevel: { read: 404, write: 404, acknowledge: 404 },
    formerManager: { read: 404, write: 404, acknowledge: 404 },
    peer: { read: 404, write: 404, acknowledge: 404 },
    admin: { read: 404, write: 404, acknowledge: 404 },
    ...otherOrg,
    ...signedOut,
  },
  stuckSignalShared: {
    self: { read: "allow", write: "allow", acknowledge: 403 },
    manager: { read: "allow", write: 403, acknowledge: "allow" },
    skipLevel: { read: "allow", write: 403, acknowledge: "allow" },
    formerManager: { read: 404, write: 404, acknowledge: 404 },
    peer: { read: 404, write: 404, acknowledge: 404 },
    admin: { read: "allow", write: 403, acknowledge: "allow" },
    ...otherOrg,
    ...signedOut,
  },
  orgAdmin: { self: NONE, manager: NONE, skipLevel: NONE, formerManager: NONE, peer: NONE, admin: RW, ...otherOrg, ...signedOut },
  auditLog: {
    self: { read: 404 },
    manager: { read: 404 },
    skipLevel: { read: 404 },
    formerManager: { read: 404 },
    peer: { read: 404 },
    admin: { read: "allow" },
    ...otherOrg,
    ...signedOut,
  },
};

/** Every cell the registry defines, for iteration and coverage checks. */
export function allCells(): { resource: MatrixResource; action: MatrixAction; actor: Actor }[] {
  const out: { resource: MatrixResource; action: MatrixAction; actor: Actor }[] = [];
  for (const [resource, actions] of Object.entries(MATRIX_RESOURCES) as [MatrixResource, readonly MatrixAction[]][]) {
    for (const action of actions) for (const actor of ACTORS) out.push({ resource, action, actor });
  }
  return out;
}
