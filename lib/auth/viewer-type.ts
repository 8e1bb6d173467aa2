/** The signed-in person, as seen inside their active organization. */
export type Viewer = {
  userId: string;
  email: string;
  name: string;
  /** Membership id in the active organization: the viewer's "person id". */
  personId: string;
  orgId: string;
  orgSlug: string;
  orgName: string;
  role: "admin" | "member";
  /** All organizations the user may switch to. */
  orgs: { orgId: string; slug: string; name: string }[];
  /** When this session was signed in (ms since epoch). */
  authTime: number;
  /** This session's id (its token's `sid`): what "Sign out" ends. Absent on viewers built outside a request (tests, scripts). */
  sessionId?: string;
  /** Read with the viewer (same query, same freshness) so the shell's navigation needs no query of its own. */
  nav?: { managesPeople: boolean; hasManager: boolean; managesManagers?: boolean; managerName?: string | null };
  /**
   * The active organization's radar settings, read with the viewer (one row it
   * joins anyway), so pages need no settings query. Absent on viewers built
   * elsewhere (tests, scripts): getRadarSettings() then reads them.
   */
  settings?: {
    roleNoticeMonths: number;
    roleWarningMonths: number;
    defaultCadenceDays: number;
    pulseAlertScore: number;
    learningGapMonths: number;
    stuckAckDays: number;
  };
};
