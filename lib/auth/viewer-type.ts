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
  /** Read with the viewer (same query, same freshness) so the shell's navigation needs no query of its own. */
  nav?: { managesPeople: boolean; hasManager: boolean };
};
