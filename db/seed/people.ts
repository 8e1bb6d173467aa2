/**
 * Who is in the demo: two organizations, their people, reporting lines and
 * role timelines. A membership's title and team are derived from its role
 * events (the first event says what they joined as), so the two always agree.
 */
import type { When } from "./time";

export type OrgKey = "acme" | "globex";

export const ORGS: { key: OrgKey; slug: string; name: string; createdAt: When }[] = [
  { key: "acme", slug: "acme", name: "Acme Robotics", createdAt: "-60m" },
  { key: "globex", slug: "globex", name: "Globex", createdAt: "-36m" },
];

export type RoleEventSpec = {
  type: "title_change" | "scope_change" | "team_change" | "promotion" | "rotation_start" | "rotation_end";
  on: When;
  description: string;
  newTitle?: string;
  newTeam?: string;
  rotation?: string; // key into ROTATIONS
};

export type PersonSpec = {
  key: string;
  org: OrgKey;
  name: string;
  role: "admin" | "member";
  manager?: string;
  /** One line for the sign-in help. */
  about: string;
  cadenceDays?: number;
  events: RoleEventSpec[]; // chronological; the first sets title and team
};

const joined = (on: When, newTitle: string, newTeam: string, org = "Acme"): RoleEventSpec => ({
  type: "title_change",
  on,
  description: `Joined ${org} as ${newTitle} on ${newTeam}.`,
  newTitle,
  newTeam,
});

export const PEOPLE: PersonSpec[] = [
  // ---- Acme Robotics: leadership
  { key: "dana", org: "acme", name: "Dana Director", role: "member", about: "Director of Engineering; manages Maya, Omar and Ada", events: [
    joined("-50m", "Engineering Manager", "Engineering"),
    { type: "promotion", on: "-22m", newTitle: "Director of Engineering", description: "Promoted to Director of Engineering after growing the org from two teams to four." },
  ] },
  { key: "ada", org: "acme", name: "Ada Admin", role: "admin", manager: "dana", about: "Org admin (people ops); reports to Dana", events: [
    joined("-36m", "People Operations Partner", "People"),
    { type: "scope_change", on: "-24m", description: "Took over onboarding and the engineering career ladder." },
    { type: "promotion", on: "-11m", newTitle: "People Operations Lead", description: "Promoted to lead People Operations." },
  ] },
  { key: "maya", org: "acme", name: "Maya Manager", role: "member", manager: "dana", about: "Engineering manager of Eli, Fatima, Gus, Hiro, Ines, Jonah", events: [
    joined("-48m", "Senior Software Engineer", "Platform"),
    { type: "promotion", on: "-30m", newTitle: "Engineering Manager", description: "Moved into management: leads the Platform team." },
    { type: "scope_change", on: "-14m", description: "Platform reliability and on-call added to the team's remit." },
  ] },
  { key: "omar", org: "acme", name: "Omar Manager", role: "member", manager: "dana", about: "Engineering manager of Kira, Leo, Mei, Nadia, Pablo", events: [
    joined("-44m", "Engineering Manager", "Web"),
    { type: "team_change", on: "-28m", newTeam: "Mobile", description: "Took over the Mobile team when it split from Web." },
    { type: "scope_change", on: "-10m", description: "Now also owns the mobile release process." },
  ] },

  // ---- Maya's team (Platform)
  { key: "eli", org: "acme", name: "Eli Employee", role: "member", manager: "maya", about: "Maya's report: 27 months in role, overdue 1:1, worsening pulse", cadenceDays: 14, events: [
    joined("-46m", "Software Engineer", "Platform"),
    { type: "scope_change", on: "-38m", description: "Took over the CI build pipeline." },
    { type: "promotion", on: "-27m", newTitle: "Software Engineer II", description: "Promoted to Software Engineer II for the artifact cache work." },
  ] },
  { key: "fatima", org: "acme", name: "Fatima Haddad", role: "member", manager: "maya", about: "Maya's report: on an active rotation with Data Platform", cadenceDays: 7, events: [
    joined("-40m", "Software Engineer", "Platform"),
    { type: "promotion", on: "-18m", newTitle: "Senior Software Engineer", description: "Promoted to Senior after leading the queue migration." },
    { type: "rotation_start", on: "-2m", rotation: "fatima-data", description: "Started a four-month rotation with Data Platform (streaming ingestion)." },
  ] },
  { key: "gus", org: "acme", name: "Gus Ortega", role: "member", manager: "maya", about: "Maya's report: raised \"I feel stuck\" 8 days ago", events: [
    joined("-34m", "Software Engineer", "Platform"),
    { type: "title_change", on: "-22m", newTitle: "Site Reliability Engineer", description: "Moved into the SRE role when Platform took on reliability." },
  ] },
  { key: "hiro", org: "acme", name: "Hiro Tanaka", role: "member", manager: "maya", about: "Maya's report: promoted 4 months ago", events: [
    joined("-30m", "Software Engineer II", "Platform"),
    { type: "scope_change", on: "-15m", description: "Took ownership of the deploy tooling." },
    { type: "promotion", on: "-4m", newTitle: "Senior Software Engineer", description: "Promoted to Senior for the deploy tooling v2 rollout." },
  ] },
  { key: "ines", org: "acme", name: "Ines Moreau", role: "member", manager: "maya", about: "Maya's report: moved from Mobile 16 months ago", events: [
    joined("-38m", "Software Engineer II", "Mobile"),
    { type: "team_change", on: "-16m", newTeam: "Platform", description: "Moved from Mobile to Platform to work on the job queue." },
  ] },
  { key: "jonah", org: "acme", name: "Jonah Becker", role: "member", manager: "maya", about: "Maya's report: 20 months in role, past rotation", events: [
    joined("-44m", "Software Engineer in Test", "Platform"),
    { type: "rotation_start", on: "-26m", rotation: "jonah-devex", description: "Rotation with Developer Experience to build the shared test harness." },
    { type: "rotation_end", on: "-23m", rotation: "jonah-devex", description: "Back on Platform; the harness is now used by three teams." },
    { type: "promotion", on: "-20m", newTitle: "Senior Software Engineer in Test", description: "Promoted for the shared test harness and flaky-test work." },
  ] },

  // ---- Omar's team (Mobile)
  { key: "kira", org: "acme", name: "Kira Novak", role: "member", manager: "omar", about: "Omar's report: moved from Web 3 months ago", events: [
    joined("-14m", "Frontend Engineer", "Web"),
    { type: "team_change", on: "-3m", newTeam: "Mobile", newTitle: "Mobile Engineer", description: "Moved from Web to Mobile to work on the iOS app." },
  ] },
  { key: "leo", org: "acme", name: "Leo Fischer", role: "member", manager: "omar", about: "Omar's report: 40 months in role, one unused skill", events: [
    joined("-40m", "Senior Mobile Engineer", "Mobile"),
  ] },
  { key: "mei", org: "acme", name: "Mei Lin", role: "member", manager: "omar", about: "Omar's report: past rotation with Payments", events: [
    joined("-36m", "Mobile Engineer", "Mobile"),
    { type: "rotation_start", on: "-15m", rotation: "mei-payments", description: "Three-month rotation with Payments on in-app checkout." },
    { type: "rotation_end", on: "-12m", rotation: "mei-payments", description: "Rotation with Payments finished; checkout shipped." },
    { type: "scope_change", on: "-9m", description: "Owns offline sync for both mobile apps." },
  ] },
  { key: "nadia", org: "acme", name: "Nadia Petrova", role: "member", manager: "omar", about: "Omar's report: staff engineer, mentors Fatima and Kira", events: [
    joined("-48m", "Mobile Engineer", "Mobile"),
    { type: "promotion", on: "-28m", newTitle: "Senior Mobile Engineer", description: "Promoted to Senior." },
    { type: "promotion", on: "-13m", newTitle: "Staff Mobile Engineer", description: "Promoted to Staff: sets technical direction for mobile." },
  ] },
  { key: "pablo", org: "acme", name: "Pablo Ruiz", role: "member", manager: "omar", about: "Omar's report: joined 6 months ago", events: [
    joined("-6m", "Mobile Engineer", "Mobile"),
  ] },

  // ---- Globex
  { key: "gina", org: "globex", name: "Gina Globex", role: "member", about: "Globex manager of Hank", events: [
    joined("-30m", "Customer Success Manager", "Customer Success", "Globex"),
    { type: "promotion", on: "-12m", newTitle: "Head of Customer Success", description: "Promoted to head the Customer Success team." },
  ] },
  { key: "hank", org: "globex", name: "Hank Hill", role: "member", manager: "gina", about: "Globex: Gina's report", events: [
    joined("-26m", "Support Specialist", "Customer Success", "Globex"),
    { type: "promotion", on: "-10m", newTitle: "Support Engineer", description: "Promoted to Support Engineer; now handles API escalations." },
  ] },
];

export type RotationSpec = {
  key: string;
  person: string;
  host: string;
  startOn: When;
  plannedEndOn: When;
  endedOn?: When;
  status: "planned" | "active" | "done";
  learningGoal: string;
};

export const ROTATIONS: RotationSpec[] = [
  { key: "fatima-data", person: "fatima", host: "Data Platform (streaming ingestion)", startOn: "-2m", plannedEndOn: "+2m", status: "active",
    learningGoal: "Learn how streaming ingestion is run end to end and bring schema-registry practices back to Platform." },
  { key: "jonah-devex", person: "jonah", host: "Developer Experience", startOn: "-26m", plannedEndOn: "-23m", endedOn: "-23m", status: "done",
    learningGoal: "Build a shared integration-test harness other teams can adopt." },
  { key: "mei-payments", person: "mei", host: "Payments", startOn: "-15m", plannedEndOn: "-12m", endedOn: "-12m", status: "done",
    learningGoal: "Understand the payments stack well enough to own in-app checkout." },
];

export function emailOf(p: PersonSpec): string {
  return `${p.key}@${p.org}.example`;
}

/** Title and team after replaying the person's role events. */
export function currentTitleTeam(p: PersonSpec): { title: string; team: string } {
  let title = "";
  let team = "";
  for (const e of p.events) {
    title = e.newTitle ?? title;
    team = e.newTeam ?? team;
  }
  return { title, team };
}
