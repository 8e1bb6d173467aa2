import type { Viewer } from "@/lib/auth/viewer-type";
import { audit } from "./log";

/** Sensitive records whose reads by someone other than the employee are audited. */
export type SensitiveKind = "stuck_signal" | "pulse";

// Keeps `meta` under log.ts's 2,000-character cap (a uuid is 36 characters).
const MAX_IDS = 25;
const MAX_PEOPLE = 10;

/**
 * Records one audit event for one page view or API call that showed the
 * viewer sensitive records of other people: "I feel stuck" signals, or an
 * employee's individual pulse answers. One INSERT per read (never per row);
 * the event lists the record ids and whose they are, never the message or
 * comment text. Reads of one's own records are not audited. Never throws.
 */
export async function auditSensitiveRead(
  viewer: Viewer,
  kind: SensitiveKind,
  records: { id: string; personId: string }[],
  via: "page" | "api",
): Promise<void> {
  const others = records.filter((r) => r.personId !== viewer.personId);
  if (others.length === 0) return;
  const people = [...new Set(others.map((r) => r.personId))];
  await audit({
    orgId: viewer.orgId,
    actorUserId: viewer.userId,
    action: kind === "stuck_signal" ? "stuck_signal.read" : "pulse.read",
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
