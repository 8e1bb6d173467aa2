import { organizations } from "@/db/schema";

/**
 * The organization's radar settings as select columns: the viewer statement,
 * getRadarSettings() and the settings page all read these six.
 */
export const radarSettingsColumns = {
  roleNoticeMonths: organizations.roleNoticeMonths,
  roleWarningMonths: organizations.roleWarningMonths,
  defaultCadenceDays: organizations.defaultCadenceDays,
  pulseAlertScore: organizations.pulseAlertScore,
  learningGapMonths: organizations.learningGapMonths,
  stuckAckDays: organizations.stuckAckDays,
};
