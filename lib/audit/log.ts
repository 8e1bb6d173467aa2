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

const MAX_META_CHARS = 2000;

/**
 * Appends to the audit trail: one INSERT, no read. It never throws, so an
 * audit write can never fail the user's request (a failure is logged for
 * operators instead). Callers may `await` it or fire and forget
 * (`void audit(...)`). Never store secrets or note bodies in `meta`.
 */
export async function audit(e: AuditInput): Promise<void> {
  try {
    let meta = e.meta ?? {};
    if (JSON.stringify(meta).length > MAX_META_CHARS) meta = { truncated: true };
    const db = await getDb();
    await db.insert(auditEvents).values({
      orgId: e.orgId,
      actorUserId: e.actorUserId,
      action: e.action.slice(0, 100),
      targetType: e.targetType ?? null,
      targetId: e.targetId ?? null,
      meta,
      ip: e.ip ?? null,
    });
  } catch (err) {
    console.error(`[audit] could not record ${e.action}:`, (err as Error)?.message ?? err);
  }
}
