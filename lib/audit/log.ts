import { getDb } from "@/db/client";
import { auditEvents } from "@/db/schema";

export type AuditInput = {
  orgId: string | null;
  actorUserId: string | null;
  action: string; // e.g. "auth.sign_in", "auth.sign_in_failed", "permission.denied", "member.manager_changed", "plan.exported"
  targetType?: string | null;
  targetId?: string | null;
  meta?: Record<string, unknown>;
  ip?: string | null;
};

/** Appends to the audit trail. Never stores secrets or note bodies in `meta`. */
export async function audit(e: AuditInput): Promise<void> {
  const db = await getDb();
  await db.insert(auditEvents).values({
    orgId: e.orgId,
    actorUserId: e.actorUserId,
    action: e.action,
    targetType: e.targetType ?? null,
    targetId: e.targetId ?? null,
    meta: e.meta ?? {},
    ip: e.ip ?? null,
  });
}
