import type { Viewer } from "@/lib/auth/viewer-type";
import { audit } from "./log";
import { canonicalId } from "@/lib/http/canonical-ids";

// Keeps `meta` under log.ts's 2,000-character cap (a uuid is 36 characters).
const MAX_IDS = 25;
const MAX_PEOPLE = 10;

/**
 * Sensitive reads are audited, and the audit log is read by admins: an event
 * must not tell an admin more than ACCESS.md lets them see (R includes counts).
 * So:
 * - "I feel stuck" signals: one event per page view or API call listing the
 *   signals shown that their employee chose to include HR / org admins in,
 *   with whose they are; a signal the employee kept from HR leaves no trace
 *   in the admins' log (it would tell them who feels stuck, and when).
 * - Individual pulse answers: one event per view of someone's answers, naming
 *   whose, with no count and no ids, and written whether or not they answered,
 *   so its presence says nothing about their participation.
 * Never the message or comment text; reads of one's own records are not
 * audited; one INSERT per read, never per row. Never throws.
 */
export async function auditStuckSignalRead(viewer: Viewer, shown: { id: string; personId: string; includeHr: boolean }[], via: "page" | "api"): Promise<void> {
  const others = shown.filter((r) => r.personId !== viewer.personId && r.includeHr);
  if (others.length === 0) return;
  const people = [...new Set(others.map((r) => r.personId))];
  await audit({
    orgId: viewer.orgId,
    actorUserId: viewer.userId,
    action: "stuck_signal.read",
    targetType: people.length === 1 ? "person" : null,
    targetId: people.length === 1 ? people[0]! : null,
    meta: {
      via,
      count: others.length,
      ids: others.slice(0, MAX_IDS).map((r) => r.id),
      ...(people.length > 1 ? { people: people.slice(0, MAX_PEOPLE) } : {}),
    },
  });
}

/** See above: whose pulse answers were opened, by whom, how; nothing about the answers themselves. */
export async function auditPulseViewed(viewer: Viewer, personId: string, via: "page" | "api"): Promise<void> {
  if (canonicalId(personId) === viewer.personId) return;
  await audit({ orgId: viewer.orgId, actorUserId: viewer.userId, action: "pulse.read", targetType: "person", targetId: personId, meta: { via } });
}
