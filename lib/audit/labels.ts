import { SETTING_LABELS, type SettingName } from "@/lib/settings/labels";
import { isUuidText as isUuid } from "@/lib/http/canonical-ids";

/** Human labels for audit actions; unknown actions are shown as recorded. */
const LABELS: Record<string, string> = {
  "auth.sign_in": "Signed in",
  "auth.sign_in_failed": "Failed sign-in",
  "auth.rate_limited": "Sign-in paused (too many failures)",
  "auth.password_changed": "Changed password",
  "auth.password_change_failed": "Wrong current password on password change",
  "auth.password_reset_requested": "Asked for a link to set a new password",
  "auth.password_reset": "Set a new password through a link",
  "permission.denied": "Permission denied",
  "stuck_signal.read": "Viewed someone's “I feel stuck” signals",
  "pulse.read": "Viewed someone's pulse answers",
  "member.invited": "Invited someone",
  "member.invitation_accepted": "Accepted an invitation",
  "member.invitation_revoked": "Revoked an invitation",
  "member.csv_imported": "Imported people from CSV",
  "member.imported": "Added someone through a CSV import",
  "member.manager_changed": "Changed someone's manager",
  // Recorded by changeTitleTeam: a job title or team, not what the person may access (there is no such change).
  "member.role_changed": "Changed someone's title or team",
  "member.title_team_corrected": "Corrected the spelling of someone's title or team (not a role change)",
  "member.access_changed": "Made someone an admin, or a member again",
  "member.deactivated": "Deactivated someone",
  "member.reactivated": "Reactivated someone",
  "org.created": "Created the organization and invited its first admin",
  "org.settings_changed": "Changed the organization's settings",
  "plan.exported": "Exported their growth plan",
  "role_event.created": "Recorded a role change",
  "role_event.updated": "Edited a role change",
  "role_event.deleted": "Deleted a role change",
};

export function auditActionLabel(action: string): string {
  return LABELS[action] ?? action;
}

/** What an event is about, when it is not a member shown by name: the recorded type read as words ("role_event" read as code). */
const TARGET_LABELS: Record<string, string> = {
  invitation: "an invitation",
  membership: "a member",
  organization: "the organization",
  person: "a person",
  plan: "a growth plan",
  role_event: "a role change",
  user: "an account",
};

export function auditTargetLabel(targetType: string): string {
  return TARGET_LABELS[targetType] ?? targetType.replaceAll("_", " ");
}

/** Detail keys in words; one not listed is shown as recorded. */
const KEY_LABELS: Record<string, string> = {
  personId: "person",
  effectiveOn: "date",
  fromTimeline: "from the role timeline",
  roleEventsAdded: "role changes recorded",
  create: "created",
  update: "updated",
  withoutSignIn: "not yet able to sign in",
};

/** Values that are codes ("rotation_start", "scope_change") read as words. */
const codeAsWords = (v: string) => (/^[a-z]+(_[a-z]+)+$/.test(v) ? v.replaceAll("_", " ") : v);

/** `meta` as short "key: value" text, member ids shown by name (`names`); values are cut so a row stays readable. */
export function auditMetaText(meta: Record<string, unknown>, names: Record<string, string> = {}): string {
  return Object.entries(meta)
    .map(([key, v]) => {
      const k = KEY_LABELS[key] ?? key;
      // A settings change records [before, after] per setting it changed.
      if (key in SETTING_LABELS && Array.isArray(v) && v.length === 2) return `${SETTING_LABELS[key as SettingName]}: ${v[0]} → ${v[1]}`;
      // A list of ids: members by name; record ids (a sensitive read's `ids`) as how many, not a wall of uuids.
      // Other strings are words ("changed: team"), which were counted as "1 record".
      if (Array.isArray(v) && v.every((x) => typeof x === "string")) {
        const named = v.filter((x) => names[x]).map((x) => names[x]);
        const ids = v.filter((x) => !names[x] && isUuid(x)).length;
        const words = v.filter((x) => !names[x] && !isUuid(x)).map(codeAsWords);
        return `${k}: ${[...named, ...words, ...(ids ? [`${ids} record${ids === 1 ? "" : "s"}`] : [])].join(", ") || "none"}`.slice(0, 120);
      }
      return `${k}: ${typeof v === "string" ? (names[v] ?? codeAsWords(v)) : v === null ? "none" : typeof v === "boolean" ? (v ? "yes" : "no") : JSON.stringify(v)}`.slice(0, 120);
    })
    .join(" · ");
}
