import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { organizations } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer-type";
import { audit } from "@/lib/audit/log";
import { conflict, notFound } from "@/lib/errors";
import { authorizeOrg } from "@/lib/policy";
import { radarSettingsColumns } from "@/lib/radar/settings-columns";
import { settingChanges } from "./labels";
import { requiredVersion } from "@/lib/http/version-field";

const int = (min: number, max: number, what: string) =>
  z.coerce
    .number({ error: `Enter a whole number of ${what}.` })
    .int(`Enter a whole number of ${what}.`)
    .min(min, `Between ${min} and ${max} ${what}.`)
    .max(max, `Between ${min} and ${max} ${what}.`);

export const orgSettingsInput = z
  .object({
    roleNoticeMonths: int(1, 120, "months"),
    roleWarningMonths: int(1, 120, "months"),
    defaultCadenceDays: int(1, 90, "days"),
    // A rust score is an average of the answers (3.7), so the alert takes half points.
    pulseAlertScore: z.coerce
      .number({ error: "Enter a score from 1 to 5, e.g. 4 or 3.5." })
      .min(1, "Enter a score from 1 to 5, e.g. 4 or 3.5.")
      .max(5, "Enter a score from 1 to 5, e.g. 4 or 3.5.")
      .multipleOf(0.5, "Use whole or half points, e.g. 4 or 3.5."),
    learningGapMonths: int(1, 120, "months"),
    stuckAckDays: int(1, 60, "days"),
    version: requiredVersion,
  })
  .refine((s) => s.roleNoticeMonths <= s.roleWarningMonths, {
    message: "The notice threshold must not be later than the warning threshold.",
    path: ["roleNoticeMonths"],
  });
export type OrgSettingsInput = z.infer<typeof orgSettingsInput>;
export type OrgSettings = Omit<OrgSettingsInput, "version"> & { version: number; name: string };

const cols = {
  name: organizations.name,
  ...radarSettingsColumns,
  version: organizations.version,
};

export async function getOrgSettings(db: Db, viewer: Viewer | null): Promise<OrgSettings> {
  const v = authorizeOrg(viewer, "orgAdmin", "read");
  const [o] = await db.select(cols).from(organizations).where(eq(organizations.id, v.orgId));
  if (!o) throw notFound();
  return o;
}

/** Saves the thresholds if nobody else saved since `version` was read; 409 with the current values otherwise. */
export async function updateOrgSettings(db: Db, viewer: Viewer | null, input: OrgSettingsInput): Promise<OrgSettings> {
  const v = authorizeOrg(viewer, "orgAdmin", "write");
  const { version, ...values } = input;
  // What the save replaces, for the audit log: the update below only succeeds on this same version,
  // so these are exactly the values it overwrites.
  const before = await getOrgSettings(db, v);
  const [row] = await db
    .update(organizations)
    .set({ ...values, version: sql`${organizations.version} + 1`, updatedAt: new Date() })
    .where(and(eq(organizations.id, v.orgId), eq(organizations.version, version)))
    .returning(cols);
  if (!row) {
    const current = await getOrgSettings(db, v);
    throw conflict("Someone else saved the settings in the meantime, so nothing was saved.", { current });
  }
  await audit({ orgId: v.orgId, actorUserId: v.userId, action: "org.settings_changed", targetType: "organization", targetId: v.orgId, meta: settingChanges(before, row) });
  return row;
}
